"use strict";
// generator-loop: a sync generator (`function*`) yields 10,000,000 numbers and
// a `for…of` loop sums them. No promises anywhere: this isolates the cost of
// one `yield` and one iterator step (the `next()` call, its result object,
// suspending and resuming the machine), as compiled generators pay it.

const N = 10000000;
const WARMUP = 200000;

function* range(n) {
  for (let i = 0; i < n; i++) {
    yield i;
  }
}

function sumRange(n) {
  let sum = 0;
  for (const value of range(n)) {
    sum += value;
  }
  return sum;
}

function main() {
  // Warm-up: lets the JIT see the hot code before the clock starts.
  sumRange(WARMUP);
  const start = process.hrtime();
  const sum = sumRange(N);
  const [s, ns] = process.hrtime(start);
  console.log(`sum ${sum}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main();
