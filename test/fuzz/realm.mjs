// Runs one program in a fresh vm context and records what it printed.
//
// Each run gets its own context with `microtaskMode: "afterEvaluate"`: the
// context has a microtask queue of its own, which the engine drains right
// after the module (or script) has been evaluated, inside the same time limit.
// A generated program schedules nothing but microtasks, so when evaluation
// returns the program has finished, and a program that never stops (a hang in
// compiled code) is cut off by the timeout instead of blocking the worker.
// Module programs run as vm.SourceTextModule (the worker is started with
// --experimental-vm-modules); sloppy programs as vm.Script.
//
// Recorded: the printed lines, the error that escaped evaluation (if any), the
// promise rejections nobody handled (as Node reports them once the queue is
// empty), and whether the time limit was hit. Errors are printed the way the
// prelude's `show` prints them, so engine messages do not count.

import vm from "node:vm";

const unhandled = [];
let current = null;
process.on("unhandledRejection", (reason, promise) => {
  if (current && promise === current.evaluation) return;
  unhandled.push(formatError(reason));
});

/**
 * @param {string} code the program
 * @param {{ module: boolean, timeoutMs: number }} options
 * @returns {Promise<{ lines: string[], error: string | null, unhandled: string[], timedOut: boolean, syntaxError?: string }>}
 */
export async function runInRealm(code, { module, timeoutMs }) {
  const lines = [];
  const context = vm.createContext({}, { microtaskMode: "afterEvaluate" });
  const print = (line) => {
    lines.push(String(line));
  };
  // console.log(line) is the only host function a program uses.
  vm.runInContext("(print) => { globalThis.console = { log: (...parts) => print(parts.map(String).join(\" \")) }; }", context)(print);
  unhandled.length = 0;
  const result = { lines, error: null, unhandled: [], timedOut: false };
  const started = performance.now();
  try {
    if (module) {
      let mod;
      try {
        mod = new vm.SourceTextModule(code, { context, identifier: "program.mjs" });
      } catch (error) {
        return { ...result, syntaxError: `${error.name}: ${error.message}` };
      }
      await mod.link(() => {
        throw new Error("generated programs import nothing");
      });
      current = { evaluation: null };
      try {
        current.evaluation = mod.evaluate({ timeout: timeoutMs });
      } catch (error) {
        recordThrow(result, error, started, timeoutMs);
      }
      if (mod.status === "errored") result.error = formatError(mod.error);
      else if (mod.status !== "evaluated") result.error = `module status ${mod.status}`;
      // A timeout during the microtask drain rejects the evaluation promise
      // instead of throwing; only the clock tells.
      if (performance.now() - started >= timeoutMs) result.timedOut = true;
    } else {
      let script;
      try {
        script = new vm.Script(code, { filename: "program.js" });
      } catch (error) {
        return { ...result, syntaxError: `${error.name}: ${error.message}` };
      }
      current = { evaluation: null };
      try {
        script.runInContext(context, { timeout: timeoutMs });
      } catch (error) {
        recordThrow(result, error, started, timeoutMs);
      }
      if (performance.now() - started >= timeoutMs) result.timedOut = true;
    }
    // Node reports unhandled rejections after the current macrotask.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    current = null;
  }
  if (result.timedOut) result.error = null;
  result.unhandled = unhandled.slice();
  unhandled.length = 0;
  return result;
}

function recordThrow(result, error, started, timeoutMs) {
  if (error && error.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") result.timedOut = true;
  else result.error = formatError(error);
}

/** An error (or any thrown value) as the prelude's `show` prints it. */
export function formatError(value) {
  try {
    if (value === null || value === undefined) return String(value);
    if (typeof value === "object" || typeof value === "function") {
      const name = value.name;
      const message = value.message;
      if (typeof name === "string" && typeof message === "string") {
        return /^e\d+$/.test(message) ? `${name}(${message})` : name;
      }
      return "object";
    }
    return `${typeof value} ${String(value)}`;
  } catch {
    return "unprintable";
  }
}
