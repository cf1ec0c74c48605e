// The command line as users run it: the real bin/awaitless spawned with node
// on temporary folders (so `npm test` builds dist/ first).

import { describe, it, expect, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SourceMapConsumer, SourceMapGenerator, type RawSourceMap } from "source-map";

const BIN = fileURLToPath(new URL("../bin/awaitless.js", import.meta.url));
/** A lowered async function in output: its machine started by the runtime (`asyncOnce` when it suspends at most once). */
const STARTED = /_awaitless\.async(Once)?\(/;
const VERSION = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version as string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder to run the CLI in, with helpers for its files. */
function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), "awaitless-cli-"));
  sandboxes.push(dir);
  const at = (path: string) => join(dir, path);
  return {
    dir,
    at,
    cli(args: string[], options: { input?: string } = {}): Promise<Run> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, timeout: 30_000 });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
        child.stdin.end(options.input ?? "");
      });
    },
    write(path: string, text: string): void {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), text);
    },
    read(path: string): string {
      return readFileSync(at(path), "utf8");
    },
    exists(path: string): boolean {
      return existsSync(at(path));
    },
    /** Every file under a folder, relative, sorted. */
    tree(folder: string): string[] {
      const out: string[] = [];
      const walk = (current: string): void => {
        for (const entry of readdirSync(current, { withFileTypes: true })) {
          const path = join(current, entry.name);
          if (entry.isDirectory()) walk(path);
          else out.push(relative(at(folder), path).split("\\").join("/"));
        }
      };
      walk(at(folder));
      return out.sort();
    },
  };
}

type Sandbox = ReturnType<typeof sandbox>;

const ASYNC_SOURCE = ["export async function load(url) {", "  const response = await fetch(url);", "  return response.status;", "}", ""].join("\n");
const PLAIN_SOURCE = "export const answer = 42;\n";

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** The 1-based line and 0-based column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index, `${needle} not found`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1].length };
}

async function originalOf(code: string, map: RawSourceMap | string, needle: string) {
  const consumer = await new SourceMapConsumer(typeof map === "string" ? JSON.parse(map) : map);
  try {
    return consumer.originalPositionFor(positionOf(code, needle));
  } finally {
    consumer.destroy();
  }
}

function inlineMap(code: string): RawSourceMap {
  const match = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,(\S+)\s*$/.exec(code);
  expect(match, "an inline source map comment").not.toBeNull();
  return JSON.parse(Buffer.from(match![1], "base64").toString("utf8"));
}

