// The differential fuzzer (test/fuzz/, docs/fuzzing.md): its generator is
// deterministic, its shrinker reduces a program while a predicate holds, and a
// fixed-seed batch of generated programs runs the same natively and compiled.

import { describe, it, expect } from "vitest";
import { availableParallelism } from "node:os";
import { parse, type ParserPlugin } from "@babel/parser";
import { generateProgram, printProgram } from "./fuzz/generate.mjs";
import { shrink } from "./fuzz/shrink.mjs";
import { countNodes } from "./fuzz/ast.mjs";
import { Random } from "./fuzz/random.mjs";
import { runBatch } from "./fuzz/fuzz.mjs";
import { runInRealm } from "./fuzz/realm.mjs";
import { firstDifference } from "./fuzz/check.mjs";

// The batch CI runs. Do not change the seed to make a failure go away: a
// mismatch is a compiler bug (see docs/fuzzing.md for how to reproduce it).
const CI_SEED = "ci-1";
const CI_COUNT = 300;

describe("fuzz: generator", () => {
  it("gives the same program for the same seed and number", () => {
    for (let i = 0; i < 20; i++) {
      expect(printProgram(generateProgram("determinism", i))).toBe(printProgram(generateProgram("determinism", i)));
    }
  });

  it("gives different programs for different seeds and numbers", () => {
    const texts = new Set<string>();
    for (const seed of ["a", "b"]) for (let i = 0; i < 10; i++) texts.add(printProgram(generateProgram(seed, i)));
    expect(texts.size).toBe(20);
  });

  it("does not depend on Math.random", () => {
    const original = Math.random;
    const before = printProgram(generateProgram("no-math-random", 3));
    Math.random = () => {
      throw new Error("the generator called Math.random");
    };
    try {
      expect(printProgram(generateProgram("no-math-random", 3))).toBe(before);
    } finally {
      Math.random = original;
    }
  });

  it("writes programs that parse, with async functions, generators, loops, try and switch", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const program = generateProgram("syntax", i);
      const text = printProgram(program);
      const plugins: ParserPlugin[] = program.ts ? ["typescript"] : [];
      expect(() => parse(text, { sourceType: program.sourceType, errorRecovery: false, plugins }), `program ${i}`).not.toThrow();
      for (const [name, pattern] of Object.entries({
        await: /\bawait\b/, yield: /\byield\b/, "async function*": /async function\*|async \*/, "for await": /for await/,
        finally: /\bfinally\b/, switch: /\bswitch\b/, label: /\bL\d+: /, continue: /\bcontinue\b/, arguments: /\barguments\b/,
        this: /\bthis\b/, closures: /\bcl\d+\.push/, "do-while": /\bdo \{/, "for-in": / in /,
        "block function": /^\s+function bf\d+\(/m, "private field": /this\.#pv\d+/, delete: /\bdelete\b/,
        "suspended callee": /\((await|yield)\b[^()]*(\([^()]*\))?[^()]*\)(\?\.)?[(`]/, "probe after a suspension": /\bfn\d+(\?\.)?[(`]/,
        "parameter named arguments": /\(([^()]*, )?arguments[,)]/, "var arguments": /\bvar arguments\b/, accessor: /\bget val\(\)/,
        "field in a body": /^\s+class C\d+ \{\n\s+tag = /m, "built-in name": /^(var|let|const|class|function) (Promise|Symbol|Object|Array|[A-Z][a-z]+Error|Reflect|Function|WeakMap|Set|Map|String|queueMicrotask|undefined)\b/m,
        typescript: /\): Promise<|: any\b/,
      })) {
        if (pattern.test(text)) seen.add(name);
      }
    }
    expect([...seen].sort()).toEqual(
      [
        "async function*", "await", "yield", "for await", "finally", "switch", "label", "continue", "arguments", "this", "closures", "do-while", "for-in",
        "block function", "private field", "delete", "suspended callee", "probe after a suspension", "parameter named arguments", "var arguments",
        "accessor", "field in a body", "built-in name", "typescript",
      ].sort(),
    );
  });

  it("draws numbers in range from a seeded sequence", () => {
    const a = new Random("x");
    const b = new Random("x");
    const draws = Array.from({ length: 100 }, () => a.int(7));
    expect(Array.from({ length: 100 }, () => b.int(7))).toEqual(draws);
    expect(Math.min(...draws)).toBe(0);
    expect(Math.max(...draws)).toBe(6);
  });
});

describe("fuzz: shrinker", () => {
  it("keeps the predicate true and removes everything else", async () => {
    // A synthetic "bug": some function has a try with a finally that contains a log call.
    const predicate = async (_tree: unknown, candidate: string) => /finally \{\n\s*log\(/.test(candidate);
    // The first program of the seed that shows it (which one depends on the generator's constructs).
    const index = Array.from({ length: 50 }, (_, i) => i).find((i) => /finally \{\n\s*log\(/.test(printProgram(generateProgram("shrink", i))));
    expect(index).toBeDefined();
    const program = generateProgram("shrink", index!);
    const text = printProgram(program);
    expect(await predicate(program, text)).toBe(true);
    const result = await shrink(program, { predicate, print: printProgram, sourceType: program.sourceType, ts: program.ts });
    const shrunk = printProgram(result.tree);
    expect(await predicate(result.tree, shrunk)).toBe(true);
    expect(countNodes(result.tree)).toBeLessThan(countNodes(program) / 10);
    // What is left: one function with the try statement, and the little the syntax needs.
    expect(shrunk.split("\n").length).toBeLessThan(text.split("\n").length / 5);
  });

  it("stops when no edit keeps the predicate true", async () => {
    // One function of a program: every edit of it is tried once, and none is kept.
    const whole = generateProgram("shrink", 2);
    const program = { ...whole, body: whole.body.filter((s: { t: string }) => s.t === "fndecl").slice(0, 1) };
    expect(program.body.length).toBe(1);
    let calls = 0;
    const predicate = async () => {
      calls++;
      return false;
    };
    const result = await shrink(program, { predicate, print: printProgram, sourceType: program.sourceType, ts: program.ts });
    expect(printProgram(result.tree)).toBe(printProgram(program));
    expect(calls).toBe(result.checks);
    expect(calls).toBeGreaterThan(0);
  });
});

describe("fuzz: realm runs", () => {
  // Scripts only here: module programs need the workers' --experimental-vm-modules.
  const run = (code: string, timeoutMs = 2000) => runInRealm(code, { module: false, timeoutMs });

  it("records printed lines in microtask order, escaped errors and unhandled rejections", async () => {
    const result = await run(`
      Promise.resolve().then(() => console.log("tick"));
      (async () => { console.log("a"); await null; console.log("b"); })();
      Promise.reject(new Error("e1"));
      Promise.reject(new TypeError("engine words"));
      console.log("sync");
    `);
    expect(result.lines).toEqual(["a", "sync", "tick", "b"]);
    expect(result.unhandled).toEqual(["Error(e1)", "TypeError"]);
    expect(result.error).toBe(null);
    const thrown = await run(`console.log("before"); throw new RangeError("e2");`);
    expect(thrown.lines).toEqual(["before"]);
    expect(thrown.error).toBe("RangeError(e2)");
  });

  it("stops a program that never stops scheduling microtasks", async () => {
    const result = await run(`(async () => { for (;;) await null; })();`, 300);
    expect(result.timedOut).toBe(true);
  });

  it("describes where two runs part", () => {
    const base = { lines: ["a", "b"], error: null, unhandled: [] as string[], timedOut: false };
    expect(firstDifference(base, { ...base })).toBe(null);
    expect(firstDifference(base, { ...base, lines: ["a", "c"] })).toBe('line 2: native "b", compiled "c"');
    expect(firstDifference(base, { ...base, lines: ["a"] })).toBe('line 2: native "b", compiled (nothing)');
    expect(firstDifference(base, { ...base, error: "TypeError" })).toBe("uncaught error: native null, compiled TypeError");
    expect(firstDifference(base, { ...base, unhandled: ["Error(e1)"] })).toBe("unhandled rejections: native [], compiled [Error(e1)]");
  });
});

describe("fuzz: native and compiled runs agree", () => {
  it(
    `on ${CI_COUNT} programs of seed ${CI_SEED}`,
    async () => {
      const jobs = Math.max(1, Math.min(4, availableParallelism()));
      const { stats, mismatches, invalid } = await runBatch({ seed: CI_SEED, count: CI_COUNT, jobs });
      const report = mismatches.map((m) => `program ${m.index} (${m.kind ?? m.verdict}): ${m.reason}`);
      expect(report, `reproduce with: npm run fuzz -- --seed ${CI_SEED} --count ${CI_COUNT}`).toEqual([]);
      expect(invalid.map((v) => `program ${v.index}: ${v.reason}`)).toEqual([]);
      expect(stats.same).toBe(CI_COUNT);
    },
    240_000,
  );
});
