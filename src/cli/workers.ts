// Compiling many files on worker threads. Each worker loads the compiler once
// and compiles whole files (read, transform, map) — the same code the main
// thread runs for a serial build — and hands back the text to write; the
// main thread writes. Work is handed out as workers finish, two files in
// flight per worker so none waits on a message round trip.

import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { CompileOutcome, CompileSettings, CompileTask } from "./types.js";

/**
 * Input per worker before a pool pays for its start-up. A worker loads the
 * compiler and compiles its first files with cold code: about as much CPU as
 * compiling 1 MB warm (measured on the mongodb driver's lib/, `node
 * bench/throughput.mjs`). Below this a serial build on one thread is faster.
 */
const BYTES_PER_WORKER = 1.5e6;
const IN_FLIGHT_PER_WORKER = 2;

/** How many workers a build of `files` files of `bytes` in all uses; 0 compiles on the main thread. */
export function workerCount(files: number, bytes: number, jobs: number | null): number {
  if (files < 2) return 0;
  if (jobs !== null) return jobs <= 1 ? 0 : Math.min(jobs, files);
  const count = Math.min(availableParallelism(), files, Math.floor(bytes / BYTES_PER_WORKER));
  return count >= 2 ? count : 0;
}

export interface WorkerData {
  settings: CompileSettings;
  cwd: string;
}

export interface WorkerRequest {
  index: number;
  task: CompileTask;
}

export interface WorkerResponse {
  index: number;
  outcome: CompileOutcome;
}

interface Slot {
  worker: Worker;
  inFlight: Set<number>;
  done: boolean;
}

/**
 * Compiles `tasks` on `count` workers, calling `onOutcome` (in completion
 * order) for each; resolves when every outcome has been handled.
 */
export function compileInWorkers(
  tasks: CompileTask[],
  data: WorkerData,
  count: number,
  onOutcome: (index: number, outcome: CompileOutcome) => Promise<void>,
): Promise<void> {
  return new Promise((resolveAll, rejectAll) => {
    let next = 0;
    let finished = 0;
    const handling: Promise<void>[] = [];
    const slots = new Set<Slot>();

    const finish = (index: number, outcome: CompileOutcome): void => {
      finished += 1;
      handling.push(onOutcome(index, outcome));
      if (finished < tasks.length) return;
      for (const slot of slots) {
        slot.done = true;
        void slot.worker.terminate();
      }
      Promise.all(handling).then(() => resolveAll(), rejectAll);
    };

    const feed = (slot: Slot): void => {
      while (!slot.done && slot.inFlight.size < IN_FLIGHT_PER_WORKER && next < tasks.length) {
        const index = next++;
        slot.inFlight.add(index);
        slot.worker.postMessage({ index, task: tasks[index] } satisfies WorkerRequest);
      }
    };

    const start = (): void => {
      const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: data satisfies WorkerData });
      const slot: Slot = { worker, inFlight: new Set(), done: false };
      slots.add(slot);
      worker.on("message", (response: WorkerResponse) => {
        slot.inFlight.delete(response.index);
        feed(slot);
        finish(response.index, response.outcome);
      });
      // A worker that dies takes only its own files down; a new one takes over the rest.
      const die = (reason: string): void => {
        if (slot.done) return;
        slot.done = true;
        slots.delete(slot);
        const lost = [...slot.inFlight];
        slot.inFlight.clear();
        if (next < tasks.length) start();
        for (const index of lost) {
          finish(index, { kind: "failed", failure: { kind: "internal", message: `the worker compiling it stopped: ${reason}` }, warnings: [] });
        }
      };
      worker.on("error", (error) => die(error instanceof Error ? error.message : String(error)));
      worker.on("exit", (code) => die(`exit code ${code}`));
      feed(slot);
    };

    if (tasks.length === 0) {
      resolveAll();
      return;
    }
    for (let i = 0; i < count; i++) start();
  });
}
