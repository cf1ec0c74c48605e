// Runs a program in a fresh sandbox worker and collects what it reported. A
// program that never yields (an endless synchronous loop) cannot answer, so
// the page terminates its worker a little after the time limit.

import type { RunEvent, RunInstance, RunRequest, RunResult, WorkerMessage } from "./run-protocol.ts";

export const RUN_TIMEOUT_MS = 4000;
const KILL_GRACE_MS = 1000;

export function runInSandbox(code: string, options: { module: boolean; traced: boolean; timeoutMs?: number }): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT_MS;
  const started = performance.now();
  const worker = new Worker(new URL("./sandbox-worker.ts", import.meta.url), { type: "module", name: options.traced ? "compiled run" : "original run" });
  const events: RunEvent[] = [];
  let instances: Record<number, RunInstance> = {};
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<RunResult>((resolve) => {
    const finish = (result: RunResult) => {
      clearTimeout(killer);
      worker.terminate();
      resolve(result);
    };
    // What it recorded before it stopped answering stays.
    const killer = setTimeout(() => finish({ status: "killed", events, instances, dropped: 0, elapsedMs: elapsed() }), timeoutMs + KILL_GRACE_MS);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === "events") {
        for (const e of message.events) events.push(e);
        instances = message.instances;
      } else if (message.type === "done") {
        finish({ status: message.status, events, instances, dropped: message.dropped, elapsedMs: message.elapsedMs });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      events.push({ k: "uncaught", text: event.message || "the sandbox worker failed" });
      finish({ status: "killed", events, instances, dropped: 0, elapsedMs: elapsed() });
    };
    const request: RunRequest = { code, module: options.module, traced: options.traced, timeoutMs };
    worker.postMessage(request);
  });
}
