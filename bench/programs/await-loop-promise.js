"use strict";
// await-loop-promise: like await-loop, but every await gets an already
// resolved native promise (`await Promise.resolve(i)`), 1,000,000 times in one
// async function. This is the path a real await of a finished I/O result
// takes: the runtime must subscribe to a promise rather than just queue a tick.

const N = 1000000;
const WARMUP = 50000;

async function awaitPromises(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += await Promise.resolve(i);
  }
  return sum;
}

async function main() {
  await awaitPromises(WARMUP);
  const start = process.hrtime();
  const sum = await awaitPromises(N);
  const [s, ns] = process.hrtime(start);
  console.log(`sum ${sum}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
