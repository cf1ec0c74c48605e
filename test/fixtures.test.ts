// Every fixture twice over: the compiled output must equal the golden
// output.js (update with `npm run fixtures:update` and review the diff), and
// the compiled program run in its own process must print exactly what the
// input prints run natively — the same lines in the same order, the same exit
// status and the same uncaught error, if any.

import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { transform } from "../src/index.js";
import { loadFixtures, goldenOptions, execOptions, runnable } from "./support/fixtures.js";
import { runNode, type RunResult } from "./support/run-node.js";
import { ENGINES } from "../scripts/engines/paths.mjs";

const fixtures = loadFixtures({ withNewerEngines: true });
// Node 24 as `npm run engines` installs it (.ci/run does), if it is there.
const node24 = existsSync(ENGINES.node24.binary) ? ENGINES.node24.binary : null;
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
  const executable = fixtures.filter((f) => f.options.exec !== false && !f.options.nativeEngine);
  it.each(executable.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const module = fixture.options.module !== false;
    // TypeScript runs with its types stripped, on both sides alike.
    const native = runNode(runnable(fixture, fixture.input), { module });
    const compiled = runNode(runnable(fixture, transform(fixture.input, execOptions(fixture)).code), { module });
    expect(native.stdout.length, "the fixture prints nothing natively").toBeGreaterThan(0);
    expect(compiled).toEqual(native);
  });
});

/**
 * Fixtures whose input only Node 24 runs natively (`using`): what it prints
 * there is recorded in native.json (written by `npm run fixtures:update`
 * where Node 24 is installed). The compiled program must print exactly that
 * on this Node and on Node 24; and where Node 24 is installed, the input run
 * natively must still print it, so the record cannot go stale.
 */
describe.concurrent("fixtures on Node 24: compiled runs like native", () => {
  const newer = fixtures.filter((f) => f.options.nativeEngine === "node24");
  it.each(newer.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const module = fixture.options.module !== false;
    let recorded: RunResult | null = fixture.recordedNative;
    if (node24) {
      const native = runNode(runnable(fixture, fixture.input), { module, node: node24 });
      if (updating) writeFileSync(join(fixture.dir, "native.json"), JSON.stringify(native, null, 2) + "\n");
      else expect(native, "Node 24 no longer prints what native.json records").toEqual(recorded);
      recorded = native;
    }
    expect(recorded, `${fixture.name}/native.json is missing; run npm run engines, then npm run fixtures:update`).not.toBeNull();
    expect(recorded!.stdout.length, "the fixture prints nothing natively").toBeGreaterThan(0);
    const code = runnable(fixture, transform(fixture.input, execOptions(fixture)).code);
    expect(runNode(code, { module }), "compiled, on this Node").toEqual(recorded);
    if (node24) expect(runNode(code, { module, node: node24 }), "compiled, on Node 24").toEqual(recorded);
  });
});
