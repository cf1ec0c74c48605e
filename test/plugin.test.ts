// awaitless/babel-plugin under Babel 7 (@babel/core) and Babel 8 (installed
// as babel-core-8):
// - over every fixture, with each runtime mode, the code is the API's and
//   the source map is as good as the API's (Babel 7: the same mappings;
//   Babel 8, whose generator leaves out redundant segments: every generated
//   position maps to the same original line, and almost always column, and
//   what the API's maps to nothing, the inlined runtime included, maps to
//   nothing);
// - the inlined runtime maps to nothing whatever comes before it (an import,
//   a comment), looked up on its line or as Node looks up across lines, also
//   beside @babel/preset-env;
// - every fixture compiled by the plugin, importing the runtime from the
//   installed package, runs as the input does natively;
// - the options (runtime, globalName, runtimeModule, annotate) and their checks;
// - beside @babel/preset-env (its async and generator transforms excluded):
//   every fixture, compiled for an ES5 target, runs as natively in Node, and
//   no line of the source loses its mapping;
// - the plugin and the runtime load by their package names, as a project
//   that installed awaitless would load them.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createRequire } from "node:module";
import { stripVTControlCharacters } from "node:util";
import { parse } from "@babel/parser";
import * as t from "@babel/types";
import { transform, AwaitlessInputTooDeepError, type TransformOptions } from "../src/index.js";
import { reportedToBabel } from "../src/host/babel-plugin-errors.js";
import awaitless from "../src/babel-plugin.js";
import { loadFixtures, goldenOptions, runnable, type Fixture } from "./support/fixtures.js";
import { runNodeAsync } from "./support/run-node-async.js";
import { createSandbox, type Sandbox } from "./support/package-sandbox.js";
import { ES5_TARGETS, PRESET_ENV_ASYNC_TRANSFORMS } from "./support/es5/engines.js";
import { decodeMappings, originalAt } from "./support/source-map.js";
import { resourceDeclarations, suspendingSyntax, syntaxAfterEs5 } from "./support/syntax.js";
import type { RunResult } from "./support/run-node.js";

type Babel = typeof import("@babel/core");
const require = createRequire(import.meta.url);
const babel7 = require("@babel/core") as Babel;
const babel8 = (await import("babel-core-8" as string)) as Babel;
const presetEnv = require.resolve("@babel/preset-env");

const BABELS: Array<[string, Babel]> = [
  ["Babel 7", babel7],
  ["Babel 8", babel8],
];
const RUNTIMES = ["import", "inline", "global"] as const;

const fixtures = loadFixtures();
const executable = fixtures.filter((f) => f.options.exec !== false);

function isModule(fixture: Fixture): boolean {
  return fixture.options.module !== false;
}

// Each fixture runs natively once, whichever test asks first.
const nativeRuns = new Map<string, Promise<RunResult>>();
function nativeRun(fixture: Fixture): Promise<RunResult> {
  let run = nativeRuns.get(fixture.name);
  if (!run) {
    run = runNodeAsync(runnable(fixture, fixture.input), { module: isModule(fixture) });
    nativeRuns.set(fixture.name, run);
  }
  return run;
}

const PLUGIN_OPTIONS = ["runtime", "globalName", "runtimeModule", "annotate"] as const;

/** The fixture's API options that are plugin options; the rest (sourceType, parsing) are Babel's. */
function pluginOptions(fixture: Fixture, runtime: (typeof RUNTIMES)[number]) {
  const api = goldenOptions(fixture) as TransformOptions;
  const options: Record<string, unknown> = {};
  for (const key of PLUGIN_OPTIONS) if (api[key] !== undefined) options[key] = api[key];
  return { ...options, runtime };
}

