// The size probes' measuring (bench/size-probes.mjs): helpers found by
// compiling twice under different names, and awaitless's helpers cut into
// runtime units whose bytes add up to the minified size.

import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the benchmarks, without types
import { renameBindings, extractHelpers, unitReport, compilersMeasured } from "../bench/size-probes.mjs";
// @ts-expect-error: as above
import { variants } from "../bench/compilers.mjs";

describe("renameBindings", () => {
  it("renames every binding the source declares, and nothing else", () => {
    const source = `"use strict";
const { a, b: c = 1 } = require("x");
function f(p, ...rest) {
  try { return a + p; } catch (error) { const a = error; return a; }
}
class K { m(q) { return { a, q, rest: 1 }.a; } }
console.log(f, K, c);
`;
    const { code, names } = renameBindings(source);
    expect(names).toEqual(["K", "a", "c", "error", "f", "p", "q", "rest"]);
    expect(code).toContain('const {\n  a: a$$b,\n  b: c$$b = 1\n} = require("x");');
    expect(code).toContain("function f$$b(p$$b, ...rest$$b)");
    expect(code).toContain("catch (error$$b)");
    expect(code).toContain("const a$$b = error$$b");
    // Property names, globals and the directive stay.
    expect(code).toContain("a: a$$b,\n      q: q$$b,\n      rest: 1\n    }.a");
    expect(code).toContain("console.log(f$$b, K$$b, c$$b)");
    expect(code.startsWith('"use strict";')).toBe(true);
  });
});

describe("extractHelpers", () => {
  it("keeps the top-level statements both outputs share, once each, in order", () => {
    const a = `var h1 = function () { return 1; };\nfunction user() { return h1(); }\nh1.x = 2;\nfunction h2() {}\nvar t = [user];`;
    const b = `function h2() {}\nvar h1 = function () { return 1; };\nfunction user$$b() { return h1(); }\nh1.x = 2;\nvar t = [user$$b];`;
    expect(extractHelpers(a, b)).toEqual({ code: `var h1 = function () { return 1; };\nh1.x = 2;\nfunction h2() {}`, names: ["h1", "h2"], others: 1 });
  });

  // On one async function, where the user's code is one name, the helpers are
  // exactly the top-level statements that do not mention it (helper-size.mjs's method).
  it.each(compilersMeasured)("agrees with helper-size.mjs on one async function: %s", async (variant: string) => {
    const source = "async function userFn(x) {\n  const y = await x;\n  return y + 1;\n}\n";
    const compiled: string = await variants[variant].compile(source, "tiny.js");
    const renamed = renameBindings(source);
    const compiledRenamed: string = await variants[variant].compile(renamed.code, "tiny.js");
    const { parse } = await import("@babel/parser");
    const withoutUserName = parse(compiled, { sourceType: "script" })
      .program.body.map((node) => compiled.slice(node.start!, node.end!))
      .filter((text) => !text.includes("userFn"));
    const helpers = extractHelpers(compiled, compiledRenamed);
    expect(helpers.code).toBe(withoutUserName.join("\n"));
    expect(helpers.code.length).toBeGreaterThan(500);
  });
});

describe("unitReport", () => {
  it("gives every byte of the minified runtime to a unit or the wrapper", async () => {
    const source = "async function f(xs) { for (const x of xs) { try { await x; } finally { g(); } } }\nfunction* gen() { yield* [1]; }\n";
    const compiled: string = await variants.awaitless.compile(source, "probe.js");
    const compiledRenamed: string = await variants.awaitless.compile(renameBindings(source).code, "probe.js");
    const { code, names } = extractHelpers(compiled, compiledRenamed);
    expect(names).toEqual(["_awaitless"]);
    const report = await unitReport(code);
    const rows: Array<{ label: string; min: number; unit: number | null }> = report.rows;
    expect(rows.reduce((sum, row) => sum + row.min, 0)).toBe(report.min);
    expect(rows.filter((row) => row.unit !== null)).toHaveLength(report.units);
    const labels = rows.map((row) => row.label);
    for (const expected of ["runAsync", "advance", "runGenerator", "delegateStep", "getIteratorRecord"]) expect(labels).toContain(expected);
    expect(report.runs.map((run: { text: string }) => run.text).join("")).toHaveLength(report.min);
  });
});
