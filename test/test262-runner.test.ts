// The test262 runner's own pure parts: reading frontmatter, choosing the
// variants and assembling the program, deciding pass/fail for negative and
// async tests, the suite rule, leftover-syntax detection, and comparing with
// the expectations file. Everything is inline: no test262 checkout needed.

import { describe, it, expect } from "vitest";
import { parseFrontmatter } from "../scripts/test262/frontmatter.mjs";
import { assembleProgram, harnessFilesFor, variantsFor, STRICT_PREFIX } from "../scripts/test262/program.mjs";
import {
  judgeParse,
  judgeThrow,
  judgeCompletion,
  judgePrints,
  isNegativeParse,
  describeError,
  errorName,
} from "../scripts/test262/outcome.mjs";
import { inSuite } from "../scripts/test262/select.mjs";
import { findUnlowered } from "../scripts/test262/lowered.mjs";
import { compareWithExpectations, matchesExpectations, withNativeResults } from "../scripts/test262/expectations.mjs";
import { clusterKey, clusterFailures } from "../scripts/test262/summary.mjs";

const meta = (text: string) => parseFrontmatter(`// Copyright\n/*---\n${text}\n---*/\nbody();\n`);

describe("frontmatter", () => {
  it("reads flow lists, block lists and skips multi-line text", () => {
    const m = meta(
      [
        "description: >",
        "  flags: [not, a, key]",
        "info: |",
        "  includes: [nope.js]",
        "includes: [propertyHelper.js, compareArray.js]",
        "flags: [async, onlyStrict]",
        "features:",
        "  - async-functions",
        "  - 'class'",
      ].join("\n"),
    );
    expect(m.includes).toEqual(["propertyHelper.js", "compareArray.js"]);
    expect(m.flags).toEqual(["async", "onlyStrict"]);
    expect(m.features).toEqual(["async-functions", "class"]);
    expect(m.negative).toBeNull();
  });

  it("reads negative with phase and type", () => {
    const m = meta("negative:\n  phase: parse\n  type: SyntaxError\nflags: []");
    expect(m.negative).toEqual({ phase: "parse", type: "SyntaxError" });
    expect(m.flags).toEqual([]);
    expect(isNegativeParse(m)).toBe(true);
  });

  it("gives empty metadata when there is no frontmatter", () => {
    expect(parseFrontmatter("x();")).toEqual({ includes: [], flags: [], features: [], negative: null });
  });
});

describe("program assembly", () => {
  const readHarness = (name: string) => `/* ${name} */`;
  const source = "test();\n";

  it("runs sloppy and strict by default, one of them when flagged", () => {
    expect(variantsFor(meta(""))).toEqual(["sloppy", "strict"]);
    expect(variantsFor(meta("flags: [onlyStrict]"))).toEqual(["strict"]);
    expect(variantsFor(meta("flags: [noStrict]"))).toEqual(["sloppy"]);
    expect(variantsFor(meta("flags: [raw]"))).toEqual(["sloppy"]);
  });

  it("puts assert, sta, doneprintHandle (async) and includes before the test, in order", () => {
    const m = meta("flags: [async]\nincludes: [asyncHelpers.js]");
    expect(harnessFilesFor(m)).toEqual(["assert.js", "sta.js", "doneprintHandle.js", "asyncHelpers.js"]);
    expect(assembleProgram({ source, meta: m, variant: "sloppy", readHarness })).toBe(
      "/* assert.js */\n/* sta.js */\n/* doneprintHandle.js */\n/* asyncHelpers.js */\ntest();\n",
    );
  });

  it("puts \"use strict\" before everything, harness included, for the strict variant", () => {
    const program = assembleProgram({ source, meta: meta(""), variant: "strict", readHarness });
    expect(program.startsWith(STRICT_PREFIX + "/* assert.js */")).toBe(true);
    expect(STRICT_PREFIX).toBe('"use strict";\n');
  });

  it("runs raw tests alone and unmodified", () => {
    const raw = "/*---\nflags: [raw]\n---*/\n'no harness';";
    expect(assembleProgram({ source: raw, meta: parseFrontmatter(raw), variant: "sloppy", readHarness })).toBe(raw);
  });
});

describe("verdicts", () => {
  const syntaxError = Object.assign(new Error("bad"), { name: "SyntaxError" });
  const negativeParse = meta("negative:\n  phase: parse\n  type: SyntaxError");
  const negativeRuntime = meta("negative:\n  phase: runtime\n  type: ReferenceError");
  const asyncTest = meta("flags: [async]");

  it("passes a negative parse test only when parsing throws the named error", () => {
    expect(judgeParse(negativeParse, syntaxError, "the engine")?.pass).toBe(true);
    expect(judgeParse(negativeParse, undefined, "the compiler")).toEqual({
      pass: false,
      message: "the compiler accepted a program that must be rejected with SyntaxError",
    });
    expect(judgeParse(negativeParse, new TypeError("x"), "the engine")?.pass).toBe(false);
  });

  it("goes on to evaluation when a positive test parses, and fails it when it does not", () => {
    expect(judgeParse(meta(""), undefined, "the engine")).toBeNull();
    expect(judgeParse(meta(""), syntaxError, "the engine")?.message).toBe("the engine rejected the program: SyntaxError: bad");
  });

  it("passes a negative runtime test only on the named error", () => {
    expect(judgeThrow(negativeRuntime, new ReferenceError("x")).pass).toBe(true);
    expect(judgeThrow(negativeRuntime, new TypeError("x")).pass).toBe(false);
    expect(judgeCompletion(negativeRuntime)?.pass).toBe(false);
    expect(judgeThrow(meta(""), new ReferenceError("x"))).toEqual({ pass: false, message: "ReferenceError: x" });
  });

  it("waits for $DONE's message in async tests", () => {
    expect(judgeCompletion(meta(""))?.pass).toBe(true);
    expect(judgeCompletion(asyncTest)).toBeNull();
    expect(judgePrints(["hello"])).toBeNull();
    expect(judgePrints(["Test262:AsyncTestComplete"])?.pass).toBe(true);
    expect(judgePrints(["Test262:AsyncTestFailure:Test262Error: Test262Error: boom"])).toEqual({
      pass: false,
      message: "Test262Error: boom",
    });
  });

  it("describes any thrown value without throwing", () => {
    function Test262Error(this: { message: string }, message: string) {
      this.message = message;
    }
    const t262 = new (Test262Error as unknown as new (m: string) => object)("nope");
    expect(errorName(t262)).toBe("Test262Error");
    expect(describeError(t262)).toBe("Test262Error: nope");
    expect(describeError("str")).toBe("thrown string: str");
    const hostile = new Proxy({}, { get: () => { throw new Error("trap"); } });
    expect(describeError(hostile)).toBe("an unprintable thrown value");
  });
});