function babelOptions(fixture: Fixture, plugins: unknown[], extra: Record<string, unknown> = {}) {
  const api = goldenOptions(fixture) as TransformOptions;
  const isTs = api.typescript ?? /\.[cm]?tsx?$/.test(fixture.inputFile);
  const parserPlugins = [...(isTs ? ["typescript"] : []), ...((api.jsx ?? (!isTs || /\.tsx$/.test(fixture.inputFile))) ? ["jsx"] : [])];
  return {
    filename: fixture.inputFile,
    sourceType: api.sourceType ?? "module",
    configFile: false,
    babelrc: false,
    parserOpts: { plugins: parserPlugins },
    plugins,
    ...extra,
  } as Parameters<Babel["transformSync"]>[1];
}

function compileWithPlugin(babel: Babel, fixture: Fixture, options: object, extra: Record<string, unknown> = {}) {
  const result = babel.transformSync(fixture.input, babelOptions(fixture, [[awaitless, options]], extra));
  if (!result?.code) throw new Error(`no output for ${fixture.name}`);
  return result;
}

it("runs under both Babel majors", () => {
  expect(babel7.version).toMatch(/^7\./);
  expect(babel8.version).toMatch(/^8\./);
});

// The API's output for each fixture and runtime, made once for both Babels
// (with a source map for "import", the mode the golden outputs use, and for
// "inline", whose runtime must map to nothing).
const MAPPED_RUNTIMES: ReadonlySet<string> = new Set(["import", "inline"]);
const apiResults = new Map<string, ReturnType<typeof transform>>();
function apiResult(fixture: Fixture, runtime: (typeof RUNTIMES)[number]) {
  const key = `${fixture.name}:${runtime}`;
  let result = apiResults.get(key);
  if (!result) {
    result = transform(fixture.input, { ...goldenOptions(fixture), runtime, sourceMaps: MAPPED_RUNTIMES.has(runtime) });
    apiResults.set(key, result);
  }
  return result;
}

for (const [babelName, babel] of BABELS) {
  describe(`${babelName}: output equal to the API's, source map agreeing with it`, () => {
    it.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
      for (const runtime of RUNTIMES) {
        const api = apiResult(fixture, runtime);
        const sourceMaps = MAPPED_RUNTIMES.has(runtime);
        const result = compileWithPlugin(babel, fixture, pluginOptions(fixture, runtime), { sourceMaps });
        expect(result.code, `runtime: ${runtime}`).toBe(api.code);
        if (!sourceMaps || !api.map || !result.map) continue;
        expect(result.map.sources).toEqual(api.map.sources);
        // Babel 7 prints with the generator the API uses.
        if (babel === babel7) expect(result.map.mappings, `runtime: ${runtime}`).toBe(api.map.mappings);
        expectSameOriginalPositions(api.code, api.map, result.map, runtime, babel === babel7 ? 1 : 0.98);
      }
    });
  });
}

/**
 * Every position the API's map sends somewhere is looked up to the same
 * original line in the plugin's map, and (a share of them, Babel 8 printing
 * a little differently) to the same column. Where the API's maps to nothing
 * (the runtime, the compiler's bookkeeping), so does the plugin's, and every
 * line has a segment, if only one that maps nowhere (docs/decisions/0005).
 */
function expectSameOriginalPositions(code: string, expected: { mappings: string }, actual: { mappings: string }, label: string, columnShare: number) {
  const a = decodeMappings(expected.mappings);
  const b = decodeMappings(actual.mappings);
  const lines = code.split("\n");
  let positions = 0;
  let sameColumn = 0;
  let nowhere = 0;
  for (const segment of a.segments) {
    const left = originalAt(a, segment.line, segment.column);
    const right = originalAt(b, segment.line, segment.column);
    const where = `${label}: generated ${segment.line + 1}:${segment.column} (${JSON.stringify(lines[segment.line]?.slice(segment.column, segment.column + 24))})`;
    if (!segment.original) {
      nowhere++;
      expect(right, `${where} maps to nothing in the API's map`).toBeUndefined();
      continue;
    }
    positions++;
    expect(right?.line, where).toBe(left?.line);
    if (right?.column === left?.column) sameColumn++;
  }
  expect(positions, `${label}: the map has positions`).toBeGreaterThan(0);
  expect(nowhere, `${label}: the API's map has code that maps to nothing`).toBeGreaterThan(0);
  expect(sameColumn / positions, `${label}: share of positions mapped to the same column`).toBeGreaterThanOrEqual(columnShare);
  const bare = lines.flatMap((_text, line) => ((b.byLine[line]?.length ?? 0) === 0 ? [line + 1] : []));
  expect(bare, `${label}: lines of the output without a segment`).toEqual([]);
}

