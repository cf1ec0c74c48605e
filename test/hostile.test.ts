// Hostile input: whatever it is given, the compiler either compiles it or
// rejects it with a clear error (AwaitlessSyntaxError, or
// AwaitlessUnsupportedError for valid input it cannot lower), never with an
// internal error or a stack overflow. Here: 1,000-deep nesting of every kind
// of statement, function and expression, with suspensions along the way and
// at the bottom, run natively and compiled; a 5 MB file and how compile time
// grows with size; binary and non-UTF-8 input through the API and the real
// command line; random edits and truncations of a realistic module. The
// test262 half is `npm run hostile:test262`; docs/hostile-input.md has both.

import { describe, it, expect, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// The built compiler, as users get it: input nested too deeply for the
// default stack is compiled again on a worker thread, which loads the built
// dist/host/large-stack-worker.js (`npm test` builds first).
import { transform, AwaitlessSyntaxError, AwaitlessUnsupportedError } from "../dist/index.js";
import { runNodeAsync } from "./support/run-node-async.js";
import type { RunResult } from "./support/run-node.js";
import { execCapture } from "./support/exec.js";
import { resourceDeclarations, suspendingSyntax } from "./support/syntax.js";
import { realisticFile, realisticUnit, MB } from "../bench/large-input/source.mjs";

const BIN = fileURLToPath(new URL("../bin/awaitless.js", import.meta.url));
const DIST_INDEX = fileURLToPath(new URL("../dist/index.js", import.meta.url));

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "awaitless-hostile-"));
  scratch.push(dir);
  return dir;
}

/** What `transform` did: the output, or the kind of error it threw. */
type Outcome = { kind: "compiled"; code: string } | { kind: "syntax" | "unsupported"; error: Error } | { kind: "internal"; error: unknown };

function attempt(code: string, sourceType: "module" | "script" = "module"): Outcome {
  try {
    return { kind: "compiled", code: transform(code, { sourceType, filename: "input.js" }).code };
  } catch (error) {
    if (error instanceof AwaitlessSyntaxError) return { kind: "syntax", error };
    if (error instanceof AwaitlessUnsupportedError) return { kind: "unsupported", error };
    return { kind: "internal", error };
  }
}

