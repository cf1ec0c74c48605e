"use strict";
// await-loop: one async function awaits a plain number (`await i`) 1,000,000
// times in a row. A non-promise operand is the cheapest await there is, so
// this isolates the cost of suspending and resuming the state machine itself.
// (await-loop-promise is the same loop awaiting `Promise.resolve(i)`.)

const N = 1000000;
const WARMUP = 50000;

async function awaitValues(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += await i;
  }
  return sum;
}

async function main() {
  // Warm-up: lets the JIT see the hot code before the clock starts.
  await awaitValues(WARMUP);
  const start = process.hrtime();
  const sum = await awaitValues(N);
  const [s, ns] = process.hrtime(start);
  console.log(`sum ${sum}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