// ---- the inlined runtime in the source map -------------------------------------------

// Babel prints a node without a location at the position it printed last: the
// inlined runtime, after an import, would map line by line to that import (and
// Jest would show the runtime's frames at the test file's line 1).
const RUNTIME_PLACEMENTS: Array<[string, string]> = [
  ["after an import", 'import { read } from "./files.js";\nexport async function size(path) {\n  const text = await read(path, "utf8");\n  return text.length;\n}\n'],
  ["after the file's first comment", '// Sizes of files.\nexport async function size(read, path) {\n  const text = await read(path, "utf8");\n  return text.length;\n}\n'],
  ["at the top of the file", 'export async function size(read, path) {\n  const text = await read(path, "utf8");\n  return text.length;\n}\n'],
];

/** The builds: a Babel, and the presets beside the plugin. */
const BUILDS: Array<[string, Babel, unknown[]]> = [
  ...BABELS.map(([babelName, babel]): [string, Babel, unknown[]] => [babelName, babel, []]),
  ["Babel 7 with @babel/preset-env (ES5, CommonJS)", babel7, [[presetEnv, { targets: ES5_TARGETS, modules: "commonjs", exclude: PRESET_ENV_ASYNC_TRANSFORMS }]]],
];

describe.each(BUILDS)("%s: the inlined runtime maps to nothing", (_build, babel, presets) => {
  it.each(RUNTIME_PLACEMENTS)("%s, and the user's code where it is", (_placement, source) => {
    const result = babel.transformSync(source, {
      filename: "size.js",
      configFile: false,
      babelrc: false,
      sourceMaps: true,
      plugins: [[awaitless, { runtime: "inline" }]],
      presets,
    } as Parameters<Babel["transformSync"]>[1]);
    const code = result!.code!;
    const mappings = decodeMappings(result!.map!.mappings);
    const lines = code.split("\n");
    const runtime = parse(code, { sourceType: "unambiguous" }).program.body.find(
      (statement) => t.isVariableDeclaration(statement) && t.isIdentifier(statement.declarations[0].id) && /^_awaitless\d*$/.test(statement.declarations[0].id.name),
    );
    expect(runtime, "the output has the inlined runtime").toBeDefined();
    const { start, end } = runtime!.loc!;
    expect(end.line - start.line, "the runtime spans many lines").toBeGreaterThan(50);
    const mapped: string[] = [];
    for (let line = start.line; line <= end.line; line++) {
      const column = lines[line - 1].search(/\S/);
      // Looked up on its line (source-map, Jest), and as Node's --enable-source-maps
      // looks up: the nearest segment before the position, on any earlier line.
      const onLine = originalAt(mappings, line - 1, column);
      const nearest = nearestSegment(mappings, line - 1, column)?.original;
      if (onLine || nearest) mapped.push(`${line}: ${lines[line - 1].trim()} maps to ${JSON.stringify(onLine ?? nearest)}`);
    }
    expect(mapped.slice(0, 5), `${mapped.length} lines of the runtime map into the source, such as`).toEqual([]);
    // The user's code still maps to its lines (0-based in the map).
    const sourceLines = source.split("\n");
    for (const text of ['(path, "utf8")', "text.length"]) {
      const line = lines.findIndex((l) => l.includes(text));
      expect(line, `${text} is in the output`).toBeGreaterThanOrEqual(0);
      expect(originalAt(mappings, line, lines[line].indexOf(text))?.line, text).toBe(sourceLines.findIndex((l) => l.includes(text)));
    }
  });
});

