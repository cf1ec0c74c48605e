// The pieces of `npm run realworld` (scripts/realworld/) that need no corpus:
// the parsers, on output saved from the real runners (test/data/realworld/,
// machine paths replaced by /pkg), the comparison and the leftover check.

import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseTap, tapProblem } from "../scripts/realworld/parsers/tap.mjs";
import { parseMochaJson } from "../scripts/realworld/parsers/mocha.mjs";
import { parseLabJson } from "../scripts/realworld/parsers/lab.mjs";
import { parseVitestJson } from "../scripts/realworld/parsers/vitest.mjs";
import { uniqueIds } from "../scripts/realworld/parsers/unique-ids.mjs";
import { compareRuns } from "../scripts/realworld/compare.mjs";
import { findLeftovers } from "../scripts/realworld/leftovers.mjs";
import { packageEnv } from "../scripts/realworld/env.mjs";
import { crashSignal } from "../scripts/realworld/crash.mjs";

const sample = (name: string) => readFileSync(new URL(`./data/realworld/${name}`, import.meta.url), "utf8");

describe("realworld parsers", () => {
  it("reads tape's assertions, named after the test comment before them", () => {
    expect(parseTap(sample("tape.tap"), { commentGroups: true })).toEqual([
      { id: "first test > is ok", status: "pass" },
      { id: "first test > should be strictly equal", status: "pass" },
      { id: "first test > should be strictly equal #2", status: "pass" },
      { id: "second test > one is two", status: "fail" },
      { id: "second test > skipped here", status: "skip" },
    ]);
  });

  it("reads node:test's nested subtests as leaves, and a failed hook as its suite's failure", () => {
    expect(parseTap(sample("node-test.tap"))).toEqual([
      { id: "suite > passes", status: "pass" },
      { id: "suite > fails", status: "fail" },
      { id: "suite > skipped", status: "skip" },
      { id: "suite > todo", status: "todo" },
      { id: "top level", status: "pass" },
      { id: "hook fails > inside", status: "fail" },
    ]);
  });

  it("reads ava's TAP, with skip and todo", () => {
    expect(parseTap(sample("ava.tap"))).toEqual([
      { id: "b › passes", status: "pass" },
      { id: "a › skipped", status: "skip" },
      { id: "a › todo", status: "todo" },
      { id: "a › passes", status: "pass" },
      { id: "a › fails", status: "fail" },
      { id: "a › known failure", status: "pass" },
    ]);
  });

  it("reads tap's test files as the tests at depth 1, whatever they hold", () => {
    expect(parseTap(sample("tap.tap"), { maxDepth: 1 })).toEqual([
      { id: "test/test-ok.js", status: "skip" },
      { id: "test/test-sub.js", status: "pass" },
      { id: "test/test-throws.js", status: "fail" },
    ]);
  });

  it("tells a complete TAP stream from one cut short", () => {
    for (const name of ["tape.tap", "node-test.tap", "ava.tap", "tap.tap"]) expect(tapProblem(sample(name))).toBeNull();
    // ava's TAP reporter crashed on a timeout after the 58th test of globby's suite.
    expect(tapProblem(sample("ava-crashed.tap"))).toMatch(/ends before its plan/);
    expect(parseTap(sample("ava-crashed.tap"))).toHaveLength(3);
    expect(tapProblem("TAP version 13\nok 1 - a\nBail out! database gone\n")).toMatch(/bailed out: database gone/);
  });

  it("reads mocha's JSON, a failed hook included", () => {
    expect(parseMochaJson(sample("mocha.json"))).toEqual([
      { id: "outer passes", status: "pass" },
      { id: "outer inner passes", status: "pass" },
      { id: "outer fails", status: "fail" },
      { id: 'hook "before all" hook for "never runs"', status: "fail" },
      { id: "outer skipped", status: "skip" },
    ]);
  });

  it("reads lab's JSON by describe path (lab marks no skip there)", () => {
    expect(parseLabJson(sample("lab.json"))).toEqual([
      { id: "top level", status: "pass" },
      { id: "outer > passes", status: "pass" },
      { id: "outer > fails", status: "fail" },
      { id: "outer > skipped", status: "pass" },
      { id: "outer/inner > passes", status: "pass" },
    ]);
  });

  it("reads vitest's JSON with files relative to the package, and a file that failed to load", () => {
    const results = parseVitestJson(sample("vitest.json"), "/pkg");
    expect(results.filter((r) => r.id.startsWith("test/v.test.ts"))).toEqual([
      { id: "test/v.test.ts > outer > passes", status: "pass" },
      { id: "test/v.test.ts > outer > fails", status: "fail" },
      { id: "test/v.test.ts > outer > skipped", status: "skip" },
      { id: "test/v.test.ts > outer > todo", status: "todo" },
      { id: "test/v.test.ts > outer > inner > passes", status: "pass" },
    ]);
    const broken = results.filter((r) => r.id.startsWith("test/broken.test.ts"));
    expect(broken).toHaveLength(1);
    expect(broken[0].status).toBe("fail");
    expect(broken[0].id).toContain("Cannot find module './missing-module'");
  });

  it("numbers repeated ids in order", () => {
    const results = [{ id: "a", status: "pass" }, { id: "b", status: "pass" }, { id: "a", status: "fail" }];
    expect(uniqueIds(results).map((r) => r.id)).toEqual(["a", "b", "a #2"]);
  });
});

