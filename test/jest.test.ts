// Jest with babel-jest running awaitless, as docs/babel-plugin.md shows it:
// the page's babel.config.js and jest.config.js are written into a project
// holding the multi-module app (test/support/app-project.ts) and the Jest
// suite in test/support/jest-project (async tests, a rejection caught and
// one through `rejects`, a generator, async and generator methods, for-await
// over the app's async generators and over one of the test's own). Jest runs
// from the project, in a process of its own, with --json:
// - every test of the suite must pass;
// - what Jest ran must be compiled: its transform cache holds each test file
//   and app module as babel-jest compiled it, and none may have an async
//   function, generator, await, yield or for-await left;
// - a test that fails after an await must be reported at the line and column
//   of the failing expectation, where Jest reports it for the same test
//   compiled without awaitless (the project's Babel environment other than
//   `test`, so its preset-env alone), and the runtime's frames below it
//   where they are in the compiled file, not mapped into the test's source.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { cp, readFile, readdir } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { parse } from "@babel/parser";
import type { Sandbox } from "./support/package-sandbox.js";
import { REPO_ROOT } from "./support/package-sandbox.js";
import { createAppProject, runIn } from "./support/app-project.js";
import { docRecipe } from "./support/doc-recipes.js";
import { suspendingSyntax } from "./support/syntax.js";

const JEST_PROJECT = join(REPO_ROOT, "test/support/jest-project");
const JEST_TIMEOUT_MS = 180_000;

const SUITE = [
  "a generator",
  "a rejection caught around an await",
  "a rejection through expect(...).rejects",
  "an async function's result",
  "async methods and a generator method",
  "for await over an async generator of the test's own",
  "for await over the app's async generators, which closes the source",
];

/** The files the suite's run loads, each with something to lower. */
const SUITE_FILES = [
  "tests/users.test.js",
  "tests/inventory.test.js",
  "tests/streams.test.js",
  "src/users.js",
  "src/inventory.js",
  "src/streams.js",
];