/** The last segment at or before a generated position, on its line or any earlier one (as Node's lookup finds it). */
function nearestSegment(decoded: ReturnType<typeof decodeMappings>, line: number, column: number) {
  for (let l = line; l >= 0; l--) {
    const before = (decoded.byLine[l] ?? []).filter((segment) => l < line || segment.column <= column);
    if (before.length > 0) return before[before.length - 1];
  }
  return undefined;
}

// ---- execution --------------------------------------------------------------------

// With runtime "inline" the plugin's output is the API's (checked above),
// which test/fixtures.test.ts runs; here the output imports the runtime from
// the awaitless package, in a project where it is installed.
describe.concurrent('the plugin\'s output (runtime "import") runs like the input natively, Babel 7 and 8', () => {
  let sandbox: Promise<Sandbox> | undefined;
  afterAll(async () => {
    await (await sandbox)?.remove();
  });

  it.each(executable.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    sandbox ??= createSandbox();
    const { dir } = await sandbox;
    const module = isModule(fixture);
    const outputs = new Set(BABELS.map(([, babel]) => compileWithPlugin(babel, fixture, pluginOptions(fixture, "import")).code));
    const [native, ...compiled] = await Promise.all([nativeRun(fixture), ...[...outputs].map((code) => runNodeAsync(runnable(fixture, code!), { module, dir }))]);
    expect(native.stdout.length, "the fixture prints nothing natively").toBeGreaterThan(0);
    for (const run of compiled) expect(run).toEqual(native);
  });
});

// ---- options ------------------------------------------------------------------------

const SAMPLE = `
async function first() {
  return await 1;
}
const second = async () => (await first()) + 1;
export { second };
`;

function compile(babel: Babel, code: string, options: object, extra: Record<string, unknown> = {}): string {
  const result = babel.transformSync(code, {
    filename: "sample.js",
    configFile: false,
    babelrc: false,
    sourceType: "module",
    plugins: [[awaitless, options]],
    ...extra,
  } as Parameters<Babel["transformSync"]>[1]);
  return result?.code ?? "";
}

