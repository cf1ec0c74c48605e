// Running programs on real ES5 engines — Duktape 2.7 (`duk`) and mujs — the
// way a build for such an engine would: the source compiled by Babel with
// @babel/preset-env for an ES5 target (its own async and generator
// transforms left out) and awaitless, then run on the engine after the host
// in this folder (host.js: Promise, microtask loop; console.js) and ../node-host.js (timers).
// What a run prints is returned in the shape of run-node.ts's results so a
// native Node run and an engine run compare with one toEqual.

import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { PluginItem } from "@babel/core";
import awaitless from "../../../src/babel-plugin.js";
import type { RunResult } from "../run-node.js";
import { execCapture, type RawRun } from "../exec.js";

export { runNodeAsync } from "../run-node-async.js";

const require = createRequire(import.meta.url);
const babel = require("@babel/core") as typeof import("@babel/core");

const HERE = dirname(fileURLToPath(import.meta.url));
export const HOST_FILES = [join(HERE, "../node-host.js"), join(HERE, "host.js"), join(HERE, "console.js")];
const HOST_MARK = "\u0001host:";

/** These engines are slow interpreters: a fixture that awaits 300,000 times takes seconds, more on a busy machine. */
export const ENGINE_TIMEOUT_MS = 120_000;

export type EngineName = "duktape" | "mujs";
export const ENGINES: EngineName[] = ["duktape", "mujs"];
const COMMANDS: Record<EngineName, string> = { duktape: "duk", mujs: "mujs" };

/** preset-env's own lowering of async functions and generators, which awaitless replaces. */
export const PRESET_ENV_ASYNC_TRANSFORMS = [
  "transform-regenerator",
  "transform-async-to-generator",
  "transform-async-generator-functions",
];

/**
 * preset-env's target for an engine with ES5 and nothing later. Not IE 11:
 * preset-env counts it as having ES2015's block-level function declarations,
 * which Duktape and mujs do not have.
 */
export const ES5_TARGETS = { ie: "9" };

/** The preset-env set-up every ES5 engine run uses: an ES5 browser as the target, no polyfills. */
export function presetEnvForEs5(module: boolean): PluginItem {
  return [
    require.resolve("@babel/preset-env"),
    { targets: ES5_TARGETS, modules: module ? "commonjs" : false, exclude: PRESET_ENV_ASYNC_TRANSFORMS },
  ];
}

/**
 * Compiles a program for an ES5 engine: awaitless (runtime inlined) and
 * preset-env in one Babel 7 pass. A module becomes CommonJS, which
 * `engineProgram` wraps as a CommonJS loader would. With `awaitless: false`,
 * preset-env alone: the build of a program that has nothing for awaitless
 * (the limitations' repros, test/support/engines/limitations.ts).
 */
export function compileForEs5(code: string, options: { filename: string; module: boolean; awaitless?: boolean }): string {
  const result = babel.transformSync(code, {
    filename: options.filename,
    babelrc: false,
    configFile: false,
    sourceType: options.module ? "module" : "script",
    plugins: options.awaitless === false ? [] : [[awaitless, { runtime: "inline" }]],
    presets: [presetEnvForEs5(options.module)],
  });
  if (!result?.code) throw new Error(`Babel produced no code for ${options.filename}`);
  return result.code;
}

/**
 * The program file given to an engine, as Node would run the same file.
 * A fixture runs on Node as program.mjs (an ES module) or, with
 * `"module": false`, as program.cjs: a CommonJS module, whose code runs in a
 * function with `exports`, `require`, `module`, `__filename` and `__dirname`
 * and `this` set to `module.exports`, so that its top-level `var`s and
 * functions stay local. Both get that function here: a module once Babel has
 * made it CommonJS (awaitless's own output on QuickJS stays an ES module,
 * test/support/engines/quickjs.ts). An exception at the top level is handed
 * to the host: a module's is reported once the queued jobs have run, as
 * Node does for an ES module, a script's at once.
 */
export function engineProgram(code: string, module: boolean): string {
  return [
    "var __module = { exports: {} };",
    "function __require(id) { throw new Error(\"Cannot find module '\" + id + \"'\"); }",
    "try {",
    "(function (exports, require, module, __filename, __dirname) {",
    code,
    `}).call(__module.exports, __module.exports, __require, __module, ${JSON.stringify(module ? "/program.mjs" : "/program.cjs")}, "/");`,
    `} catch (error) { __host.${module ? "moduleThrew" : "scriptThrew"}(error); }`,
  ].join("\n");
}

export interface EngineRunOptions {
  module: boolean;
  timeoutMs?: number;
}

/** Runs a compiled program (see compileForEs5) on an engine. */
export async function runInEngine(engine: EngineName, compiled: string, options: EngineRunOptions): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), "awaitless-es5-"));
  try {
    const program = join(dir, "program.js");
    await writeFile(program, engineProgram(compiled, options.module));
    let args: string[];
    if (engine === "duktape") {
      // duk runs its file arguments one after another in one global scope.
      const run = join(dir, "run.js");
      await writeFile(run, "__host.run();\n");
      args = [...HOST_FILES, program, run];
    } else {
      // mujs takes one script; `load` runs another as a separate script.
      const driver = join(dir, "driver.js");
      const loads = [...HOST_FILES, program].map((file) => `load(${JSON.stringify(file)});`);
      await writeFile(driver, [...loads, "__host.run();", ""].join("\n"));
      args = [driver];
    }
    const raw = await execCapture(COMMANDS[engine], args, options.timeoutMs ?? ENGINE_TIMEOUT_MS).catch((error: Error) => {
      throw new Error(`${error.message} (the ES5 engine runs need Duktape and mujs: apt-get install duktape mujs)`);
    });
    return parseEngineOutput(raw);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Splits the host's report (exit status, uncaught error) from what the program printed (also Hermes's and QuickJS's, test/support/engines). */
export function parseEngineOutput(raw: RawRun): RunResult {
  const text = decodeCesu8(raw.stdout);
  const lines = text.split("\n");
  const printed: string[] = [];
  let hostStatus: number | null = null;
  let hostError: string | null = null;
  for (const line of lines) {
    if (line.startsWith(HOST_MARK)) {
      const report = line.slice(HOST_MARK.length);
      if (report.startsWith("exit:")) hostStatus = Number(report.slice(5));
      else if (report.startsWith("error:")) hostError = report.slice(6);
    } else {
      printed.push(line);
    }
  }
  const stdout = printed.join("\n");
  if (hostStatus !== null) return { stdout, status: hostStatus, error: hostError };
  // The engine stopped on its own: an exception at a script's top level, or a crash.
  return { stdout, status: raw.status, error: engineError(raw.stderr) };
}

function engineError(stderr: string): string | null {
  if (!stderr.trim()) return null;
  const line = stderr.split("\n").find((l) => /^\w*Error\b/.test(l));
  return (line ?? stderr.trim().split("\n")[0]).trim();
}

/**
 * Both engines print a character outside the Basic Multilingual Plane as its
 * two UTF-16 halves, each encoded on its own (CESU-8); Node prints UTF-8.
 * Decoding the halves and pairing them again compares the text itself.
 */
export function decodeCesu8(bytes: Buffer): string {
  let out = "";
  let start = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xed && bytes[i + 1] >= 0xa0 && bytes[i + 1] <= 0xbf) {
      out += bytes.subarray(start, i).toString("utf8");
      out += String.fromCharCode(((bytes[i] & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 2;
      start = i + 1;
    }
  }
  return out + bytes.subarray(start).toString("utf8");
}
