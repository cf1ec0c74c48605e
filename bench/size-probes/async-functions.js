"use strict";
// Size probe: async functions with loops and try/catch/finally, and nothing
// else that needs lowering. Measured, not run: bench/size-probes.mjs compiles
// it and keeps the helpers the output carries.

async function sumAll(load, ids) {
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    total += await load(ids[i]);
  }
  return total;
}

async function firstAvailable(sources) {
  for (const source of sources) {
    if (!source.enabled) continue;
    const value = await source.read();
    if (value !== undefined) return value;
  }
  return null;
}

async function drain(queue, handle) {
  let handled = 0;
  while (queue.length > 0) {
    const job = queue.shift();
    try {
      await handle(job);
      handled++;
    } catch (error) {
      if (error && error.fatal) throw error;
      queue.push(job);
    } finally {
      await job.release();
    }
  }
  return handled;
}

async function withLock(lock, task) {
  await lock.acquire();
  try {
    return await task();
  } finally {
    lock.release();
  }
}
