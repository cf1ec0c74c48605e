// Every fixture twice over: the compiled output must equal the golden
// output.js (update with `npm run fixtures:update` and review the diff), and
// the compiled program run in its own process must print exactly what the
// input prints run natively — the same lines in the same order, the same exit
// status and the same uncaught error, if any.

import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { transform } from "../src/index.js";
import { loadFixtures, goldenOptions, execOptions, runnable } from "./support/fixtures.js";
import { runNode } from "./support/run-node.js";

const fixtures = loadFixtures();
// `npm run fixtures:update` sets this to rewrite the golden files instead of comparing.
const updating = process.env.UPDATE_FIXTURES === "1";

describe("fixtures: golden output", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const actual = transform(fixture.input, goldenOptions(fixture)).code;
    if (updating) writeFileSync(fixture.outputFile, actual + "\n");
    expect(existsSync(fixture.outputFile), `${fixture.name}/output.js is missing; run npm run fixtures:update`).toBe(true);
    expect(actual).toBe(readFileSync(fixture.outputFile, "utf8").replace(/\n$/, ""));
  });
});

describe.concurrent("fixtures: compiled runs like native", () => {
  const executable = fixtures.filter((f) => f.options.exec !== false);
  it.each(executable.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const module = fixture.options.module !== false;
    // TypeScript runs with its types stripped, on both sides alike.
    const native = runNode(runnable(fixture, fixture.input), { module });
    const compiled = runNode(runnable(fixture, transform(fixture.input, execOptions(fixture)).code), { module });
    expect(native.stdout.length, "the fixture prints nothing natively").toBeGreaterThan(0);
    expect(compiled).toEqual(native);
  });
});
