// A pool of worker threads, each checking one program at a time. A worker
// that stops answering (the realm's own time limit failed to stop a run) or
// dies is replaced, and its job is answered with verdict "lost". Workers are
// also replaced after a number of jobs: contexts that something keeps alive
// would otherwise pile up and slow the garbage collector down.

import { Worker } from "node:worker_threads";

const WORKER_FILE = new URL("./worker.mjs", import.meta.url);
const WORKER_ARGV = ["--experimental-vm-modules", "--disable-warning=ExperimentalWarning"];
const JOBS_PER_WORKER = 400;

export function createPool({ jobs, watchdogMs = 60_000 }) {
  const idle = [];
  const waiting = [];
  const all = new Set();
  let nextId = 1;
  let closed = false;

  function spawn() {
    const worker = new Worker(WORKER_FILE, { execArgv: WORKER_ARGV, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const slot = { worker, job: null, ran: 0, timer: null, dead: false };
    all.add(slot);
    worker.on("message", (message) => {
      if (!slot.job || message.id !== slot.job.id) return;
      clearTimeout(slot.timer);
      const { resolve, reject } = slot.job;
      slot.job = null;
      if (message.error) reject(new Error(message.error));
      else resolve(message.result);
      release(slot);
    });
    const fail = (why) => {
      if (slot.dead) return;
      slot.dead = true;
      clearTimeout(slot.timer);
      all.delete(slot);
      if (slot.job) slot.job.resolve({ verdict: "lost", kind: null, reason: why });
      slot.job = null;
      worker.terminate().catch(() => {});
      if (!closed) release(spawn());
    };
    worker.on("error", (error) => fail(`worker crashed: ${error.message}`));
    worker.on("exit", (code) => fail(`worker exited with code ${code}`));
    slot.fail = fail;
    return slot;
  }

  function release(slot) {
    if (slot.dead || closed) return;
    if (slot.ran >= JOBS_PER_WORKER) {
      slot.dead = true;
      all.delete(slot);
      slot.worker.terminate().catch(() => {});
      slot = spawn();
    }
    const next = waiting.shift();
    if (next) start(slot, next);
    else idle.push(slot);
  }

  function start(slot, job) {
    slot.job = job;
    slot.ran++;
    slot.timer = setTimeout(() => slot.fail("no answer within the watchdog time"), watchdogMs);
    const { resolve: _r, reject: _j, ...message } = job;
    slot.worker.postMessage(message);
  }

  for (let i = 0; i < jobs; i++) idle.push(spawn());

  return {
    /** Checks one job ({ type: "generate", seed, index } or { type: "source", source, sourceType }). */
    run(job) {
      return new Promise((resolve, reject) => {
        const full = { ...job, id: nextId++, resolve, reject };
        const slot = idle.pop();
        if (slot) start(slot, full);
        else waiting.push(full);
      });
    },
    async close() {
      closed = true;
      await Promise.all([...all].map((slot) => slot.worker.terminate()));
    },
  };
}