for (const [babelName, babel] of BABELS) {
  describe(`${babelName}: options`, () => {
    it('runtime "import" imports the runtime in a module and requires it in a script', () => {
      expect(compile(babel, SAMPLE, { runtime: "import" })).toMatch(/^import \* as _awaitless from "awaitless\/runtime";$/m);
      const script = SAMPLE.replace("export { second };", "");
      expect(compile(babel, script, { runtime: "import" }, { sourceType: "script" })).toMatch(/^var _awaitless = require\("awaitless\/runtime"\);$/m);
      // With sourceType "unambiguous", Babel decides from the file's own syntax.
      expect(compile(babel, SAMPLE, { runtime: "import" }, { sourceType: "unambiguous" })).toMatch(/^import \* as _awaitless from/m);
      expect(compile(babel, script, { runtime: "import" }, { sourceType: "unambiguous" })).toMatch(/^var _awaitless = require\(/m);
    });

    it('runtimeModule names the module "import" loads', () => {
      expect(compile(babel, SAMPLE, { runtime: "import", runtimeModule: "./vendor/awaitless-runtime.js" })).toMatch(
        /^import \* as _awaitless from "\.\/vendor\/awaitless-runtime\.js";$/m,
      );
    });

    it('runtime "global" reads the runtime from globalName', () => {
      expect(compile(babel, SAMPLE, { runtime: "global" })).toMatch(/^var _awaitless = awaitlessRuntime;$/m);
      expect(compile(babel, SAMPLE, { runtime: "global", globalName: "myRuntime" })).toMatch(/^var _awaitless = myRuntime;$/m);
    });

    it('runtime "inline" (the default) puts the helpers in the file once, under a name nothing else uses', async () => {
      const code = `
        const _awaitless = "a user binding of the same name";
        function runAsync() { return "a user function named like a runtime helper"; }
        async function a() { return (await 1) + 1; }
        async function b() { return (await a()) * 10; }
        const c = async () => [await b(), _awaitless, runAsync()];
        c().then((v) => console.log(v.join(" | ")));
      `;
      for (const options of [{}, { runtime: "inline" }]) {
        const output = compile(babel, code, options);
        expect(output.match(/^var _awaitless\d* = \(?function \(\) \{$/gm), "one inlined runtime").toEqual(["var _awaitless2 = function () {"]);
        expect(await runNodeAsync(output, { module: true })).toEqual(await runNodeAsync(code, { module: true }));
      }
    });

    it("annotate is passed to the compiler", () => {
      const annotated = transform(SAMPLE, { filename: "sample.js", runtime: "import", annotate: true });
      expect(annotated.code).not.toBe(transform(SAMPLE, { filename: "sample.js", runtime: "import" }).code);
      expect(compile(babel, SAMPLE, { runtime: "import", annotate: true })).toBe(annotated.code);
      expect(() => compile(babel, SAMPLE, { annotate: false })).not.toThrow();
    });

    it("rejects unknown options and wrong values, naming them", () => {
      expect(() => compile(babel, SAMPLE, { runtimee: "import" })).toThrow(/unknown option "runtimee"/);
      expect(() => compile(babel, SAMPLE, { runtime: "inlined" })).toThrow(/option "runtime" must be one of inline, import, global/);
      expect(() => compile(babel, SAMPLE, { annotate: "yes" })).toThrow(/option "annotate" must be a boolean/);
      expect(() => compile(babel, SAMPLE, { globalName: 42 })).toThrow(/option "globalName" must be a string/);
    });

    it("leaves a file with nothing to lower as Babel prints it", () => {
      const plain = "const x = 1;\nfunction f() {\n  return x;\n}";
      expect(compile(babel, plain, {})).toBe(plain);
    });

    it("the other plugins, and the tree Babel hands back, see a location with a line or none (coverage tools count every location)", () => {
      const lineless: string[] = [];
      const seeLocations = () => ({
        visitor: {
          Program: {
            exit(path: { node: t.Program }) {
              t.traverseFast(path.node, (node) => {
                if (node.loc && typeof node.loc.start.line !== "number") lineless.push(node.type);
              });
            },
          },
        },
      });
      const result = babel.transformSync(SAMPLE, {
        filename: "sample.js",
        configFile: false,
        babelrc: false,
        sourceMaps: true,
        ast: true,
        plugins: [[awaitless, { runtime: "inline" }], seeLocations],
      });
      expect(suspendingSyntax(result!.code!)).toEqual([]);
      t.traverseFast(result!.ast!, (node) => {
        if (node.loc && typeof node.loc.start.line !== "number") lineless.push(`returned ${node.type}`);
      });
      expect(lineless).toEqual([]);
    });

    it("prints a file itself only when it lowered it and a source map is asked for", () => {
      // A plugin that prints every file (Babel allows one per file).
      const printer = () => ({
        visitor: {},
        generatorOverride: (ast: t.File, options: object, code: string, generate: (...args: unknown[]) => { code: string }) => ({
          ...generate(ast, options, code),
          code: "/* printed by the other plugin */",
        }),
      });
      const plain = "const x = 1;";
      expect(compile(babel, plain, {}, { plugins: [[awaitless, {}], printer], sourceMaps: true })).toBe("/* printed by the other plugin */");
      expect(compile(babel, SAMPLE, {}, { plugins: [[awaitless, {}], printer] })).toBe("/* printed by the other plugin */");
      expect(() => compile(babel, SAMPLE, {}, { plugins: [[awaitless, {}], printer], sourceMaps: true })).toThrow(/More than one plugin attempted to override codegen/);
    });

    it("valid code it cannot lower fails with Babel's located error and a code frame, not an internal one", () => {
      // Partial application, a proposal Babel's parser accepts when asked to.
      const code = "async function f(g, x) {\n  return g(?, await x);\n}\n";
      const run = () => compile(babel, code, {}, { parserOpts: { plugins: ["partialApplication"] } });
      expect(run).toThrow(/sample\.js: .*partial application is not supported/);
      // The frame points at line 2, where the call is. Babel colours
      // the frame when the environment asks for colour (FORCE_COLOR in CI),
      // so the escape codes are taken out before reading it.
      const message = stripVTControlCharacters(thrownMessage(run));
      expect(message).toMatch(/> 2 \|   return g\(\?, await x\);/);
    });
  });
}

/** The message of what `run` throws; fails the test when it returns. */
function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected the call to throw");
}

const TYPESCRIPT_SAMPLE = `
import type { Readable } from "node:stream";
interface User { id: number; name: string }
type Loader<T> = (id: number) => Promise<T>;
export async function load<T extends User>(ids: readonly number[], loader: Loader<T>): Promise<T[]> {
  const users: T[] = [];
  for (const id of ids) {
    const user = (await loader(id)) as T;
    users.push(user!);
  }
  return users;
}
export class Repo<T> {
  private cache: Record<number, T> = {};
  constructor(private readonly fetcher: Loader<T>) {}
  async get(id: number): Promise<T | undefined> {
    const hit = this.cache[id];
    if (hit !== undefined) return hit;
    const value = <T>await this.fetcher(id);
    this.cache[id] = value;
    return value;
  }
  async *all(ids: number[]): AsyncGenerator<T, void, undefined> {
    for (const id of ids) yield (await this.get(id))!;
  }
}
`;

for (const [babelName, babel] of BABELS) {
  // Babel parses TypeScript when @babel/preset-typescript (or its syntax
  // plugin) is in the build; awaitless runs first and leaves the types to it.
  it(`${babelName}: TypeScript syntax is lowered as the API lowers a .ts file`, () => {
    const api = transform(TYPESCRIPT_SAMPLE, { filename: "sample.ts", runtime: "import" });
    const output = compile(babel, TYPESCRIPT_SAMPLE, { runtime: "import" }, { filename: "sample.ts", parserOpts: { plugins: ["typescript"] } });
    expect(output).toBe(api.code);
    expect(output).toMatch(/Promise<T\[\]>/);
  });
}

// ---- beside @babel/preset-env --------------------------------------------------------------

/**
 * Fixtures whose native behaviour Babel's own ES5 output does not keep
 * (whether or not awaitless is in the build), so they are not run after
 * preset-env.
 */
const NOT_KEPT_BY_PRESET_ENV: Record<string, string> = {
  "expr-call-arguments-order": "prints an arrow function's source text, which preset-env rewrites",
  "expr-object-literal": "preset-env's computed-properties transform defines `__proto__:` as an own property instead of setting the prototype",
  "fn-object-methods": "prints names of methods with computed or non-identifier keys, which preset-env's ES5 output does not keep",
  "fn-class-methods": "prints the name of a class method with a computed key, which preset-env's ES5 output does not keep",
};

function compileBesidePresetEnv(fixture: Fixture, options: { runtime: string; modules: false | "commonjs"; sourceMaps?: boolean }) {
  const result = babel7.transformSync(
    fixture.input,
    babelOptions(fixture, [[awaitless, { runtime: options.runtime }]], {
      presets: [[presetEnv, { targets: ES5_TARGETS, modules: options.modules, exclude: PRESET_ENV_ASYNC_TRANSFORMS }]],
      sourceMaps: options.sourceMaps ?? false,
    }),
  );
  if (!result?.code) throw new Error(`no output for ${fixture.name}`);
  return result;
}

describe("Babel 7 with @babel/preset-env (ES5 target, its async transforms excluded)", () => {
  it("leaves async functions and generators to awaitless: no regenerator, no async-to-generator helpers", () => {
    const code = `
      async function f() { for await (const x of g()) console.log(await x); }
      async function* g() { yield 1; }
      function* h() { yield* [1, 2]; }
      export { f, h };
    `;
    const output = babel7.transformSync(code, {
      filename: "sample.js",
      configFile: false,
      babelrc: false,
      plugins: [[awaitless, { runtime: "import" }]],
      presets: [[presetEnv, { targets: ES5_TARGETS, exclude: PRESET_ENV_ASYNC_TRANSFORMS }]],
    })!.code!;
    expect(output).not.toMatch(/regenerator|_asyncToGenerator|_wrapAsyncGenerator|_awaitAsyncGenerator|_asyncIterator/);
    expect(suspendingSyntax(output)).toEqual([]);
    expect(syntaxAfterEs5(output)).toEqual([]);
    expect(output).toMatch(/require\("awaitless\/runtime"\)/);
    // awaitless runs first, so preset-env's own async transforms find nothing left to lower.
    const notExcluded = babel7.transformSync(code, {
      filename: "sample.js",
      configFile: false,
      babelrc: false,
      plugins: [[awaitless, { runtime: "import" }]],
      presets: [[presetEnv, { targets: ES5_TARGETS }]],
    })!.code!;
    expect(notExcluded).toBe(output);
  });

  describe.concurrent("every fixture compiled for ES5 runs like the input natively", () => {
    for (const fixture of executable) {
      const reason = NOT_KEPT_BY_PRESET_ENV[fixture.name];
      if (reason) {
        it.skip(`${fixture.name} (${reason})`, () => {});
        continue;
      }
      it(fixture.name, async () => {
        const module = isModule(fixture);
        const { code } = compileBesidePresetEnv(fixture, { runtime: "inline", modules: false });
        const [native, compiled] = await Promise.all([nativeRun(fixture), runNodeAsync(runnable(fixture, code!), { module })]);
        expect(compiled).toEqual(native);
      });
    }
  });

  // awaitless runs when Babel enters the Program, so preset-env transforms
  // code that already carries the original locations: in one Babel pass with
  // preset-env, no line of the source may lose its mapping beyond what
  // preset-env itself drops from awaitless's output (compiled in a second
  // pass, with the first pass's map as its input map).
  it.each(fixtures.map((f) => [f.name, f] as const))("source map: no line of %s loses its mapping", (_name, fixture) => {
    const alone = compileWithPlugin(babel7, fixture, pluginOptions(fixture, "import"), { sourceMaps: true });
    const onePass = compileBesidePresetEnv(fixture, { runtime: "import", modules: "commonjs", sourceMaps: true });
    const secondPass = babel7.transformSync(alone.code!, {
      filename: fixture.inputFile,
      parserOpts: babelOptions(fixture, []).parserOpts,
      sourceType: (fixture.options.sourceType as "module" | "script" | undefined) ?? "module",
      configFile: false,
      babelrc: false,
      presets: [[presetEnv, { targets: ES5_TARGETS, modules: "commonjs", exclude: PRESET_ENV_ASYNC_TRANSFORMS }]],
      inputSourceMap: alone.map as never,
      sourceMaps: true,
    });
    const mappedLines = (map: { mappings: string } | null | undefined) =>
      new Set(decodeMappings(map?.mappings ?? "").segments.flatMap((s) => (s.original ? [s.original.line] : [])));
    const before = mappedLines(alone.map);
    const keptBySecondPass = mappedLines(secondPass?.map);
    const after = mappedLines(onePass.map);
    const sourceLines = fixture.input.split("\n");
    // (Lines of closing brackets only, such as a class body's `}`, map or not as preset-env's class transform happens to place them.)
    const lost = [...before].filter((line) => !after.has(line) && keptBySecondPass.has(line) && !/^[\s\])};,]*$/.test(sourceLines[line]));
    expect(lost.map((line) => `${line + 1}: ${sourceLines[line]}`)).toEqual([]);
    expect(before.size, "the map covers the source").toBeGreaterThan(0);
  });
});

