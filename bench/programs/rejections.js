"use strict";
// rejections: the error paths of async code. Part one: one async function
// awaits, inside try/catch, 200,000 times in a row, calls that often fail:
// an async function that throws after its own await (every third call) and
// an already rejected native promise (every third). Part two: 1,000
// concurrent calls under Promise.all, 100 times over, half of which reject
// (some before their first await, some after it); the caller handles those
// with .catch on the returned promise, not with try/catch. The errors are
// made before the clock starts, so capturing stack traces does not swamp the
// machinery measured.

const N = 200000;
const WARMUP = 20000;
const WIDTH = 1000;
const ROUNDS = 100;
const WARMUP_ROUNDS = 10;

const ERRORS = [new Error("timeout"), new RangeError("out of range"), new TypeError("bad input")];
const cached = [];
for (let i = 0; i < 64; i++) cached.push(Promise.resolve(i));

async function lookup(i) {
  await i;
  if (i % 3 === 0) throw ERRORS[(i / 3) % ERRORS.length];
  return i & 0xff;
}

function settledOperation(i) {
  return i % 3 === 1 ? Promise.reject(ERRORS[i % 2]) : Promise.resolve(i & 0x7f);
}

async function caughtLoop(n) {
  let ok = 0;
  let caught = 0;
  let ranges = 0;
  for (let i = 0; i < n; i++) {
    try {
      ok += await lookup(i);
      ok += await settledOperation(i);
    } catch (error) {
      caught++;
      if (error instanceof RangeError) ranges++;
    }
  }
  return `caught: ok ${ok} caught ${caught} range errors ${ranges}`;
}

async function mayFail(i) {
  if (i % 4 === 3) throw ERRORS[0];
  const v = await cached[i & 63];
  if (i % 4 === 1) throw ERRORS[1 + (i & 1)];
  return v + i;
}

async function handledRound() {
  const pending = [];
  for (let i = 0; i < WIDTH; i++) pending.push(mayFail(i).catch((error) => -error.message.length));
  const values = await Promise.all(pending);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

async function handled(rounds) {
  let total = 0;
  for (let r = 0; r < rounds; r++) total += await handledRound();
  return `handled: total ${total}`;
}

async function main() {
  await caughtLoop(WARMUP);
  await handled(WARMUP_ROUNDS);
  const start = process.hrtime();
  const first = await caughtLoop(N);
  const second = await handled(ROUNDS);
  const [s, ns] = process.hrtime(start);
  console.log(first);
  console.log(second);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
