// Stack traces of compiled code, as people see them: the program is compiled
// with an inline source map and run with `node --enable-source-maps`; each kind
// of function throws after it has suspended at least once, and the stack must
// point at the original file, line and column, under the original function's
// name, exactly as the same program run natively does.
//
// Below the user's frames come the runtime's (the driver that resumed the
// machine: `advance`, `run`, `Generator.next`, ...), where natively there is
// nothing or an engine frame such as `walk.next (<anonymous>)`. That is the
// price of running the machine from a library, and it is honest: those frames
// name runtime functions at their place in the compiled file or in the runtime
// module, not in the user's source, so they cannot be taken for user code.
// What must not happen is a frame in the user's file named after something the
// compiler made up (`_m`, `_callee`, a helper), or a frame of helper code put
// in the user's file.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "@babel/parser";
import ts from "typescript";
import { transform, type TransformOptions } from "../src/index.js";
import awaitless from "../src/babel-plugin.js";
import { execCapture } from "./support/exec.js";
import { parseStack, locate, type Frame } from "./support/stack-frames.js";

const RUNTIME_MODULE = join(dirname(fileURLToPath(import.meta.url)), "../dist/runtime/index.js");

// The file begins with a comment, as most files do: the compiler moves it
// above what it adds at the top, which must not take the comment's place in the map.
const SOURCE = `// Each kind of function throws after it has suspended.
async function loadUser(id) {
  await null;
  throw new Error("async function " + id);
}

class Repository {
  async find(id) {
    await null;
    throw new Error("class method " + id);
  }
}

const store = {
  async fetch(id) {
    await Promise.resolve(id);
    throw new Error("object method " + id);
  },
};

const lookUp = async (id) => {
  const found = await Promise.resolve(null);
  if (!found) throw new Error("async arrow " + id);
};

function* walk(steps) {
  for (let step = 0; step < steps; step++) yield step;
  throw new Error("generator");
}

async function* stream() {
  yield await "first";
  throw new Error("async generator");
}

function check(value) {
  if (!value) throw new Error("plain function called after an await");
}

async function validate(value) {
  await null;
  check(value);
}

const cases = {
  "async function": () => loadUser(1),
  "class method": () => new Repository().find(2),
  "object method": () => store.fetch(3),
  "async arrow": () => lookUp(4),
  generator: () => {
    const steps = walk(2);
    for (;;) steps.next();
  },
  "async generator": () => {
    const items = stream();
    return items.next().then(() => items.next());
  },
  "plain function called after an await": () => validate(0),
};

const stacks = {};
let chain = Promise.resolve();
for (const [name, run] of Object.entries(cases)) {
  chain = chain
    .then(() => Promise.resolve().then(run))
    .then(
      () => (stacks[name] = "did not throw"),
      (error) => (stacks[name] = String(error.stack)),
    );
}
chain.then(() => console.log(JSON.stringify(stacks)));
`;

/** Each case: the original function's name and where its error is made (the \`new\` of \`new Error\`). */
const KINDS: Array<{ kind: string; name: string; throwsAt: string }> = [
  { kind: "async function", name: "loadUser", throwsAt: 'new Error("async function' },
  { kind: "class method", name: "find", throwsAt: 'new Error("class method' },
  { kind: "object method", name: "fetch", throwsAt: 'new Error("object method' },
  { kind: "async arrow", name: "lookUp", throwsAt: 'new Error("async arrow' },
  { kind: "generator", name: "walk", throwsAt: 'new Error("generator' },
  { kind: "async generator", name: "stream", throwsAt: 'new Error("async generator' },
];

/** Names the source has: a user frame may be named with these only (a receiver type such as `Repository.find` included). */
const SOURCE_NAMES = new Set(
  (parse(SOURCE, { sourceType: "module", tokens: true }).tokens ?? []).filter((t) => t.type.label === "name").map((t) => String(t.value)),
);
/** Names the engine gives frames by itself. */
const ENGINE_NAMES = new Set(["<anonymous>", "Object", "Generator", "AsyncGenerator", "Promise", "async"]);

function isUserFrame(frame: Frame, file: string): boolean {
  return frame.file.endsWith(`/${file}`);
}

/** What a frame in the user's file must not be: named after something the source does not have. */
function strangeNames(frame: Frame): string[] {
  if (!frame.name) return [];
  return frame.name.split(".").filter((part) => !SOURCE_NAMES.has(part) && !ENGINE_NAMES.has(part));
}

function describeFrames(frames: Frame[]): string {
  return frames.map((f) => f.text).join("\n");
}

interface Run {
  stacks: Record<string, string>;
}