// ---- an installed package -------------------------------------------------------------

describe("loaded by package name, as a project that installed awaitless loads it", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(async () => {
    await sandbox?.remove();
  });

  const program = `
    async function main() {
      const values = [];
      for await (const v of [Promise.resolve(1), 2]) values.push(v);
      return values.concat(await Promise.resolve(3));
    }
    main().then((v) => console.log("values", v.join()));
  `;

  for (const [babelName, babel] of BABELS) {
    it(`${babelName}: babel.config.json naming "awaitless/babel-plugin" (Babel's asynchronous API)`, async () => {
      await sandbox.write("babel.config.json", JSON.stringify({ plugins: [["awaitless/babel-plugin", { runtime: "import" }]] }));
      const file = await sandbox.write("src/app.mjs", program);
      const result = await babel.transformAsync(program, { filename: file, cwd: sandbox.dir, root: sandbox.dir });
      expect(result?.code).toMatch(/^import \* as _awaitless from "awaitless\/runtime";$/m);
      expect(await runNodeAsync(result!.code!, { module: true, dir: sandbox.dir })).toEqual(await runNodeAsync(program, { module: true }));
    });

    it(`${babelName}: Babel's synchronous API loads it too (as babel-jest does)`, async () => {
      const file = await sandbox.write("src/sync.js", program);
      const result = babel.transformSync(program, {
        filename: file,
        cwd: sandbox.dir,
        configFile: false,
        babelrc: false,
        plugins: [["awaitless/babel-plugin", { runtime: "inline" }]],
      });
      expect(result?.code).toMatch(/_awaitless\.async\(/);
    });
  }

  it('runtime "import" in CommonJS output: require("awaitless/runtime") loads the runtime', async () => {
    const result = babel7.transformSync(program, {
      filename: "app.js",
      configFile: false,
      babelrc: false,
      plugins: [[awaitless, { runtime: "import" }]],
      presets: [[presetEnv, { targets: { node: "20" }, modules: "commonjs", exclude: PRESET_ENV_ASYNC_TRANSFORMS }]],
    });
    expect(result?.code).toMatch(/require\("awaitless\/runtime"\)/);
    const expected: RunResult = await runNodeAsync(program, { module: true });
    expect(await runNodeAsync(result!.code!, { module: false, dir: sandbox.dir })).toEqual(expected);
  });
});