/** The compiled code; an internal error (a RangeError included) fails the test with its stack. */
function compile(code: string): string {
  const outcome = attempt(code);
  if (outcome.kind === "compiled") return outcome.code;
  const error = outcome.error;
  const detail = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}\n${(error.stack ?? "").split("\n").slice(1, 8).join("\n")}` : String(error);
  throw new Error(`transform failed on valid input (${outcome.kind}): ${detail}`);
}

// ---------------------------------------------------------------- deep nesting

const DEPTH = 1000;
const LEVELS = Array.from({ length: DEPTH }, (_, i) => i);
/**
 * Functions nested in suspending functions compile in time that grows about
 * with the cube of the depth (each lowering rescans the scopes of all the
 * functions inside it): 100 levels take about 4 s, 500 about 40 s on a large
 * stack. They are tested 100 deep; docs/hostile-input.md has the numbers.
 */
const FUNCTION_DEPTH = 100;

/** open(0) open(1) … open(depth-1) middle close(depth-1) … close(0). */
function nest(open: (i: number) => string, middle: string, close: (i: number) => string, depth = DEPTH): string {
  const levels = LEVELS.slice(0, depth);
  return levels.map(open).join("") + middle + [...levels].reverse().map(close).join("");
}

type Kind = "async" | "generator" | "async generator";

/**
 * An expression that suspends and evaluates to `value`: `await`, or a
 * `yield` whose driver (below) sends the yielded value straight back.
 */
function suspend(kind: Kind, value: string): string {
  if (kind === "async") return `(await ${value})`;
  if (kind === "generator") return `(yield ${value})`;
  return `(yield await ${value})`;
}

/**
 * A whole program: `body` is the body of `f(x)` (called with 1), which records
 * what happens in `t`; the program prints the result and the record.
 */
function program(kind: Kind, body: string): string {
  const header = `const t = [];\n`;
  const print = `(how, value, yields) => console.log(how, JSON.stringify(value), yields ? yields.join(" ") : "", t.length, t.join(" "))`;
  if (kind === "async") {
    return `${header}async function f(x) {\n${body}\n}\nconst report = ${print};\nf(1).then((v) => report("resolved", v), (e) => report("rejected", String(e)));\n`;
  }
  if (kind === "generator") {
    return (
      `${header}function* f(x) {\n${body}\n}\nconst report = ${print};\n` +
      `const yields = [];\nconst it = f(1);\n` +
      `try { for (let r = it.next(); ; r = it.next(r.value)) { if (r.done) { report("returned", r.value, yields); break; } yields.push(r.value); } }\n` +
      `catch (e) { report("threw", String(e), yields); }\n`
    );
  }
  return (
    `${header}async function* f(x) {\n${body}\n}\nconst report = ${print};\n` +
    `const yields = [];\nconst it = f(1);\n` +
    `(async () => { for (let r = await it.next(); ; r = await it.next(r.value)) { if (r.done) { report("returned", r.value, yields); break; } yields.push(r.value); } })()` +
    `.catch((e) => report("rejected", String(e), yields));\n`
  );
}

interface Shape {
  open(i: number, kind: Kind): string;
  close(i: number, kind: Kind): string;
  /** Only where `for await` is allowed. */
  asyncOnly?: boolean;
}

/** One level of each statement kind, suspending in its head and in its body. */
const STATEMENTS: Record<string, Shape> = {
  block: {
    open: (i, k) => `{ let b${i} = ${suspend(k, `x + ${i}`)}; t.push(b${i}); `,
    close: (i) => `t.push(b${i}); } `,
  },
  if: {
    open: (i, k) => `if (${suspend(k, "x")}) { t.push(${i}); `,
    close: (i) => `} else { t.push("else ${i}"); } `,
  },
  while: {
    open: (i, k) => `let w${i} = 0; while (w${i}++ < 1 && ${suspend(k, "x")}) { t.push(${i}); `,
    close: () => `} `,
  },
  "do-while": {
    open: (i, k) => `do { t.push(${suspend(k, `x + ${i}`)}); `,
    close: (_i, k) => `} while (${suspend(k, "x")} > 1); `,
  },
  for: {
    open: (i, k) => `for (let i${i} = 0; i${i} < ${suspend(k, "x")}; i${i}++) { t.push(i${i} + ${i}); `,
    close: () => `} `,
  },
  "for-of": {
    open: (i, k) => `for (const a${i} of [${suspend(k, `x + ${i}`)}]) { `,
    close: (i) => `t.push(a${i}); } `,
  },
  "for-in": {
    open: (i, k) => `for (const k${i} in { k${i}: ${suspend(k, "x")} }) { `,
    close: (i) => `t.push(k${i}); } `,
  },
  "for-await": {
    open: (i) => `for await (const a${i} of [x + ${i}]) { `,
    close: (i) => `t.push(a${i}); } `,
    asyncOnly: true,
  },
  "try-finally": {
    open: (i, k) => `try { t.push(${suspend(k, `x + ${i}`)}); `,
    close: (i, k) => `} finally { t.push(${suspend(k, `x - ${i}`)}); } `,
  },
  "labeled block": {
    open: (i, k) => `l${i}: { t.push(${suspend(k, `x + ${i}`)}); `,
    close: (i, k) => `if (${suspend(k, "x")}) break l${i}; t.push("not reached"); } `,
  },
  switch: {
    open: (i, k) => `switch (${suspend(k, "x")}) { case 0: t.push("zero"); break; case 1: t.push(${i}); `,
    close: () => `break; default: t.push("default"); } `,
  },
};

/** The program nesting one statement kind DEPTH deep in an async function. */
function statementProgram(shape: Shape): string {
  return program("async", nest((i) => shape.open(i, "async"), `t.push("deep", await x);`, (i) => shape.close(i, "async")));
}

/** Every statement kind in turn, level after level, with `kind`'s suspensions. */
function mixedProgram(kind: Kind): string {
  const shapes = Object.values(STATEMENTS).filter((s) => kind !== "generator" || !s.asyncOnly);
  const at = (i: number) => shapes[i % shapes.length];
  return program(kind, nest((i) => at(i).open(i, kind), `t.push("deep", ${suspend(kind, "x")});`, (i) => at(i).close(i, kind)));
}

/** Programs where one construct nests DEPTH deep, with suspensions at every level and at the bottom. */
const DEEP_PROGRAMS: Array<[string, string]> = [
  ...Object.entries(STATEMENTS).map(([name, shape]): [string, string] => [`${name} statements`, statementProgram(shape)]),
  [
    "try/catch/finally, an error thrown at the bottom and rethrown by every catch",
    program(
      "async",
      `try {\n` +
        nest(
          (i) => `try { t.push(await x + ${i}); `,
          `throw new Error("deep " + await x);`,
          (i) => `} catch (e${i}) { t.push("catch ${i}"); throw e${i}; } finally { t.push(await x - ${i}); } `,
        ) +
        `\n} catch (e) { t.push("outer " + e.message); }`,
    ),
  ],
  [
    "labeled blocks, a break out of half of them",
    program("async", nest((i) => `l${i}: { t.push(await x + ${i}); `, `if (await x) break l${DEPTH / 2}; t.push("not reached");`, (i) => `t.push(-${i}); } `)),
  ],
  [
    "labeled loops, a continue across half of them",
    program("async", nest((i) => `m${i}: for (const q${i} of [${i}]) { t.push(await x + q${i}); `, `if (await x) continue m${DEPTH / 2};`, (i) => `t.push(-q${i}); } `)),
  ],
  ["every statement kind in turn, async function", mixedProgram("async")],
  ["every statement kind in turn, generator", mixedProgram("generator")],
  ["every statement kind in turn, async generator", mixedProgram("async generator")],

  // Functions inside functions, each suspending before it calls the next (FUNCTION_DEPTH deep).
  [
    `async function expressions, ${FUNCTION_DEPTH} deep`,
    program("async", `return ${nest((i) => `await (async function () { t.push(await x + ${i}); return `, `"deep"`, () => `; })()`, FUNCTION_DEPTH)};`),
  ],
  [`async arrows with block bodies, ${FUNCTION_DEPTH} deep`, program("async", `return ${nest((i) => `await (async () => { t.push(await x + ${i}); return `, `"deep"`, () => `; })()`, FUNCTION_DEPTH)};`)],
  [`async arrows with expression bodies, ${FUNCTION_DEPTH} deep`, program("async", `return ${nest((i) => `await (async () => t.push(await x + ${i}) && `, `"deep"`, () => `)()`, FUNCTION_DEPTH)};`)],
  [
    `async object methods, ${FUNCTION_DEPTH} deep`,
    program("async", `return ${nest((i) => `await ({ async m() { t.push(await x + ${i}); return `, `"deep"`, () => `; } }).m()`, FUNCTION_DEPTH)};`),
  ],
  [
    `async class methods, ${FUNCTION_DEPTH} deep`,
    program("async", `return ${nest((i) => `await new (class { async m() { t.push(await x + ${i}); return `, `"deep"`, () => `; } })().m()`, FUNCTION_DEPTH)};`),
  ],
  [
    `generators delegating with yield*, ${FUNCTION_DEPTH} deep`,
    program(
      "generator",
      `return yield* ${nest((i) => `(function* () { t.push(yield ${i}); return yield* `, `(function* () { return "deep"; })()`, () => `; })()`, FUNCTION_DEPTH)};`,
    ),
  ],
  [
    `async generators delegating with yield*, ${FUNCTION_DEPTH} deep`,
    program(
      "async generator",
      `return yield* ${nest((i) => `(async function* () { t.push(yield await x + ${i}); return yield* `, `(async function* () { return "deep"; })()`, () => `; })()`, FUNCTION_DEPTH)};`,
    ),
  ],
  [
    "plain functions and arrows inside an async function",
    program("async", `return await x + ${nest((i) => (i % 2 ? `(() => ${i} + ` : `(function () { return ${i} + `), "1", (i) => (i % 2 ? `)()` : `; })()`))};`),
  ],

  // Expressions, suspending in every operand.
  ["nested binary operators", program("async", `return ${nest((i) => `((await x + ${i}) ^ `, "0", () => `)`)};`)],
  ["a binary chain (left-nested)", program("async", `return ${LEVELS.map((i) => `(await x + ${i})`).join(" ^ ")};`)],
  ["a logical chain", program("async", `return ${LEVELS.map((i) => `(t.push(await x + ${i}), ${i + 1})`).join(" && ")};`)],
  ["nested calls", program("async", `const g = (a, b, c) => (a * 7 + b + c) % 1000003;\nreturn ${nest((i) => `g(await x, ${i}, `, "0", () => `)`)};`)],
  [
    "a call chain",
    program(
      "async",
      `const o = { n: 0, m(v) { this.n = (this.n * 31 + v) % 1000003; return this; } };\nreturn o${LEVELS.map((i) => `.m(await x + ${i})`).join("")}.n;`,
    ),
  ],
  ["nested conditionals", program("async", `return ${nest((i) => `(await x ? ${i} + `, "0", (i) => ` : -${i})`)};`)],
  ["nested conditions of conditionals", program("async", `return ${nest((i) => `((await x + ${i}) % 2 ? `, "0", (i) => ` : ${i}) ? 1 : 2`)};`)],
  ["nested arrays", program("async", `return ${nest((i) => `[await x + ${i}, `, "null", () => `]`)};`)],
  ["nested objects", program("async", `return ${nest((i) => `{ k: await x + ${i}, n: `, "null", () => `}`)};`)],
  ["nested template literals", program("async", `return ${nest((i) => "`" + i + ":${await x}:${", `"deep"`, () => "}`")};`)],
  ["an await chain", program("async", `return ${"await ".repeat(DEPTH)}x;`)],
  ["a unary chain", program("async", `return ${LEVELS.map((i) => (i % 2 ? "-await " : "~await ")).join("")}x;`)],
  [
    "a nested destructuring pattern with an await in every default",
    program(
      "async",
      `const ${nest((i) => `[a${i} = await x + ${i}, `, "z", () => `]`)} = ${nest(() => `[undefined, `, `"deep"`, () => `]`)};\n` +
        `return [z, ${LEVELS.map((i) => `a${i}`).join(" + ")}];`,
    ),
  ],
  ["nested calls with yield", program("generator", `const g = (a, b) => (a * 7 + b) % 1000003;\nreturn ${nest((i) => `g(yield x + ${i}, `, "0", () => `)`)};`)],
  ["nested arrays with yield await", program("async generator", `return ${nest((i) => `[yield await x + ${i}, `, "null", () => `]`)};`)],
];

/**
 * Runs a module in a worker thread with a 256 MB stack: V8 itself cannot
 * parse some of these programs with a main thread's default stack (1,000
 * nested `for` or `try` statements overflow it), and what is compared is
 * behaviour, not stack limits. Prints and exit status as runNodeAsync gives
 * them (an uncaught error in the worker ends the process with it).
 */
async function runDeep(code: string): Promise<RunResult> {
  const dir = scratchDir();
  writeFileSync(join(dir, "program.mjs"), code);
  writeFileSync(
    join(dir, "run.mjs"),
    `import { Worker } from "node:worker_threads";
