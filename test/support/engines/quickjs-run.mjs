// Runs one program on QuickJS (quickjs-emscripten: QuickJS compiled to wasm)
// with the engine's own Promise and job queue, after the host
// (quickjs-engine.js, host.js, the ES5 host's console.js), and posts back
// what the program printed followed by the host's report, as Duktape and
// mujs print theirs (test/support/es5/engines.ts parses both).
//
// A worker thread: quickjs.ts starts one per program, with workerData
// { code, module }. A module is evaluated as an ES module (QuickJS has
// them, top-level await included); a script comes already wrapped as Node
// wraps a CommonJS file (engineProgram, test/support/es5/engines.ts). The
// event loop is driven from here: the engine's jobs until none is left,
// then a turn of the host (the next timer, or the program's end), and again.
//
// QuickJS's interpreter recurses on the thread's native stack. Node's
// default (984 KB) overflows, a V8 RangeError out of the wasm code, before
// QuickJS's own limit of about 10,000 calls is reached; the worker's larger
// stack (quickjs.ts) lets QuickJS raise its own error, as an engine does.

import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { getQuickJS } from "quickjs-emscripten";

const { code, module } = workerData;
const HOST = ["quickjs-engine.js", "../node-host.js", "host.js", "../es5/console.js"].map((name) => new URL(name, import.meta.url));

const QuickJS = await getQuickJS();
const runtime = QuickJS.newRuntime();
const context = runtime.newContext();
const output = [];

/** Returns a result's value handle, or throws what the engine threw (a failure of the host, not of the program). */
function unwrap(result, what) {
  if (result.error) {
    const error = context.dump(result.error);
    result.error.dispose();
    throw new Error(`${what}: ${JSON.stringify(error)}`);
  }
  return result.value;
}

const native = context.newObject();
const print = context.newFunction("print", (line) => {
  output.push(context.getString(line), "\n");
});
const promiseState = context.newFunction("promiseState", (value) => {
  const state = context.getPromiseState(value);
  if (state.type === "fulfilled" && state.notAPromise) return context.undefined;
  const record = context.newObject();
  const type = context.newString(state.type);
  context.setProp(record, "state", type);
  type.dispose();
  if (state.type !== "pending") {
    const result = state.type === "fulfilled" ? state.value : state.error;
    context.setProp(record, "result", result);
    result.dispose();
  }
  return record;
});
context.setProp(native, "print", print);
context.setProp(native, "promiseState", promiseState);
context.setProp(context.global, "__quickjs", native);
for (const handle of [print, promiseState, native]) handle.dispose();

for (const url of HOST) unwrap(context.evalCode(readFileSync(url, "utf8"), url.pathname, { type: "global" }), `loading ${url.pathname}`).dispose();
const host = context.getProp(context.global, "__host");
const turn = context.getProp(host, "turn");

/** Hands an exception from the program's top level to the host. */
function threw(method, error) {
  unwrap(context.callMethod(host, method, [error]), method).dispose();
  error.dispose();
}

let modulePromise = null;
if (module) {
  const result = context.evalCode(code, "program.mjs", { type: "module" });
  if (result.error) threw("moduleThrew", result.error);
  else modulePromise = result.value;
} else {
  const result = context.evalCode(code, "program.cjs", { type: "global" });
  if (result.error) threw("scriptThrew", result.error);
  else result.value.dispose();
}

for (;;) {
  const jobs = runtime.executePendingJobs(-1);
  if (jobs.error) unwrap(jobs, "a job");
  if (modulePromise) {
    // An ES module's evaluation (with top-level await, a promise): rejected is an uncaught error.
    const state = context.getPromiseState(modulePromise);
    if (state.type !== "pending") {
      if (state.type === "rejected") threw("moduleThrew", state.error);
      else if (!state.notAPromise) state.value.dispose();
      modulePromise.dispose();
      modulePromise = null;
    }
  }
  const goesOn = unwrap(context.callFunction(turn, host), "the host's turn");
  const more = context.dump(goesOn);
  goesOn.dispose();
  if (!more) break;
}

turn.dispose();
host.dispose();
parentPort.postMessage(output.join(""));
