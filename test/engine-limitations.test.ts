// The list of what keeps fixtures from running alike on an engine
// (test/support/engines/limitations.ts), checked two ways:
//
// - the list itself: every fixture and engine it names exists, every entry
//   has a reason and a repro, and no repro has anything for awaitless to
//   lower (no async function, generator, await, yield or using);
// - each repro, built for each engine its limitation names as a build for
//   that engine would build it, run there and on Node 20: the two must
//   differ, and Node must run it without an uncaught error (unless the error
//   is what the repro shows). When an engine stops differing (a new version,
//   a new host), its test here fails, and the limitation's fixtures can go
//   back to running there.

import { describe, it, expect } from "vitest";
import { loadFixtures } from "./support/fixtures.js";
import { runNodeAsync } from "./support/run-node-async.js";
import { suspendingSyntax, resourceDeclarations } from "./support/syntax.js";
import { ENGINES, TIMEOUT_MS, type EngineName } from "./support/engines/engines.js";
import { LIMITATIONS } from "./support/engines/limitations.js";

const entries = Object.entries(LIMITATIONS);

describe("the limitations list", () => {
  const fixtures = new Set(loadFixtures({ withNewerEngines: true }).map((f) => f.name));

  it.each(entries)("%s: names existing fixtures and engines, with a reason", (_key, limitation) => {
    expect(limitation.reason.length, "the reason").toBeGreaterThan(20);
    const engines = Object.keys(limitation.fixtures);
    expect(engines.length, "it names no engine").toBeGreaterThan(0);
    for (const engine of engines) {
      expect(Object.keys(ENGINES)).toContain(engine);
      const names = limitation.fixtures[engine as EngineName]!;
      expect(names.length, `no fixture on ${engine}`).toBeGreaterThan(0);
      expect(new Set(names).size, `a fixture listed twice on ${engine}`).toBe(names.length);
      for (const name of names) expect(fixtures.has(name), `fixture ${name} does not exist`).toBe(true);
    }
  });

  it.each(entries)("%s: the repro has nothing for awaitless", (_key, limitation) => {
    const sourceType = limitation.script ? "script" : "module";
    expect(suspendingSyntax(limitation.repro, sourceType)).toEqual([]);
    expect(resourceDeclarations(limitation.repro, sourceType)).toEqual([]);
  });
});

const cases = entries.flatMap(([key, limitation]) =>
  (Object.keys(limitation.fixtures) as EngineName[]).map((engine) => [`${key} on ${ENGINES[engine].title}`, engine, limitation] as const),
);

describe.concurrent("each repro still differs from Node on its engine", () => {
  it.each(cases)(
    "%s",
    async (_title, engineName, limitation) => {
      const engine = ENGINES[engineName];
      const module = !limitation.script;
      const [native, actual] = await Promise.all([
        runNodeAsync(limitation.repro, { module }),
        engine.run(engine.buildPlain(limitation.repro, { module }), { module, timeoutMs: TIMEOUT_MS }),
      ]);
      expect(native.stdout, "Node prints nothing").not.toBe("");
      if (!limitation.endsWithError) expect(native.error, "the repro fails on Node").toBeNull();
      expect(actual, `${engine.title} no longer differs from Node: the limitation's fixtures can run there`).not.toEqual(native);
    },
    TIMEOUT_MS,
  );
});
