// Running a program on QuickJS (bellard/quickjs, as quickjs-emscripten 0.32
// builds it to wasm): awaitless's output as it is, since QuickJS has
// everything after ES5 that it uses. Each run is a worker thread of its own
// (quickjs-run.mjs, which says why its stack is larger) with QuickJS's own
// Promise and job queue, timers and console.log from the host (host.js), and
// returns what it printed in the shape of run-node.ts's results.

import { Worker } from "node:worker_threads";
import type { RunResult } from "../run-node.js";
import { engineProgram, parseEngineOutput } from "../es5/engines.js";

const RUNNER = new URL("quickjs-run.mjs", import.meta.url);

/** The worker's stack, in MB: enough for QuickJS to reach its own limit (see quickjs-run.mjs). */
const STACK_MB = 8;

export function runInQuickJS(code: string, options: { module: boolean; timeoutMs: number }): Promise<RunResult> {
  const program = options.module ? code : engineProgram(code, false);
  return new Promise((resolve, reject) => {
    const worker = new Worker(RUNNER, { workerData: { code: program, module: options.module }, resourceLimits: { stackSizeMb: STACK_MB } });
    let printed: string | null = null;
    const timer = setTimeout(() => void worker.terminate(), options.timeoutMs);
    worker.on("message", (text: string) => (printed = text));
    worker.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      // Killed by the timeout, the run has no status, as a timed-out process has none.
      if (printed === null) resolve({ stdout: "", status: null, error: `QuickJS did not finish in ${options.timeoutMs} ms` });
      else resolve(parseEngineOutput({ stdout: Buffer.from(printed, "utf8"), stderr: "", status: 0 }));
    });
  });
}
