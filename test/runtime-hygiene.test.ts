// The inlined runtime lives in the user's file, so nothing the file binds may
// change it: a file's own top-level `Promise`, `Symbol`, `Object`… are not
// the built-ins the runtime reads (fixtures runtime-file-binds-builtin-names
// and runtime-module-binds-builtin-names run whole programs). Here: how the
// runtime finds the global object when the file binds the usual names for it
// too, in scripts and modules, through the API and the Babel plugin.

import { describe, it, expect } from "vitest";
import * as babel from "@babel/core";
import { transform } from "../src/index.js";
import awaitless from "../src/babel-plugin.js";
import { runNode } from "./support/run-node.js";
import vm from "node:vm";

// Each program hides the built-ins the runtime reads and the global names
// named in `hides`, then awaits, iterates a generator and re-enters one.
function program(hides: string, declare: "var" | "let"): string {
  return `
${declare} Promise = null, Symbol = null, Object = null, TypeError = null;
${hides}
async function twice(x) { return (await x) * 2; }
function* two() { yield 1; yield 2; }
function* reenter() { try { it.next(); } catch (e) { yield e.constructor === (() => { try { null.x; } catch (f) { return f.constructor; } })(); } }
var it = reenter();
twice(21).then(function (v) {
  var seen = [];
  for (var x of two()) seen.push(x);
  console.log(v, seen.join(","), it.next().value);
});
`;
}

const EXPECTED = "42 1,2 true\n";

// A sloppy function's `this` finds the global object in a script whatever it binds.
const SCRIPT_HIDES = ["", "var globalThis = {};", "var globalThis = {}, global = {}, self = {}, window = {};"];
// Strict code has no such function: the runtime looks for the first global name the file does not
// bind (without eval or Function, nothing else reaches the global object there). Node has
// `globalThis` and `global`.
const MODULE_HIDES = ["", "let globalThis = {};"];

describe("the inlined runtime reads no name the file binds", () => {
  for (const hides of SCRIPT_HIDES) {
    it(`in a CommonJS script${hides ? `, with ${hides}` : ""}`, () => {
      const source = program(hides, "var");
      expect(runNode(source, { module: false }).stdout).toBe(EXPECTED);
      const { code } = transform(source, { filename: "program.cjs", sourceType: "script", runtime: "inline" });
      expect(runNode(code, { module: false })).toEqual({ stdout: EXPECTED, status: 0, error: null });
    });
  }

  for (const hides of MODULE_HIDES) {
    it(`in a module${hides ? `, with ${hides}` : ""}`, () => {
      const source = program(hides, "let");
      expect(runNode(source).stdout).toBe(EXPECTED);
      const { code } = transform(source, { filename: "program.mjs", runtime: "inline" });
      expect(runNode(code)).toEqual({ stdout: EXPECTED, status: 0, error: null });
    });
  }

  it("through the Babel plugin's inline runtime", () => {
    const source = program("var globalThis = {};", "var");
    const result = babel.transformSync(source, {
      filename: "program.cjs",
      babelrc: false,
      configFile: false,
      sourceType: "script",
      plugins: [[awaitless, { runtime: "inline" }]],
    });
    expect(runNode(result!.code!, { module: false })).toEqual({ stdout: EXPECTED, status: 0, error: null });
  });

  it("in a global script whose own declarations replace the globals Function, Object, Array, String and undefined", async () => {
    // Top-level declarations of a script are properties of the global object itself, so the
    // runtime cannot read those built-ins from there: it takes them from syntax.
    const source = `
function Function() {} function Array() {} var Object = 1, String = 2, undefined = 3;
async function f() { return (await 1) + 1; }
function* g() { yield* [1, 2]; }
f.call(null).then(function (v) { log(v, g().next().value); });
`;
    const run = async (code: string) => {
      const lines: string[] = [];
      vm.runInNewContext(code, { log: (...parts: unknown[]) => lines.push(parts.join(" ")) });
      // The context shares this process's microtask queue: a macrotask later, every job has run.
      await new Promise((resolve) => setImmediate(resolve));
      return lines;
    };
    expect(await run(source)).toEqual(["2 1"]);
    const { code } = transform(source, { filename: "program.js", sourceType: "script", runtime: "inline" });
    expect(await run(code)).toEqual(["2 1"]);
  });

  it("uses neither eval nor Function to find the global object", () => {
    const { code } = transform(program("var globalThis = {};", "var"), { filename: "program.cjs", sourceType: "script", runtime: "inline" });
    expect(code).not.toMatch(/\beval\s*\(|[^\w.]Function\s*\(/);
  });

  it("changes nothing for a file that binds none of the runtime's names", () => {
    const { code } = transform("async function f() { await 1; }", { filename: "program.mjs", runtime: "inline" });
    expect(code).not.toContain("globalObject");
  });
});