describe("what a Babel build shows for a stack overflow in lowering", () => {
  // Babel's own parser and traversal overflow first on almost any input deep
  // enough (a 1,200-term sum already overflows Babel's traversal with a no-op
  // plugin), so no input reaches this reliably: the mapping is tested on a
  // real RangeError from a real overflow.
  it("is the API's AwaitlessInputTooDeepError, its message without the file name Babel adds", () => {
    const overflow = (() => {
      const recurse = (n: number): number => recurse(n + 1) + 1;
      try {
        recurse(0);
      } catch (error) {
        return error;
      }
      throw new Error("the stack did not overflow");
    })();
    const file = { buildCodeFrameError: () => new Error("not expected here") };
    const reported = reportedToBabel(overflow, file, "src/deep.js");
    expect(reported).toBeInstanceOf(AwaitlessInputTooDeepError);
    expect((reported as Error).message).toBe("the input is nested too deeply to compile (the compiler ran out of stack)");
    expect((reported as AwaitlessInputTooDeepError).filename).toBe("src/deep.js");
    const other = new TypeError("a bug");
    expect(reportedToBabel(other, file, "src/deep.js")).toBe(other);
  });
});

// `using` and `await using` through the plugin: lowered at the Program, before
// any other plugin's visitors reach the declarations (docs/babel-plugin.md), and
// run on this Node, which has no `using`, as Node 24 runs the input natively
// (the fixtures' recorded native.json).
const resourceFixtures = loadFixtures({ withNewerEngines: true }).filter((f) => f.options.nativeEngine === "node24");
for (const [babelName, babel] of BABELS) {
  describe(`${babelName}: using and await using`, () => {
    it.each(resourceFixtures.map((f) => [f.name, f] as const))("%s runs as natively on Node 24, nothing left to lower", async (_name, fixture) => {
      const { code } = compileWithPlugin(babel, fixture, { runtime: "inline" });
      expect(resourceDeclarations(code!, isModule(fixture) ? "module" : "script")).toEqual([]);
      expect(suspendingSyntax(code!, isModule(fixture) ? "module" : "script")).toEqual([]);
      expect(fixture.recordedNative).not.toBeNull();
      expect(await runNodeAsync(code!, { module: isModule(fixture) })).toEqual(fixture.recordedNative);
    });
  });
}
