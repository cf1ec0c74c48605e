// A worker thread of the pool: runs the tests it is sent, one at a time,
// natively and then compiled, and reports each step so the parent can tell
// which mode was running if this thread hangs or dies.
//
// Messages in:  { type: "run", id, path }
// Messages out: { type: "start", id, mode }            before each mode
//               { type: "result", id, mode, result }   after each mode
//               { type: "done", id }
//               { type: "fatal", message }             the compiler cannot be loaded

import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFrontmatter } from "./frontmatter.mjs";
import { runTest } from "./execute.mjs";
import { loadCompiler } from "./compiler.mjs";

/** @type {{ test262Dir: string, distIndex: string, modes: string[], limits: import("./execute.mjs").Limits }} */
const config = workerData;

// Tests leave rejected promises unhandled and hosts' callbacks may throw after
// a test is over; neither may take the worker down with the next test.
process.on("unhandledRejection", () => {});
process.on("uncaughtException", () => {});

const harnessCache = new Map();
function readHarness(name) {
  let text = harnessCache.get(name);
  if (text === undefined) {
    text = readFileSync(join(config.test262Dir, "harness", name), "utf8");
    harnessCache.set(name, text);
  }
  return text;
}

let compiler = null;
let usable = true;
if (config.modes.includes("compiled")) {
  try {
    compiler = await loadCompiler(config.distIndex);
  } catch (error) {
    // Without the compiler there is nothing to score; stop the run rather
    // than run "compiled" tests natively.
    parentPort.postMessage({ type: "fatal", message: `cannot load the compiler: ${error.message}` });
    usable = false;
  }
}

if (usable) parentPort.on("message", runMessage);

async function runMessage({ id, path }) {
  const file = join(config.test262Dir, "test", path);
  const source = readFileSync(file, "utf8");
  const test = { name: `test/${path}`, file, source, meta: parseFrontmatter(source) };
  let nativePassed = true;
  for (const mode of config.modes) {
    parentPort.postMessage({ type: "start", id, mode });
    const result = await runMode(test, mode, nativePassed);
    if (mode === "native") nativePassed = result.pass;
    parentPort.postMessage({ type: "result", id, mode, result });
  }
  parentPort.postMessage({ type: "done", id });
}

/** One mode's result; compiled runs are skipped for tests the engine fails (they are not scored). */
async function runMode(test, mode, nativePassed) {
  if (mode === "compiled" && !nativePassed) return { pass: false, skipped: true, message: "", variant: null };
  try {
    return await runTest({ test, compiler: mode === "compiled" ? compiler : null, readHarness, limits: config.limits });
  } catch (error) {
    // A bug in the runner itself, not in the test: say so plainly.
    return { pass: false, message: `runner error: ${error && error.stack ? error.stack : error}`, variant: null };
  }
}