async function runProgram(dir: string, file: string, code: string, args: string[]): Promise<Run> {
  await writeFile(join(dir, file), code);
  const run = await execCapture(process.execPath, [...args, join(dir, file)], 30_000);
  const stdout = run.stdout.toString("utf8");
  if (run.status !== 0) throw new Error(`${file} exited with ${run.status}:\n${run.stderr}\n${stdout}`);
  return { stacks: JSON.parse(stdout) as Record<string, string> };
}

function compileWithInlineMap(source: string, options: TransformOptions): string {
  const result = transform(source, { ...options, sourceMaps: true });
  const map = Buffer.from(JSON.stringify(result.map)).toString("base64");
  return `${result.code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}\n`;
}

let dir: string;
let native: Promise<Run>;
const compiled = new Map<string, Promise<Run>>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "awaitless-stacks-"));
  // The native run names its file app.mjs; the compiled run's map names app.js.
  native = runProgram(dir, "app.mjs", SOURCE, []);
  compiled.set("inline", runProgram(dir, "inline.compiled.mjs", compileWithInlineMap(SOURCE, { filename: "app.js", runtime: "inline" }), ["--enable-source-maps"]));
  if (existsSync(RUNTIME_MODULE)) {
    const options: TransformOptions = { filename: "app.js", runtime: "import", runtimeModule: pathToFileURL(RUNTIME_MODULE).href };
    compiled.set("import", runProgram(dir, "import.compiled.mjs", compileWithInlineMap(SOURCE, options), ["--enable-source-maps"]));
  }
  // Settled here so that a failed run is reported by the tests that need it.
  await Promise.allSettled([native, ...compiled.values()]);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(["inline", "import"])('runtime "%s"', (runtime) => {
  async function stacksOf(kind: string) {
    const run = compiled.get(runtime);
    if (!run) throw new Error(`${RUNTIME_MODULE} is missing: run npm run build`);
    const [nativeRun, compiledRun] = await Promise.all([native, run]);
    return { native: parseStack(nativeRun.stacks[kind] ?? ""), compiled: parseStack(compiledRun.stacks[kind] ?? ""), text: compiledRun.stacks[kind] };
  }

  it.each(KINDS.map((k) => [k.kind, k] as const))("%s: the first frame names the original function at its place in the original file", async (kind, { name, throwsAt }) => {
    const { native, compiled, text } = await stacksOf(kind);
    expect(text, "the compiled function threw").toMatch(/^Error: /);
    const where = locate(SOURCE, throwsAt);
    const top = compiled[0];
    expect(top, describeFrames(compiled)).toBeDefined();
    expect(isUserFrame(top, "app.js") ? `app.js:${top.line}:${top.column}` : top.text, describeFrames(compiled)).toBe(`app.js:${where.line}:${where.column}`);
    // `find` or `Repository.find`, as the engine qualifies it natively.
    expect(top.name, describeFrames(compiled)).toMatch(new RegExp(`^(?:[\\w$]+\\.)?${name}$`));
    // The same as natively: the first frame there is the same function at the same place.
    expect(native[0] && `${native[0].line}:${native[0].column}`).toBe(`${where.line}:${where.column}`);
  });

  it("a plain function called after an await: its frame, then the caller's at the call", async () => {
    const { compiled } = await stacksOf("plain function called after an await");
    const thrown = locate(SOURCE, 'new Error("plain function');
    const call = locate(SOURCE, "check(value);");
    expect(compiled.slice(0, 2).map((f) => `${f.name} ${f.file.split("/").pop()}:${f.line}:${f.column}`), describeFrames(compiled)).toEqual([
      `check app.js:${thrown.line}:${thrown.column}`,
      `validate app.js:${call.line}:${call.column}`,
    ]);
  });

  const honest = "%s: the frames in the user's file are the native run's, named from the source";
  const kinds = [...KINDS.map((k) => k.kind), "plain function called after an await"];
  it.each(kinds)(honest, async (kind) => {
    const { native, compiled } = await stacksOf(kind);
    expectHonestUserFrames(compiled, native);
  });
});

/**
 * Every frame the map puts in the user's file is one the native run has too
 * (same line and column, in the same order), named like it or after the
 * original function, never after something the source does not have.
 */
function expectHonestUserFrames(compiled: Frame[], native: Frame[], file = "app.js") {
  const user = compiled.filter((f) => isUserFrame(f, file));
  const nativeUser = native.filter((f) => isUserFrame(f, file.replace(/\.js$/, ".mjs")));
  const strange = user.flatMap((f) => strangeNames(f).map((part) => `${f.text}: ${part}`));
  expect(strange, describeFrames(compiled)).toEqual([]);
  expect(
    user.map((f) => `${f.line}:${f.column}`),
    `frames in the user's file, compiled:\n${describeFrames(compiled)}\nnatively:\n${describeFrames(native)}`,
  ).toEqual(nativeUser.map((f) => `${f.line}:${f.column}`));
}