describe("suite selection", () => {
  it("keeps async-function tests and leaves generator and async-iteration ones for later", () => {
    const fm = (features: string) => meta(`features: [${features}]`);
    expect(inSuite("async-functions", "language/expressions/async-function/x.js", fm("async-functions"))).toBe(true);
    expect(inSuite("async-functions", "language/expressions/class/elements/x.js", fm("async-functions, class"))).toBe(true);
    expect(inSuite("async-functions", "built-ins/AsyncFunction/x.js", fm(""))).toBe(true);
    expect(inSuite("async-functions", "language/expressions/await/x.js", fm(""))).toBe(true);
    expect(inSuite("async-functions", "language/statements/class/async-meth-x.js", fm(""))).toBe(true);
    expect(inSuite("async-functions", "language/expressions/object/x.js", fm("async-functions, generators"))).toBe(false);
    expect(inSuite("async-functions", "language/statements/for-await-of/x.js", fm("async-iteration"))).toBe(false);
    expect(inSuite("async-functions", "staging/sm/generators/await-x.js", fm(""))).toBe(false);
    expect(inSuite("async-functions", "language/expressions/awaitable/x.js", fm(""))).toBe(false);
    expect(inSuite("all", "language/expressions/generators/x.js", fm("generators"))).toBe(true);
  });
});

describe("lowering check", () => {
  it("finds suspending syntax left in compiled output", () => {
    expect(findUnlowered("function f() { return 1; }", "script")).toBeNull();
    expect(findUnlowered("var o = { await: 1, yield: 2 }; o.await;", "script")).toBeNull();
    expect(findUnlowered("x;\nasync function f() {}", "script")).toBe("async function at 2:1");
    expect(findUnlowered("var g = function* () {};", "script")).toBe("generator at 1:9");
    expect(findUnlowered("class A { async *m() {} }", "script")).toBe("async generator at 1:11");
    expect(findUnlowered("await 1;", "module")).toBe("await at 1:1");
    expect(() => findUnlowered("let let = 1;", "script")).toThrow(SyntaxError);
  });
});

describe("expectations", () => {
  const pass = { pass: true, message: "", variant: null };
  const fail = (message: string) => ({ pass: false, message, variant: "strict" });

  it("fails on new failures and on listed failures that now pass, in both sections", () => {
    const results = [
      { path: "a.js", native: pass, compiled: fail("boom") },
      { path: "b.js", native: pass, compiled: pass },
      { path: "c.js", native: fail("no engine support"), compiled: { pass: false, skipped: true } },
      { path: "d.js", native: pass, compiled: fail("known") },
    ];
    const expectations = { native: { "b.js": "old" }, compiled: { "b.js": "fixed since", "c.js": "stale", "d.js": "known" } };
    const diff = compareWithExpectations(results, expectations, { checkCompiled: true });
    expect(diff.compiledUnexpected.map((r) => r.path)).toEqual(["a.js"]);
    expect(diff.compiledFixed.map((r) => r.path)).toEqual(["b.js"]);
    expect(diff.compiledStale.map((r) => r.path)).toEqual(["c.js"]);
    expect(diff.nativeUnexpected.map((r) => r.path)).toEqual(["c.js"]);
    expect(diff.nativeFixed.map((r) => r.path)).toEqual(["b.js"]);
    expect(matchesExpectations(diff)).toBe(false);
  });

  it("rewrites only the native section, only for the tests that ran", () => {
    const updated = withNativeResults({ native: { "old.js": "x", "b.js": "y" }, compiled: { "k.js": "why" } }, [
      { path: "a.js", native: fail("TypeError: nope\n  at somewhere") },
      { path: "b.js", native: pass },
    ]);
    expect(updated).toEqual({ native: { "old.js": "x", "a.js": "strict: TypeError: nope" }, compiled: { "k.js": "why" } });
  });
});

describe("failure clusters", () => {
  it("groups by first line without positions, largest group first", () => {
    expect(clusterKey("test/x.js:3:14: Unexpected token (3:14)\n\n> frame")).toBe("Unexpected token");
    expect(clusterKey("not fully lowered: await at 12:3")).toBe("not fully lowered: await at L:C");
    const failures = [
      { path: "a.js", message: "TypeError: x" },
      { path: "b.js", message: "not fully lowered: await at 1:1" },
      { path: "c.js", message: "not fully lowered: await at 9:9" },
    ];
    expect(clusterFailures(failures, (f) => f.message)).toEqual([
      { key: "not fully lowered: await at L:C", count: 2, example: "b.js" },
      { key: "TypeError: x", count: 1, example: "a.js" },
    ]);
  });
});