describe.concurrent("awaitless CLI: help and usage", () => {
  it("stops quietly when the reader of its output goes away (a closed pipe)", async () => {
    for (const args of [["--help"], ["big.js"]]) {
      const t = sandbox();
      t.write("big.js", Array.from({ length: 400 }, (_, i) => `async function f${i}(x) { return (await x) + ${i}; }`).join("\n"));
      const run = await new Promise<Run>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: t.dir, timeout: 30_000 });
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        // Closed before the first write, as `| head -1` leaves it once it has its line.
        child.stdout.destroy();
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout: "", stderr }));
      });
      expect(run.stderr, args.join(" ")).toBe("");
      expect(run.status, args.join(" ")).toBe(0);
    }
  });

  it("--version prints the package version", async () => {
    const t = sandbox();
    const run = await t.cli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });

  it("--help lists the options and examples", async () => {
    const t = sandbox();
    const run = await t.cli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: awaitless [options] [files or folders...]");
    for (const flag of ["--out-file", "--out-dir", "--copy-files", "--extensions", "--ignore", "--only", "--source-maps", "--runtime", "--source-type", "--watch", "--jobs", "--quiet", "--verbose"]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain("awaitless src -d lib");
  });

  it("an unknown option is a one-line error with the usage hint and exit status 2", async () => {
    const t = sandbox();
    const run = await t.cli(["src", "--out-dri", "lib"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`awaitless: unknown option '--out-dri' (Did you mean --out-dir?)\nRun "awaitless --help" for usage.\n`);
    expect(run.stdout).toBe("");
  });

  it("a missing input is a one-line error with the usage hint and exit status 2", async () => {
    const t = sandbox();
    const run = await t.cli(["missing.js", "-d", "lib"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`awaitless: no such file or directory: missing.js\nRun "awaitless --help" for usage.\n`);
    expect(t.exists("lib")).toBe(false);
  });

  it("contradictory or invalid options are usage errors", async () => {
    const t = sandbox();
    t.write("a.js", ASYNC_SOURCE);
    t.write("b.js", ASYNC_SOURCE);
    t.write("src/c.js", ASYNC_SOURCE);
    const cases: Array<[string[], string]> = [
      [["a.js", "-o", "x.js", "-d", "lib"], "--out-file and --out-dir cannot be used together"],
      [["a.js", "b.js"], "several inputs need --out-dir"],
      [["a.js", "b.js", "-o", "x.js"], "several inputs need --out-dir"],
      [["src"], "src is a folder; compile folders with --out-dir"],
      [["a.js", "--runtime", "wasm"], "argument 'wasm' is invalid"],
      [["a.js", "--jobs", "0", "-d", "lib"], "--jobs must be a whole number"],
      [["a.js", "--watch"], "--watch needs --out-file or --out-dir"],
      [["a.js", "--copy-files"], "--copy-files needs --out-dir"],
    ];
    const runs = await Promise.all(cases.map(([args]) => t.cli(args)));
    for (const [index, [args, message]] of cases.entries()) {
      const run = runs[index];
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(2);
      expectNoStackTrace(run.stderr);
    }
  });
});

describe.concurrent("awaitless CLI: stdin, stdout and --out-file", () => {
  it("reads stdin and writes the compiled code to stdout", async () => {
    const t = sandbox();
    const run = await t.cli(["--runtime", "global"], { input: ASYNC_SOURCE });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("var _awaitless = awaitlessRuntime;");
    expect(run.stdout).toMatch(/switch \(_m\.s\)/);
    expect(run.stdout).not.toMatch(/\basync function\b/);
  });

  it("- also reads stdin; code with nothing to lower comes back unchanged", async () => {
    const t = sandbox();
    const run = await t.cli(["-"], { input: PLAIN_SOURCE });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(PLAIN_SOURCE);
  });

  it("--filename names stdin input in errors and picks its syntax", async () => {
    const t = sandbox();
    const ts = "export async function f(x: number): Promise<number> {\n  return await x;\n}\n";
    const run = await t.cli(["--filename", "src/f.ts", "--runtime", "global"], { input: ts });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("x: number");
    const bad = await t.cli(["--filename", "src/f.js"], { input: ts });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^src\/f\.js:1:\d+: SyntaxError: /);
  });

  it("stdout with --source-maps gets an inline map", async () => {
    const t = sandbox();
    const run = await t.cli(["--source-maps", "-f", "in.js", "--runtime", "global"], { input: ASYNC_SOURCE });
    expect(run.status).toBe(0);
    const original = await originalOf(run.stdout, inlineMap(run.stdout), "fetch(url)");
    expect(original).toMatchObject({ source: "in.js", line: 2 });
  });

  it("compiles one file to stdout", async () => {
    const t = sandbox();
    t.write("a.js", ASYNC_SOURCE);
    const run = await t.cli(["a.js", "--runtime", "import"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^import \* as _awaitless from "awaitless\/runtime";/);
  });

  it("compiles one file to --out-file, creating its folder", async () => {
    const t = sandbox();
    t.write("a.js", ASYNC_SOURCE);
    const run = await t.cli(["a.js", "-o", "out/deep/a.es5.js"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
    const out = t.read("out/deep/a.es5.js");
    expect(out).toMatch(STARTED);
    expect(out.endsWith("\n")).toBe(true);
    expect(t.tree("out")).toEqual(["deep/a.es5.js"]);
  });

  it("--source-type script compiles scripts (the import runtime becomes require)", async () => {
    const t = sandbox();
    t.write("a.js", "async function f() { await 1; }\n");
    const run = await t.cli(["a.js", "--source-type", "script", "--runtime", "import"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('require("awaitless/runtime")');
  });
});

describe.concurrent("awaitless CLI: --out-dir", () => {
  function writeProject(t: Sandbox): void {
    t.write("src/index.js", ASYNC_SOURCE);
    t.write("src/plain.js", PLAIN_SOURCE);
    t.write("src/lib/deep/util.mjs", "export const wait = async (ms) => { await null; return ms; };\n");
    t.write("src/lib/types.ts", "export async function id<T>(x: T): Promise<T> { return await x; }\n");
    t.write("src/assets/data.json", '{ "a": 1 }\n');
    t.write("src/README.md", "# notes\n");
    t.write("src/.secret.js", "async function hidden() {}\n");
    t.write("src/node_modules/dep/index.js", "async function dep() {}\n");
  }

  it("compiles a folder keeping the relative tree, copies the rest with --copy-files", async () => {
    const t = sandbox();
    writeProject(t);
    const run = await t.cli(["src", "-d", "lib", "--copy-files"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^compiled 4 files, 3 transformed, 2 copied, in \d+\.\d+ s\n$/);
    expect(t.tree("lib")).toEqual(["README.md", "assets/data.json", "index.js", "lib/deep/util.mjs", "lib/types.ts", "plain.js"]);
    expect(t.read("lib/index.js")).toMatch(STARTED);
    expect(t.read("lib/lib/types.ts")).toContain("x: T");
    // Nothing to lower: the very same bytes. Copies too.
    expect(t.read("lib/plain.js")).toBe(PLAIN_SOURCE);
    expect(t.read("lib/assets/data.json")).toBe(t.read("src/assets/data.json"));
  });

  it("without --copy-files writes only compiled files; files named on the command line keep their base name", async () => {
    const t = sandbox();
    writeProject(t);
    t.write("extra/one.js", ASYNC_SOURCE);
    const run = await t.cli(["src", "extra/one.js", "-d", "lib", "--quiet"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(t.tree("lib")).toEqual(["index.js", "lib/deep/util.mjs", "lib/types.ts", "one.js", "plain.js"]);
  });

  it("--extensions, --ignore and --only choose the files compiled in folders", async () => {
    const t = sandbox();
    writeProject(t);
    const runs = await Promise.all([
      t.cli(["src", "-d", "a", "-x", "mjs,.ts"]),
      t.cli(["src", "-d", "b", "--ignore", "src/lib/**"]),
      t.cli(["src", "-d", "c", "--only", "**/*.ts,src/index.js"]),
      // Ignored files are still copied with --copy-files, unless --no-copy-ignored.
      t.cli(["src", "-d", "d", "--ignore", "src/lib", "--copy-files", "--no-copy-ignored"]),
    ]);
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 0]);
    expect(t.tree("a")).toEqual(["lib/deep/util.mjs", "lib/types.ts"]);
    expect(t.tree("b")).toEqual(["index.js", "plain.js"]);
    expect(t.tree("c")).toEqual(["index.js", "lib/types.ts"]);
    expect(t.tree("d")).toEqual(["README.md", "assets/data.json", "index.js", "plain.js"]);
  });

  it("--out-file-extension renames outputs", async () => {
    const t = sandbox();
    t.write("src/a.ts", "export async function f(): Promise<void> { await 0; }\n");
    expect((await t.cli(["src", "-d", "lib", "--out-file-extension", ".mts"])).status).toBe(0);
    expect(t.tree("lib")).toEqual(["a.mts"]);
  });

  it("an out-dir inside the input folder is never compiled again", async () => {
    const t = sandbox();
    writeProject(t);
    for (let i = 0; i < 2; i++) {
      const run = await t.cli(["src", "-d", "src/out", "--copy-files"]);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^compiled 4 files, 3 transformed, 2 copied/);
    }
    expect(t.tree("src/out")).toEqual(["README.md", "assets/data.json", "index.js", "lib/deep/util.mjs", "lib/types.ts", "plain.js"]);
  });

  it("never overwrites an input", async () => {
    const t = sandbox();
    t.write("src/a.js", ASYNC_SOURCE);
    const same = await t.cli(["src/a.js", "-o", "src/a.js"]);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("refusing to overwrite the input src/a.js");
    const dirSame = await t.cli(["src", "-d", "src"]);
    expect(dirSame.status).toBe(2);
    expect(dirSame.stderr).toContain("the output folder is the input folder src");
    const parent = await t.cli(["src/a.js", "-d", "src"]);
    expect(parent.status).toBe(2);
    expect(parent.stderr).toContain("refusing to overwrite the input src/a.js");
    expect(t.read("src/a.js")).toBe(ASYNC_SOURCE);
  });

  it("refuses two inputs that would be written to the same output", async () => {
    const t = sandbox();
    t.write("a/x.js", ASYNC_SOURCE);
    t.write("b/x.js", ASYNC_SOURCE);
    const run = await t.cli(["a/x.js", "b/x.js", "-d", "lib"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("a/x.js and b/x.js would both be written to lib/x.js");
    expect(t.exists("lib")).toBe(false);
  });

  it("--verbose names every file written", async () => {
    const t = sandbox();
    writeProject(t);
    const run = await t.cli(["src", "-d", "lib", "--verbose", "--jobs", "1"]);
    expect(run.status).toBe(0);
    expect(run.stderr.split("\n").slice(0, 4)).toEqual([
      "src/index.js -> lib/index.js",
      "src/lib/deep/util.mjs -> lib/lib/deep/util.mjs",
      "src/lib/types.ts -> lib/lib/types.ts",
      "src/plain.js -> lib/plain.js (unchanged)",
    ]);
  });

  it("keeps the input's file permissions", async () => {
    const t = sandbox();
    t.write("src/tool.js", "#!/usr/bin/env node\n" + ASYNC_SOURCE);
    const mode = 0o755;
    chmodSync(t.at("src/tool.js"), mode);
    expect((await t.cli(["src", "-d", "lib"])).status).toBe(0);
    expect(statSync(t.at("lib/tool.js")).mode & 0o777).toBe(mode);
  });
});

describe.concurrent("awaitless CLI: errors", () => {
  const BROKEN = ["export async function broken() {", "  const a = await first();", "  const b = await (second(;", "  return a + b;", "}", ""].join("\n");

  it("a syntax error in one of several files: file:line:column, a code frame, the others compile, exit status 1", async () => {
    const t = sandbox();
    t.write("src/a.js", ASYNC_SOURCE);
    t.write("src/b.js", BROKEN);
    t.write("src/c.js", ASYNC_SOURCE);
    t.write("lib/b.js", "previous output\n");
    const run = await t.cli(["src", "-d", "lib"]);
    expect(run.status).toBe(1);
    const [first, ...rest] = run.stderr.split("\n");
    expect(first).toMatch(/^src\/b\.js:3:\d+: SyntaxError: Unexpected token/);
    const frame = rest.join("\n");
    expect(frame).toContain("> 3 |   const b = await (second(;");
    expect(frame).toMatch(/\|\s+\^/);
    expect(run.stderr).toMatch(/compiled 2 files, 2 transformed, 1 failed, in \d+\.\d+ s\n$/);
    expectNoStackTrace(run.stderr);
    expect(t.read("lib/a.js")).toMatch(STARTED);
    expect(t.read("lib/c.js")).toMatch(STARTED);
    // The failed file's old output is left as it was, never half-written.
    expect(t.read("lib/b.js")).toBe("previous output\n");
    expect(t.tree("lib")).toEqual(["a.js", "b.js", "c.js"]);
  });

  it("a failing --out-file leaves no output and no temporary file", async () => {
    const t = sandbox();
    t.write("b.js", BROKEN);
    const run = await t.cli(["b.js", "-o", "out/b.js"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^b\.js:3:\d+: SyntaxError: /);
    expect(t.exists("out/b.js")).toBe(false);
    expect(t.exists("out") ? t.tree("out") : []).toEqual([]);
  });

  it("a file that cannot be written is reported and the others still compile", async () => {
    const t = sandbox();
    t.write("src/a.js", ASYNC_SOURCE);
    t.write("src/b.js", ASYNC_SOURCE);
    mkdirSync(t.at("lib/b.js"), { recursive: true }); // a folder where the output should go
    const run = await t.cli(["src", "-d", "lib"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("src/b.js: cannot write lib/b.js");
    expect(t.read("lib/a.js")).toMatch(STARTED);
    expect(t.tree("lib")).toEqual(["a.js"]);
  });
});

describe.concurrent("awaitless CLI: source maps", () => {
  it("--source-maps writes .map files that map back to the right original line", async () => {
    const t = sandbox();
    t.write("src/api/load.js", ASYNC_SOURCE);
    t.write("src/plain.js", "const a = 1;\nexport function twice(x) {\n  return x * 2;\n}\n");
    const run = await t.cli(["src", "-d", "lib", "--source-maps"]);
    expect(run.status).toBe(0);
    expect(t.tree("lib")).toEqual(["api/load.js", "api/load.js.map", "plain.js", "plain.js.map"]);
    const code = t.read("lib/api/load.js");
    expect(code.trimEnd().split("\n").pop()).toBe("//# sourceMappingURL=load.js.map");
    const map = JSON.parse(t.read("lib/api/load.js.map"));
    expect(map.file).toBe("load.js");
    expect(map.sources).toEqual(["../../src/api/load.js"]);
    expect(map.sourcesContent).toEqual([ASYNC_SOURCE]);
    expect(await originalOf(code, map, "fetch(url)")).toMatchObject({ source: "../../src/api/load.js", line: 2, column: 25 });
    expect(await originalOf(code, map, "response.status")).toMatchObject({ line: 3 });
    // A file passed through unchanged still gets a map, to itself.
    const plain = t.read("lib/plain.js");
    expect(await originalOf(plain, t.read("lib/plain.js.map"), "x * 2")).toMatchObject({ source: "../src/plain.js", line: 3, column: 9 });
  });

  it("--source-maps inline and both", async () => {
    const t = sandbox();
    t.write("a.js", ASYNC_SOURCE);
    expect((await t.cli(["a.js", "-o", "inline/a.js", "--source-maps", "inline"])).status).toBe(0);
    expect(t.tree("inline")).toEqual(["a.js"]);
    const inline = t.read("inline/a.js");
    expect(await originalOf(inline, inlineMap(inline), "fetch(url)")).toMatchObject({ source: "../a.js", line: 2 });
    expect((await t.cli(["a.js", "-o", "both/a.js", "-s", "both"])).status).toBe(0);
    expect(t.tree("both")).toEqual(["a.js", "a.js.map"]);
    expect(inlineMap(t.read("both/a.js"))).toEqual(JSON.parse(t.read("both/a.js.map")));
  });

  it("`--source-maps src -d lib`: a word after --source-maps that is not a mode is an input", async () => {
    const t = sandbox();
    t.write("src/a.js", ASYNC_SOURCE);
    const run = await t.cli(["--source-maps", "src", "-d", "lib"]);
    expect(run.status).toBe(0);
    expect(t.tree("lib")).toEqual(["a.js", "a.js.map"]);
  });

  /**
   * An input that is itself generated (say from original/app.ts) with a
   * hand-written map that moves every line down by 10: the output map must
   * lead through both steps to the original file and line.
   */
  function writeGeneratedInput(t: Sandbox, comment: (map: string) => string): void {
    const generator = new SourceMapGenerator({ file: "app.js" });
    ASYNC_SOURCE.split("\n").forEach((line, index) => {
      for (const match of line.matchAll(/[\w$]+/g)) {
        generator.addMapping({
          generated: { line: index + 1, column: match.index! },
          original: { line: index + 11, column: match.index! + 4 },
          source: "../original/app.ts",
        });
      }
    });
    const map = generator.toString();
    t.write("original/app.ts", "// the original\n".repeat(20));
    t.write("gen/app.js", ASYNC_SOURCE + comment(map) + "\n");
  }

  it("composes the input's own map from a file named by its sourceMappingURL", async () => {
    const t = sandbox();
    writeGeneratedInput(t, (map) => {
      t.write("gen/app.js.map", map);
      return "//# sourceMappingURL=app.js.map";
    });
    const run = await t.cli(["gen", "-d", "lib", "--source-maps"]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("warning");
    const code = t.read("lib/app.js");
    expect(code.match(/sourceMappingURL/g)).toHaveLength(1);
    const map = JSON.parse(t.read("lib/app.js.map"));
    expect(map.sources).toEqual(["../original/app.ts"]);
    expect(await originalOf(code, map, "fetch(url)")).toMatchObject({ source: "../original/app.ts", line: 12, column: 29 });
    expect(await originalOf(code, map, "response.status")).toMatchObject({ source: "../original/app.ts", line: 13 });
  });

  it("composes an inline input map too", async () => {
    const t = sandbox();
    writeGeneratedInput(t, (map) => `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(map).toString("base64")}`);
    const run = await t.cli(["gen/app.js", "-o", "out/app.js", "--source-maps"]);
    expect(run.status).toBe(0);
    const code = t.read("out/app.js");
    expect(code).not.toContain("data:application/json");
    expect(await originalOf(code, t.read("out/app.js.map"), "fetch(url)")).toMatchObject({ source: "../original/app.ts", line: 12 });
  });

  it("a file passed through unchanged keeps its input map, its sources moved to the new place", async () => {
    const t = sandbox();
    const generator = new SourceMapGenerator({ file: "plain.js" });
    generator.addMapping({ generated: { line: 2, column: 2 }, original: { line: 7, column: 4 }, source: "../original/plain.ts" });
    t.write("gen/plain.js", "export function twice(x) {\n  return x * 2;\n}\n//# sourceMappingURL=plain.js.map\n");
    t.write("gen/plain.js.map", generator.toString());
    const run = await t.cli(["gen", "-d", "lib/deep", "-s"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^compiled 1 file, 0 transformed, in /);
    const code = t.read("lib/deep/plain.js");
    expect(code).toBe("export function twice(x) {\n  return x * 2;\n}\n//# sourceMappingURL=plain.js.map\n");
    expect(await originalOf(code, t.read("lib/deep/plain.js.map"), "return")).toMatchObject({ source: "../../original/plain.ts", line: 7, column: 4 });
  });

  it("a missing input map is a warning, and the output maps to the input itself", async () => {
    const t = sandbox();
    t.write("src/a.js", ASYNC_SOURCE + "//# sourceMappingURL=a.js.map\n");
    const run = await t.cli(["src", "-d", "lib", "-s"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("src/a.js: warning: cannot read its source map a.js.map (ENOENT)");
    const code = t.read("lib/a.js");
    expect(await originalOf(code, t.read("lib/a.js.map"), "fetch(url)")).toMatchObject({ source: "../src/a.js", line: 2 });
  });
});

describe.concurrent("awaitless CLI: large trees", () => {
  function writeTree(t: Sandbox, files: number): void {
    for (let i = 0; i < files; i++) {
      const folder = `src/part${i % 4}/group${i % 3}`;
      if (i % 3 === 0) t.write(`${folder}/plain${i}.js`, `export const value${i} = ${i};\n`);
      else t.write(`${folder}/mod${i}.js`, `export async function run${i}(x) {\n  for (let k = 0; k < ${i}; k++) await x;\n  return ${i};\n}\n`);
    }
    t.write("src/broken.js", "async function broken() { await ; }\n");
  }

  it("a parallel build writes byte for byte what a serial build writes", async () => {
    const t = sandbox();
    writeTree(t, 48);
    const serial = await t.cli(["src", "-d", "serial", "--source-maps", "--jobs", "1", "--verbose"]);
    const parallel = await t.cli(["src", "-d", "parallel", "--source-maps", "--jobs", "3", "--verbose"]);
    expect(serial.status).toBe(1);
    expect(parallel.status).toBe(1);
    expect(parallel.stderr).toContain("compiling 49 files on 3 worker threads");
    expect(serial.stderr).not.toContain("worker threads");
    // Same report, file by file, in the same order.
    const lines = (run: Run) => run.stderr.split("\n").filter((line) => !/worker threads|^compiled/.test(line)).join("\n").replaceAll("serial", "OUT").replaceAll("parallel", "OUT");
    expect(lines(parallel)).toBe(lines(serial));
    expect(parallel.stderr).toMatch(/compiled 48 files, 32 transformed, 1 failed, in \d+\.\d+ s\n$/);
    const files = t.tree("serial");
    expect(files).toHaveLength(96);
    expect(t.tree("parallel")).toEqual(files);
    for (const file of files) expect(t.read(`parallel/${file}`), file).toBe(t.read(`serial/${file}`));
  });
});

describe.concurrent("awaitless CLI: watch mode", () => {
  it("recompiles an edited file, reports errors without exiting, and stops on a signal", async () => {
    const t = sandbox();
    t.write("src/a.js", ASYNC_SOURCE);
    t.write("src/b.js", PLAIN_SOURCE);
    const child = spawn(process.execPath, [BIN, "src", "-d", "lib", "--watch"], { cwd: t.dir });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Waits as long as it takes: the bound only stops a watcher that hangs, and is far above what
    // the slowest machine needs, so load cannot fail the test.
    const until = async (what: string, test: () => boolean): Promise<void> => {
      const deadline = Date.now() + 120_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const output = (path: string) => (t.exists(path) ? t.read(path) : "");
    try {
      await until("the first build", () => stderr.includes("watching for changes"));
      expect(stderr).toMatch(/^compiled 2 files, 1 transformed, in /);
      expect(output("lib/a.js")).toContain("fetch(url)");

      t.write("src/a.js", ASYNC_SOURCE.replace("fetch(url)", "fetchAgain(url)"));
      await until("the edit to be compiled", () => output("lib/a.js").includes("fetchAgain(url)"));

      t.write("src/c.js", "async function c() {\n  await (;\n}\n");
      await until("the syntax error", () => stderr.includes("src/c.js:2:"));
      expect(stderr).toContain("SyntaxError");
      expect(child.exitCode).toBeNull();

      t.write("src/c.js", "async function c() {\n  await 3;\n}\n");
      await until("the fix to be compiled", () => output("lib/c.js").match(STARTED) !== null);
      expect(t.tree("lib")).toEqual(["a.js", "b.js", "c.js"]);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(143);
  }, 600_000);
});

describe.concurrent("awaitless CLI: --states and --annotate", () => {
  const TRY_SOURCE = [
    "async function fetchUser(id) {",
    "  try {",
    "    const response = await fetch(id);",
    "    return await response.json();",
    "  } catch (error) {",
    "    return null;",
    "  }",
    "}",
    "",
  ].join("\n");

  it("prints a table of each function's states, their lines, exits and try regions", async () => {
    const box = sandbox();
    box.write("user.js", TRY_SOURCE);
    const run = await box.cli(["--states", "user.js"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("fetchUser: async declaration (user.js:1:1, 4 states)");
    expect(run.stdout).toMatch(/^ {2}0 +entry +3 +await → 1, catch → 3$/m);
    expect(run.stdout).toMatch(/^ {2}3 +catch +5 +return → out$/m);
    expect(run.stdout).toContain("try: states 0–2 → catch at 3");
    expect(box.exists("user.js")).toBe(true);
  });

  it("prints the model as JSON, the same as inspect() gives", async () => {
    const box = sandbox();
    box.write("user.js", TRY_SOURCE);
    const run = await box.cli(["--states", "json", "user.js"]);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { file: string; functions: Array<{ name: string; states: unknown[] }> };
    const { inspect } = await import("../src/index.js");
    const expected = inspect(TRY_SOURCE, { filename: box.at("user.js") }).functions;
    expect(printed.file).toBe("user.js");
    expect(printed.functions).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("prints Graphviz DOT that dot renders, one node per state and one edge per exit", async () => {
    const box = sandbox();
    box.write("user.js", TRY_SOURCE + "function* g() { try { yield 1; } finally { yield 2; } }\n");
    const run = await box.cli(["--states", "dot", "user.js"]);
    expect(run.status).toBe(0);
    const svg = await renderDot(run.stdout);
    const { inspect } = await import("../src/index.js");
    const { functions } = inspect(readFileSync(box.at("user.js"), "utf8"));
    const states = functions.reduce((sum, fn) => sum + fn.states.length, 0);
    const exits = functions.reduce((sum, fn) => sum + fn.states.reduce((n, s) => n + s.exits.length, 0), 0);
    // Graphviz draws a <g class="node"> per node and a <g class="edge"> per edge.
    const nodes = (svg.match(/class="node"/g) ?? []).length;
    expect(nodes - (svg.match(/>returns</g) ?? []).length - (svg.match(/>throws</g) ?? []).length).toBe(states);
    expect((svg.match(/class="edge"/g) ?? []).length).toBe(exits);
  });

  it("reads stdin, and reports a syntax error with its place instead of states", async () => {
    const box = sandbox();
    const ok = await box.cli(["--states"], { input: "const f = async () => await 1;\n" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("f: async arrow (stdin:1:11, 2 states)");
    const bad = await box.cli(["--states", "-f", "bad.js"], { input: "async function (" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.js:1:\d+: SyntaxError: /);
    expectNoStackTrace(bad.stderr);
  });

  it("refuses --states with output options", async () => {
    const box = sandbox();
    box.write("user.js", TRY_SOURCE);
    const run = await box.cli(["--states", "user.js", "-o", "out.js"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--states prints the states to stdout");
    expect(box.exists("out.js")).toBe(false);
  });

  it("--annotate comments each state with the source line it comes from", async () => {
    const box = sandbox();
    box.write("user.js", TRY_SOURCE);
    const run = await box.cli(["--annotate", "--runtime", "import", "user.js"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("// line 3: const response = await fetch(id);");
    expect(run.stdout).toContain("// line 4: return await response.json();");
    expect(run.stdout).toContain("// line 5: } catch (error) {");
  });
});

/** Renders DOT with Graphviz's `dot` (Debian package graphviz; CI installs it). */
function renderDot(source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("dot", ["-Tsvg"]);
    let out = "";
    let err = "";
    child.on("error", (error) => reject(new Error(`cannot run Graphviz's dot (install the graphviz package): ${error.message}`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("close", (status) => (status === 0 ? resolve(out) : reject(new Error(`dot failed: ${err}`))));
    child.stdin.end(source);
  });
}