interface JestReport {
  success: boolean;
  numTotalTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

/**
 * The code of a file of Jest's transform cache, which Jest writes after a
 * line with the first 32 hex digits of the code's SHA-1 (and checks on
 * reading it back).
 */
function cachedCode(content: string): string {
  const newline = content.indexOf("\n");
  const code = content.slice(newline + 1);
  if (content.slice(0, newline) !== createHash("sha1").update(code).digest("hex").slice(0, 32)) {
    throw new Error("a file of Jest's transform cache does not start with its code's checksum: has the cache's format changed?");
  }
  return code;
}

/** The frames in failing/stack.test.js of the failed test's first message, in order. */
function stackFrames(report: JestReport): Array<{ line: number; text: string }> {
  const [result] = report.testResults.flatMap((file) => file.assertionResults);
  return result.failureMessages[0].split("\n").flatMap((text) => {
    const found = /^\s+at .*failing[/\\]stack\.test\.js:(\d+):\d+/.exec(text);
    return found ? [{ line: Number(found[1]), text: text.trim() }] : [];
  });
}

/** The lines (from 1) the inlined runtime's declaration spans in compiled code. */
function inlinedRuntimeLines(code: string): { start: number; end: number } {
  const declaration = parse(code, { sourceType: "unambiguous" }).program.body.find(
    (statement) => statement.type === "VariableDeclaration" && statement.declarations[0].id.type === "Identifier" && /^_awaitless\d*$/.test(statement.declarations[0].id.name),
  );
  if (!declaration?.loc) throw new Error("the compiled test file has no inlined runtime");
  return { start: declaration.loc.start.line, end: declaration.loc.end.line };
}

describe("Jest with babel-jest and awaitless (docs/babel-plugin.md's babel.config.js and jest.config.js)", () => {
  let project: Sandbox;

  beforeAll(async () => {
    project = await createAppProject({ packages: ["jest", "babel-jest"] });
    await project.write("babel.config.js", docRecipe("Jest", "// babel.config.js"));
    await project.write("jest.config.js", docRecipe("Jest", "// jest.config.js"));
    for (const folder of ["tests", "failing"]) await cp(join(JEST_PROJECT, folder), join(project.dir, folder), { recursive: true });
  });

  afterAll(() => project?.remove());

  /**
   * Runs Jest in the project on the test files whose paths match `pattern`,
   * with a cache folder of its own (`cacheDir`); `babelEnv` overrides Babel's
   * environment.
   */
  async function jest(pattern: string, cacheDir: string, babelEnv?: string): Promise<{ status: number | null; report: JestReport; stderr: string }> {
    const env = { ...process.env, ...(babelEnv ? { BABEL_ENV: babelEnv } : {}) };
    const args = ["node_modules/jest/bin/jest.js", "--json", "--ci", "--runInBand", "--no-watchman", "--cacheDirectory", cacheDir, pattern];
    const run = await runIn(project.dir, process.execPath, args, { timeoutMs: JEST_TIMEOUT_MS, env });
    let report: JestReport;
    try {
      report = JSON.parse(run.stdout) as JestReport;
    } catch {
      throw new Error(`Jest printed no report (status ${run.status}):\n${run.stderr}`);
    }
    return { status: run.status, report, stderr: run.stderr };
  }

  /** Every transformed file in a Jest cache folder, by the source it was compiled from (the map's sourcesContent). */
  async function transformCache(cacheDir: string): Promise<Map<string, string>> {
    const bySource = new Map<string, string>();
    const root = join(project.dir, cacheDir);
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".map")) continue;
      const mapFile = join(entry.parentPath, entry.name);
      if (!mapFile.includes("jest-transform-cache-")) continue;
      const map = JSON.parse(await readFile(mapFile, "utf8")) as { sourcesContent?: string[] };
      const source = map.sourcesContent?.[0];
      if (source !== undefined) bySource.set(source, cachedCode(await readFile(mapFile.slice(0, -".map".length), "utf8")));
    }
    return bySource;
  }

  it("runs the project's suite: every test passes", async () => {
    const { status, report, stderr } = await jest("/tests/", ".jest-cache/suite");
    const results = report.testResults.flatMap((file) => file.assertionResults);
    expect(results.filter((r) => r.status !== "passed"), stderr).toEqual([]);
    expect(results.map((r) => r.title).sort()).toEqual(SUITE);
    expect(report.numTotalTests).toBe(SUITE.length);
    expect(report.success).toBe(true);
    expect(status).toBe(0);

    // What Jest ran: the test files and the app's modules they import, compiled, nothing suspending left.
    const cache = await transformCache(".jest-cache/suite");
    for (const file of SUITE_FILES) {
      const source = await readFile(join(project.dir, file), "utf8");
      expect(suspendingSyntax(source), `${file} has something to lower`).not.toEqual([]);
      const compiled = cache.get(source);
      expect(compiled, `Jest's cache has ${file} compiled`).toBeTypeOf("string");
      expect({ file, left: suspendingSyntax(compiled!, "script") }).toEqual({ file, left: [] });
    }
  }, JEST_TIMEOUT_MS);

  it("reports a test that fails after an await at the failing expectation, as it does without awaitless", async () => {
    const source = await readFile(join(project.dir, "failing/stack.test.js"), "utf8");
    const expectationLine = source.split("\n").findIndex((line) => line.includes("expect(user.name)")) + 1;
    const [compiled, native] = await Promise.all([
      jest("/failing/", ".jest-cache/failing"),
      jest("/failing/", ".jest-cache/failing-native", "native"),
    ]);

    /** Where the first stack frame in the test file points, as "line:column". */
    function failedAt(run: { status: number | null; report: JestReport }): string {
      expect(run.status).toBe(1);
      const [result] = run.report.testResults.flatMap((file) => file.assertionResults);
      expect(result.status).toBe("failed");
      const frame = result.failureMessages[0].split("\n").find((line) => /^\s+at .*failing[/\\]stack\.test\.js:\d+:\d+/.test(line));
      return frame!.match(/stack\.test\.js:(\d+:\d+)/)![1];
    }

    expect(failedAt(native)).toMatch(new RegExp(`^${expectationLine}:`));
    expect(failedAt(compiled)).toBe(failedAt(native));

    // Below it, compiled, come the frames of the runtime inlined in the test
    // file (natively there are none): the source map sends them nowhere, so
    // Jest shows them where they are in the compiled file, inside the runtime,
    // not at the test file's import on line 2 or its comment on line 1.
    const frames = stackFrames(compiled.report).slice(1);
    expect(frames.length, "the runtime's frames are in the stack").toBeGreaterThan(0);
    expect(stackFrames(native.report).slice(1)).toEqual([]);
    const compiledCode = (await transformCache(".jest-cache/failing")).get(source);
    expect(compiledCode, "Jest's cache has the test file compiled").toBeTypeOf("string");
    const runtime = inlinedRuntimeLines(compiledCode!);
    const outside = frames.filter(({ line }) => line < runtime.start || line > runtime.end);
    expect(outside.map(({ text }) => text), `frames outside the runtime (lines ${runtime.start}-${runtime.end} of the compiled file)`).toEqual([]);
  }, JEST_TIMEOUT_MS);
});