// ---- through the Babel plugin -----------------------------------------------------------

// Babel prints the map, and the runtime the plugin inlines comes after the
// file's imports: its frames must not be put at the import (nor at the
// file's first comment), as they were when Babel gave the runtime's lines the
// position it had printed last.
const IMPORT_SOURCE = SOURCE.replace("\n", '\nimport { inspect } from "node:util";\n');
const PLUGIN_SOURCES = [
  { label: "a file that begins with a comment", source: SOURCE, file: "app.js" },
  { label: "a file with an import", source: IMPORT_SOURCE, file: "app-import.js" },
];
type Babel = typeof import("@babel/core");
const BABELS: Array<[string, Babel]> = [
  ["Babel 7", createRequire(import.meta.url)("@babel/core") as Babel],
  ["Babel 8", (await import("babel-core-8" as string)) as Babel],
];

/** The native run of each source, by the name of its file (app.js's is the one made before all tests). */
const nativeRuns = new Map<string, Promise<Run>>();
function nativeRunOf(source: string, file: string): Promise<Run> {
  if (file === "app.js") return native;
  let run = nativeRuns.get(file);
  if (!run) {
    run = runProgram(dir, file.replace(/\.js$/, ".mjs"), source, []);
    nativeRuns.set(file, run);
  }
  return run;
}

describe.each(BABELS)('%s with awaitless/babel-plugin (runtime "inline"), the map written by Babel', (babelName, babel) => {
  const runs = new Map<string, Promise<{ native: Run; compiled: Run }>>();
  function runsOf(source: string, file: string) {
    let run = runs.get(file);
    if (!run) {
      const result = babel.transformSync(source, {
        filename: join(dir, file),
        sourceFileName: file,
        configFile: false,
        babelrc: false,
        sourceMaps: "inline",
        plugins: [[awaitless, { runtime: "inline" }]],
      });
      const compiledFile = `${babelName.replace(" ", "")}.${file.replace(/\.js$/, ".compiled.mjs")}`;
      run = Promise.all([nativeRunOf(source, file), runProgram(dir, compiledFile, result!.code!, ["--enable-source-maps"])]).then(([native, compiled]) => ({
        native,
        compiled,
      }));
      runs.set(file, run);
    }
    return run;
  }

  const kinds = [...KINDS.map((k) => k.kind), "plain function called after an await"];
  describe.each(PLUGIN_SOURCES)("$label", ({ source, file }) => {
    it.each(kinds)("%s: the frames in the user's file are the native run's", async (kind) => {
      const { native, compiled } = await runsOf(source, file);
      expect(compiled.stacks[kind], "the compiled function threw").toMatch(/^Error: /);
      expectHonestUserFrames(parseStack(compiled.stacks[kind] ?? ""), parseStack(native.stacks[kind] ?? ""), file);
    });
  });
});

// ---- through TypeScript: tsc's map composed into awaitless's --------------------------

const TS_SOURCE = `// Types vanish in the JavaScript tsc writes, so its lines are not the source's.
interface Account {
  id: number;
  balance: number;
}

type Fetch = (id: number) => Promise<Account>;

export async function withdraw(fetch: Fetch, id: number, amount: number): Promise<number> {
  const account: Account = await fetch(id);
  if (account.balance < amount) {
    throw new RangeError(\`account \${id} cannot pay \${amount}\`);
  }
  return account.balance - amount;
}

withdraw(async (id) => ({ id, balance: 5 }), 7, 10).catch((error: Error) => console.log(JSON.stringify({ stack: String(error.stack) })));
`;

describe("through TypeScript", () => {
  it("an error thrown after an await points at the TypeScript source", async () => {
    const js = ts.transpileModule(TS_SOURCE, {
      fileName: "account.ts",
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: true },
    });
    const code = compileWithInlineMap(js.outputText.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n"), {
      filename: "account.js",
      runtime: "inline",
      inputSourceMap: JSON.parse(js.sourceMapText!),
    });
    const { stacks } = await runProgram(dir, "account.compiled.mjs", code, ["--enable-source-maps"]);
    const frames = parseStack(stacks.stack);
    const where = locate(TS_SOURCE, "new RangeError");
    expect(`${frames[0]?.name} ${frames[0]?.file.split("/").pop()}:${frames[0]?.line}:${frames[0]?.column}`, stacks.stack).toBe(
      `withdraw account.ts:${where.line}:${where.column}`,
    );
  });
});
