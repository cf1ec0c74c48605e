// Runs a program in a fresh sandbox worker and collects what it reported. A
// program that never yields (an endless synchronous loop) cannot answer, so
// the page terminates its worker a little after the time limit.

import type { RunRequest, RunResult, WorkerMessage } from "./run-protocol.ts";

export const RUN_TIMEOUT_MS = 4000;
const KILL_GRACE_MS = 1500;

export function runInSandbox(code: string, options: { module: boolean; traced: boolean; timeoutMs?: number }): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT_MS;
  const started = performance.now();
  const worker = new Worker(new URL("./sandbox-worker.ts", import.meta.url), { type: "module", name: options.traced ? "compiled run" : "original run" });
  return new Promise<RunResult>((resolve) => {
    const finish = (result: RunResult) => {
      clearTimeout(killer);
      worker.terminate();
      resolve(result);
    };
    const killer = setTimeout(() => {
      finish({ status: "killed", events: [], instances: {}, dropped: 0, elapsedMs: Math.round(performance.now() - started) });
    }, timeoutMs + KILL_GRACE_MS);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data?.type === "done") finish(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        status: "killed",
        events: [{ k: "uncaught", text: event.message || "the sandbox worker failed" }],
        instances: {},
        dropped: 0,
        elapsedMs: Math.round(performance.now() - started),
      });
    };
    const request: RunRequest = { code, module: options.module, traced: options.traced, timeoutMs };
    worker.postMessage(request);
  });
}