describe("realworld comparison", () => {
  const none = { native: {}, compiled: {} };

  it("counts a native pass that does not pass compiled as a regression, missing tests included", () => {
    const native = [
      { id: "same", status: "pass" },
      { id: "breaks", status: "pass" },
      { id: "vanishes", status: "pass" },
      { id: "fixed", status: "fail" },
    ];
    const compiled = [
      { id: "same", status: "pass" },
      { id: "breaks", status: "fail" },
      { id: "fixed", status: "pass" },
      { id: "new", status: "pass" },
    ];
    const c = compareRuns(native, compiled, none);
    expect(c).toMatchObject({ tests: 4, passedNative: 3, passedCompiled: 3 });
    expect(c.regressions).toEqual([
      { id: "breaks", native: "pass", compiled: "fail" },
      { id: "vanishes", native: "pass", compiled: "missing" },
    ]);
    expect(c.otherDifferences).toEqual([
      { id: "fixed", native: "fail", compiled: "pass" },
      { id: "new", native: "missing", compiled: "pass" },
    ]);
    expect(c.unexpectedNativeFailures).toEqual(["fixed"]);
  });

  it("moves a difference the expectations explain out of the regressions, and reports stale entries", () => {
    const expectations = { native: { gone: "fails natively" }, compiled: { toString: "prints the function's source" } };
    const c = compareRuns([{ id: "toString", status: "pass" }], [{ id: "toString", status: "fail" }], expectations);
    expect(c.regressions).toEqual([]);
    expect(c.expected).toEqual([{ id: "toString", native: "pass", compiled: "fail", reason: "prints the function's source" }]);
    expect(c.staleExpectations).toEqual([{ id: "gone", kind: "native", status: "missing" }]);
  });
});

describe("realworld leftover check", () => {
  it("finds every async function, generator, await, yield and for await left", () => {
    const dir = mkdtempSync(join(tmpdir(), "awaitless-leftovers-"));
    try {
      writeFileSync(join(dir, "a.js"), "async function f() { await x; for await (const y of z); }\nfunction* g() { yield 1; }\nclass C { async *m() {} }\n");
      writeFileSync(join(dir, "b.ts"), "const h = (): number => 1;\n");
      const found = findLeftovers(dir, ["a.js", "b.ts"], () => "script");
      expect(found.map((f) => `${f.file}:${f.line} ${f.what}`)).toEqual([
        "a.js:1 async function",
        "a.js:1 await",
        "a.js:1 for await",
        "a.js:2 generator",
        "a.js:2 yield",
        "a.js:3 async generator",
      ]);
      // A module's top-level await and for await are kept (module evaluation is not lowered), and said so.
      writeFileSync(join(dir, "d.mjs"), "await x;\nfor await (const y of z);\nasync function f() { await x; }\n");
      const topLevel = findLeftovers(dir, ["d.mjs"], () => "module");
      expect(topLevel.map((f) => `${f.line} ${f.what} ${f.kept ? "kept" : "left"}`)).toEqual([
        "1 await kept",
        "2 for await kept",
        "3 async function left",
        "3 await left",
      ]);
      writeFileSync(join(dir, "c.ts"), "function f(g?: (f(x)) => number) {}\n");
      const broken = findLeftovers(dir, ["c.ts"], () => "module");
      expect(broken).toHaveLength(1);
      expect(broken[0].what).toMatch(/^syntax error in the output: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("realworld package environment", () => {
  it("drops npm's script variables, so the outer npm's options do not reach the package's npm", () => {
    process.env.npm_config_offline = "true";
    process.env.REALWORLD_KEPT = "yes";
    try {
      const env = packageEnv({ TMPDIR: "/pkg/tmp" });
      expect(env.npm_config_offline).toBeUndefined();
      expect(Object.keys(env).filter((key) => /^npm_/i.test(key))).toEqual([]);
      expect(env.REALWORLD_KEPT).toBe("yes");
      expect(env.TMPDIR).toBe("/pkg/tmp");
    } finally {
      delete process.env.npm_config_offline;
      delete process.env.REALWORLD_KEPT;
    }
  });
});

describe("realworld crash detection", () => {
  it("knows a fault signal, whether the child got it or the shell reported it", () => {
    expect(crashSignal({ status: null, signal: "SIGSEGV" })).toBe("SIGSEGV");
    expect(crashSignal({ status: 139, signal: null })).toBe("SIGSEGV");
    expect(crashSignal({ status: 134, signal: null })).toBe("SIGABRT");
  });

  it("does not take a failing suite, a timeout's kill or an interrupt for a crash", () => {
    expect(crashSignal({ status: 1, signal: null })).toBeUndefined();
    expect(crashSignal({ status: 0, signal: null })).toBeUndefined();
    expect(crashSignal({ status: null, signal: "SIGKILL" })).toBeUndefined();
    expect(crashSignal({ status: 130, signal: null })).toBeUndefined();
  });
});
