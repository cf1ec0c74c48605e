// A pool of worker threads running tests in parallel. Each worker takes one
// test at a time. A worker that hangs (no message within the watchdog time:
// an endless microtask loop never lets the worker's own timers fire) or dies
// (out of memory, a crash in the engine) is replaced, and the mode it was
// running counts as failed; the rest of the run goes on.

import { Worker } from "node:worker_threads";

const WORKER_FILE = new URL("./worker.mjs", import.meta.url);
const WORKER_ARGV = ["--experimental-vm-modules", "--disable-warning=ExperimentalWarning"];
// Enough for any test; a runaway allocation kills only its worker, not the run.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024 };
// Realms that something keeps alive (an engine or compiler leak) pile up in a
// long-lived worker and slow its garbage collector down until tests time out;
// a fresh worker now and then bounds that, for about half a second each.
const TESTS_PER_WORKER = 1500;

/**
 * Runs every path; resolves to a Map path → { native, compiled } of mode results.
 * @param {object} options
 * @param {string[]} options.paths tests to run (relative to test/)
 * @param {number} options.jobs how many workers
 * @param {object} options.workerData passed to each worker (see worker.mjs)
 * @param {number} options.watchdogMs how long one mode may run before its worker is replaced
 * @param {(path: string, done: number) => void} [options.onProgress]
 */
export function runPool({ paths, jobs, workerData, watchdogMs, onProgress }) {
  const results = new Map();
  const queue = paths.slice().reverse();
  let finished = 0;
  let fatal = null;

  if (paths.length === 0) return Promise.resolve(results);
  return new Promise((resolveAll, rejectAll) => {
    const slots = Math.max(1, Math.min(jobs, paths.length));
    let live = 0;
    for (let i = 0; i < slots; i++) startWorker();

    function startWorker() {
      live++;
      const worker = new Worker(WORKER_FILE, { workerData, execArgv: WORKER_ARGV, resourceLimits: RESOURCE_LIMITS });
      const slot = { worker, current: null, mode: null, timer: null, retired: false, ran: 0 };
      worker.on("message", (message) => onMessage(slot, message));
      worker.on("error", (error) => replace(slot, `worker crashed: ${error.message}`));
      worker.on("exit", (code) => replace(slot, `worker exited with code ${code}`));
      next(slot);
    }

    /** Gives the worker the next test, or lets it go when none are left. */
    function next(slot) {
      if (fatal || queue.length === 0) {
        retire(slot);
        return;
      }
      if (slot.ran++ === TESTS_PER_WORKER) {
        startWorker();
        retire(slot);
        return;
      }
      const path = queue.pop();
      slot.current = path;
      results.set(path, {});
      slot.worker.postMessage({ type: "run", id: path, path });
    }

    function onMessage(slot, message) {
      if (message.type === "fatal") {
        fatal = new Error(message.message);
        retire(slot);
      } else if (message.type === "start") {
        slot.mode = message.mode;
        clearTimeout(slot.timer);
        slot.timer = setTimeout(() => hung(slot), watchdogMs);
      } else if (message.type === "result") {
        clearTimeout(slot.timer);
        slot.mode = null;
        results.get(message.id)[message.mode] = message.result;
      } else if (message.type === "done") {
        finishTest(slot);
        next(slot);
      }
    }

    function hung(slot) {
      replace(slot, `no answer within ${watchdogMs} ms (hung; worker replaced)`);
    }

    /** Fails the test the worker was on, and puts a new worker in its place. */
    function replace(slot, message) {
      if (slot.retired) return;
      if (slot.current !== null) {
        const result = results.get(slot.current);
        // The mode that was running, or else the first that has no result yet.
        const mode = [slot.mode, ...workerData.modes].find((m) => m && !result[m]);
        if (mode) result[mode] = { pass: false, message, variant: null };
        finishTest(slot);
      }
      // Start the replacement first, so the pool never looks empty in between.
      if (!fatal && queue.length > 0) startWorker();
      retire(slot);
    }

    function finishTest(slot) {
      finished++;
      if (onProgress) onProgress(slot.current, finished);
      slot.current = null;
      slot.mode = null;
    }

    function retire(slot) {
      if (slot.retired) return;
      slot.retired = true;
      clearTimeout(slot.timer);
      slot.worker.terminate();
      live--;
      if (live === 0) fatal ? rejectAll(fatal) : resolveAll(results);
    }
  });
}