new Worker(new URL("./program.mjs", import.meta.url), { resourceLimits: { stackSizeMb: 256 } });
`,
  );
  const raw = await execCapture(process.execPath, [join(dir, "run.mjs")], 60_000);
  const stderr = raw.stderr.split("\n").find((line) => /^(\w*Error|Uncaught|\[?UnhandledPromiseRejection)/.test(line));
  return { stdout: raw.stdout.toString("utf8"), status: raw.status, error: stderr ? stderr.trim() : raw.stderr.trim().split("\n")[0] || null };
}

describe(`${DEPTH}-deep nesting compiles and runs like native`, () => {
  it.concurrent.each(DEEP_PROGRAMS)("%s", { timeout: 120_000 }, async (_name, source) => {
    const compiled = compile(source);
    const [native, ours] = await Promise.all([runDeep(source), runDeep(compiled)]);
    expect(native.status, `the program fails natively: ${native.error}`).toBe(0);
    expect(native.stdout).toMatch(/^(resolved|returned) /);
    expect(ours).toEqual(native);
  });
});

describe("errors in input too deep for the default stack", () => {
  // The parser overflows the default stack on this input before it reaches
  // the error, so the error comes from the compile on the large stack and
  // must cross back as the same located AwaitlessSyntaxError.
  it("a syntax error at the bottom of 1,000 nested ifs is an AwaitlessSyntaxError at its place", () => {
    const line = nest((i) => `if (await x) { t.push(${i}); `, "t.push(0 +);", () => "} ");
    const outcome = attempt(`async function f(t, x) {\n${line}\n}\n`);
    expect(outcome.kind).toBe("syntax");
    const error = (outcome as { error: InstanceType<typeof AwaitlessSyntaxError> }).error;
    expect(error).toBeInstanceOf(AwaitlessSyntaxError);
    expect(error.filename).toBe("input.js");
    expect(error.line).toBe(2);
    expect(error.column).toBe(line.indexOf("0 +);") + 4);
    expect(error.frame).toContain("t.push(0 +);");
  });
});

describe("`using` and `await using` wherever they stand", () => {
  // `await using` suspends when its block ends (disposal awaits), even in a
  // function with no other await; a plain `using` in a function that never
  // suspends is lowered too: the output has neither left.
  const cases: Array<[string, string]> = [
    ["the only suspension of the function", "async function f(resource) {\n  await using handle = resource;\n  return handle;\n}\n"],
    ["in a for…of head", "async function f(resources) {\n  for (await using handle of resources) {}\n}\n"],
    ["in an async arrow inside", "function f(resource) {\n  return async () => { await using handle = resource; };\n}\n"],
    ["in an async generator", "async function* g(resource) {\n  await using handle = resource;\n}\n"],
    ["a plain `using` in an async function that never suspends", "async function f(resource) {\n  { using handle = resource; }\n  return 1;\n}\n"],
    ["a plain `using` in a plain function", "function f(resource) {\n  using handle = resource;\n  return 1;\n}\n"],
  ];
  for (const [where, code] of cases) {
    it(`${where}: lowered, nothing left`, () => {
      const outcome = attempt(code);
      expect(outcome.kind).toBe("compiled");
      const compiled = (outcome as { code: string }).code;
      expect(resourceDeclarations(compiled)).toEqual([]);
      expect(suspendingSyntax(compiled)).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------- large input

describe("large input", () => {
  // A 5 MB file of realistic code compiles, in a process of its own (its
  // heap holds about 2.6 GB at the end). That compile time grows linearly
  // with the input is measured by bench/large-input.mjs, not asserted here:
  // a timer in a test fails on a busy machine.
  it("a 5 MB file compiles into plain functions", { timeout: 900_000 }, async () => {
    const dir = scratchDir();
    const file = join(dir, "large-5.js");
    writeFileSync(file, realisticFile(5 * MB));
    const script = `
      import { readFileSync } from "node:fs";
      import { pathToFileURL } from "node:url";
      const [dist, file] = process.argv.slice(1);
      const { transform } = await import(pathToFileURL(dist).href);
      const code = readFileSync(file, "utf8");
      const result = transform(code, { sourceType: "module", filename: file });
      console.log(JSON.stringify({ inputBytes: code.length, functions: result.functions.length, outputBytes: result.code.length, leftToLower: transform(result.code, { sourceType: "module" }).functions.length }));
    `;
    const heapLimitMb = Math.min(12_288, Math.floor((totalmem() / 2 ** 20) * 0.6));
    const run = await execCapture(process.execPath, [`--max-old-space-size=${heapLimitMb}`, "--input-type=module", "-e", script, DIST_INDEX, file], 900_000);
    expect(run.status, run.stderr.toString("utf8").slice(-2000)).toBe(0);
    const result = JSON.parse(run.stdout.toString("utf8"));
    expect(result.inputBytes).toBeGreaterThanOrEqual(5 * MB);
    expect(result.functions).toBeGreaterThan(15_000);
    expect(result.outputBytes).toBeGreaterThan(result.inputBytes);
    // Compiled again, the output has nothing left to lower.
    expect(result.leftToLower).toBe(0);
  });
});

// ---------------------------------------------------------------- binary and non-UTF-8 input

/** The characters a message can show only as invisible or broken text: C0 controls, DEL, lone surrogates. */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("binary and non-UTF-8 text given to the API", () => {
  // `transform` takes a string: bytes were decoded before it was called, by
  // the caller's rules. A replacement character (U+FFFD, what decoding put
  // in place of invalid UTF-8) or a NUL is only a character: valid where
  // JavaScript allows any character (strings, templates, comments), a syntax
  // error anywhere else.
  const valid: Array<[string, string]> = [
    ["U+FFFD in a string", `async function f() { return "a\uFFFDb" + await 1; }`],
    ["U+FFFD in a template", "async function f() { return `a\uFFFDb${await 1}`; }"],
    ["U+FFFD in a comment", `async function f() { /* \uFFFD */ return await 1; }`],
    ["NUL in a string", `async function f() { return "a\u0000b" + await 1; }`],
    ["NUL in a template", "async function f() { return `a\u0000b${await 1}`; }"],
    ["NUL in a comment", `async function f() { // \u0000\n return await 1; }`],
    ["a lone surrogate in a string", `async function f() { return "\uD800" + await 1; }`],
    ["a byte order mark", `\uFEFFasync function f() { return await 1; }`],
  ];
  it.each(valid)("%s compiles", (name, source) => {
    const outcome = attempt(source);
    expect(outcome.kind).toBe("compiled");
    // Comments in a function that is exploded into states are not kept, so only strings and templates are checked.
    const special = /[\uFFFD\u0000\uD800]/.exec(source);
    if (special && !name.includes("comment") && outcome.kind === "compiled") expect(outcome.code).toContain(special[0]);
  });

  it("strings with U+FFFD and NUL run like native", async () => {
    const source = `const s = "a\uFFFD\u0000b";\nasync function f() { return [...(await s)].map((c) => c.charCodeAt(0)); }\nf().then((v) => console.log(v.join(",")));\n`;
    const [native, ours] = await Promise.all([runNodeAsync(source, { module: true }), runNodeAsync(compile(source), { module: true })]);
    expect(native.stdout).toBe("97,65533,0,98\n");
    expect(ours).toEqual(native);
  });

  const invalid: Array<[string, string, number, number]> = [
    ["U+FFFD between statements", `async function f() {\n  await 1;\n}\n\uFFFD\n`, 4, 1],
    ["U+FFFD in an identifier", `async function f() {\n  const a\uFFFD = await 1;\n}\n`, 2, 10],
    ["NUL between statements", `async function f() {\n  await 1; \u0000\n}\n`, 2, 12],
    ["NUL in a file with nothing to lower", `const a = 1;\u0000\n`, 1, 13],
    ["a control character", `async function f() { await 1; }\u0001`, 1, 32],
    ["a lone surrogate between statements", `async function f() { await 1; }\n\uDC00`, 2, 1],
  ];
  it.each(invalid)("%s is an AwaitlessSyntaxError at its line and column", (_name, source, line, column) => {
    const outcome = attempt(source);
    expect(outcome.kind).toBe("syntax");
    const error = (outcome as { error: AwaitlessSyntaxError }).error;
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.frame).toContain(`> ${line} |`);
  });

  it.each(invalid)("%s: the message shows the character visibly", (_name, source) => {
    const outcome = attempt(source);
    expect(outcome.kind).toBe("syntax");
    const error = (outcome as { error: AwaitlessSyntaxError }).error;
    expect(error.reason, "a raw control character or lone surrogate in the message is invisible on a terminal").not.toMatch(UNPRINTABLE);
  });

  it("binary data decoded as Latin-1 or UTF-8 is a syntax error, never an internal one", () => {
    const random = seededRandom(262);
    for (let n = 0; n < 300; n++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 400) }, () => Math.floor(random() * 256)));
      for (const text of [bytes.toString("latin1"), bytes.toString("utf8")]) {
        const outcome = attempt(text);
        if (outcome.kind === "internal") throw new Error(`internal error on ${JSON.stringify(text)}: ${String(outcome.error)}`);
      }
    }
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(attempt(all.toString("latin1")).kind).toBe("syntax");
    expect(attempt(all.toString("utf8")).kind).toBe("syntax");
  });
});

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

interface CliRun {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function cli(args: string[], cwd: string, input?: Buffer): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, timeout: 30_000 });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out), stderr }));
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/** A refusal the user can act on: exit status 1, the file named, why in words, no stack trace, no output. */
function expectNotTextError(run: CliRun, name: string): void {
  const context = `exit status ${run.status}, stderr:\n${run.stderr}`;
  expect(run.status, context).toBe(1);
  expect(run.stderr, context).toContain(name);
  expect(run.stderr, context).toMatch(/UTF-8|not a text file|binary/i);
  expect(run.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr, context).not.toMatch(/internal error/i);
  expect(run.stderr, context).not.toMatch(UNPRINTABLE);
}

describe("binary and non-UTF-8 files given to the command line", () => {
  // A file that is not UTF-8 text is refused, by name, with exit status 1:
  // decoding it anyway would replace its invalid bytes with U+FFFD and write
  // a silently corrupted copy, and a binary file is not a program. "Not
  // text" is: invalid UTF-8 (which includes UTF-16 and Latin-1 text), or a
  // NUL byte.
  const ASYNC = Buffer.from("async function f() { return await 1; }\n");
  const notText: Array<[string, Buffer]> = [
    ["Latin-1 text in a string", Buffer.concat([Buffer.from('async function f() { return "caf'), Buffer.from([0xe9]), Buffer.from('" + await 1; }\n')])],
    ["an invalid byte in a file with nothing to lower", Buffer.concat([Buffer.from('const s = "'), Buffer.from([0xff, 0xfe]), Buffer.from('";\n')])],
    ["a truncated UTF-8 sequence at the end", Buffer.concat([ASYNC, Buffer.from([0xe2, 0x82])])],
    ["an overlong encoding", Buffer.concat([Buffer.from('async function f() { return "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"; }\n')])],
    ["UTF-16LE text with a byte order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ASYNC.toString("latin1"), "utf16le")])],
    ["NUL bytes in a file with an async function", Buffer.concat([ASYNC, Buffer.from([0, 0, 0, 0])])],
    ["NUL bytes in a file with nothing to lower", Buffer.from("const a = 1;\u0000\u0000\n")],
    ["an executable", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0x10, 0x60, 0, 0])],
    ["a gzip archive", Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c, 0x4a, 6, 0, 0xc2, 0x41, 0x24, 0x35, 3, 0, 0, 0])],
  ];

  it.concurrent.each(notText)("%s: a file is refused by name", async (_name, bytes) => {
    const dir = scratchDir();
    writeFileSync(join(dir, "input.js"), bytes);
    const run = await cli(["input.js"], dir);
    expectNotTextError(run, "input.js");
    expect(run.stdout.length).toBe(0);
  });

  it.concurrent.each(notText)("%s: stdin is refused under its --filename", async (_name, bytes) => {
    const dir = scratchDir();
    const run = await cli(["-f", "piped.js"], dir, bytes);
    expectNotTextError(run, "piped.js");
    expect(run.stdout.length).toBe(0);
  });

  it("a folder build refuses the file that is not text and compiles the others", async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "good.js"), ASYNC);
    writeFileSync(join(dir, "src", "bad.js"), notText[0][1]);
    writeFileSync(join(dir, "src", "blob.js"), notText[7][1]);
    const run = await cli(["src", "-d", "lib"], dir);
    expectNotTextError(run, "bad.js");
    expect(run.stderr).toContain("blob.js");
    expect(readFileSync(join(dir, "lib", "good.js"), "utf8")).toContain("_awaitless");
  });

  it("UTF-8 text with a byte order mark and any non-ASCII characters compiles, the characters unchanged", async () => {
    const dir = scratchDir();
    const text = 'async function f() { return "é → 😀 \u2028 \uFFFD" + await "ü"; }\nf().then((v) => console.log(v));\n';
    writeFileSync(join(dir, "input.js"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const run = await cli(["input.js"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const output = run.stdout.toString("utf8");
    expect(output).toContain('"é → 😀 \u2028 \uFFFD"');
    expect(output).toContain('"ü"');
  });
});

// ---------------------------------------------------------------- garbage and fragments

describe("garbage and fragments", () => {
  const TOKENS = [
    "async", "function", "function*", "*", "await", "yield", "yield*", "for", "of", "in", "(", ")", "{", "}", "[", "]", ";", ",",
    "=>", "=", "x", "class", "static", "get", "#p", "try", "catch", "finally", "if", "else", "while", "do", "switch", "case",
    "default:", "break", "continue", "return", "throw", "let", "const", "var", "new", "super", "this", "...", "?.", "?", ":", "+",
    "`", "${", "1", '"s"', "/re/", "label:", "using", "import", "export", "arguments", "delete", "typeof", "\n",
  ];

  it("random edits of a realistic module are compiled or rejected, never an internal error", () => {
    // Tokens deleted, repeated, swapped or inserted, one to three times: most
    // mutants are syntax errors somewhere deep in the file, about one in ten
    // is valid and is lowered.
    const base = realisticUnit(3) + realisticUnit(4);
    const pieces = base.split(/(\s+|[(){}[\];,.:?=]|\b)/).filter(Boolean);
    const random = seededRandom(7);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const internal: string[] = [];
    let compiled = 0;
    for (let n = 0; n < 600; n++) {
      const mutant = pieces.slice();
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * mutant.length);
        const roll = random();
        if (roll < 0.3) mutant.splice(at, 1);
        else if (roll < 0.5) mutant.splice(at, 0, pick(mutant));
        else if (roll < 0.7) {
          const other = Math.min(mutant.length - 1, at + 1 + Math.floor(random() * 3));
          [mutant[at], mutant[other]] = [mutant[other], mutant[at]];
        } else mutant.splice(at, 0, ` ${pick(TOKENS)} `);
      }
      const source = mutant.join("");
      for (const sourceType of ["module", "script"] as const) {
        const outcome = attempt(source, sourceType);
        if (outcome.kind === "compiled") compiled++;
        if (outcome.kind === "internal") internal.push(`${sourceType} mutant ${n}: ${String(outcome.error)}\n${source}`);
      }
    }
    expect(internal).toEqual([]);
    expect(compiled).toBeGreaterThan(50);
  });

  it("every prefix of a realistic module is compiled or rejected, never an internal error", () => {
    const source = realisticUnit(7);
    const internal: string[] = [];
    for (let end = 0; end <= source.length; end += 3) {
      const outcome = attempt(source.slice(0, end));
      if (outcome.kind === "internal") internal.push(`prefix of ${end} characters: ${String(outcome.error)}`);
    }
    expect(internal).toEqual([]);
  });
});
