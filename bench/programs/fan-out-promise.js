"use strict";
// fan-out-promise: like fan-out, but every await is of an already resolved
// native promise, as when many concurrent calls each await an operation that
// has finished. 1,000 async calls are started at once and collected with
// Promise.all, 600 times over; each call awaits two resolved native promises:
// one from a table made before the clock starts (a cached result) and one
// made on the spot with Promise.resolve. So 1,000 machines are suspended at
// once, each resuming through a reaction to a native promise rather than a
// plain value's tick.

const WIDTH = 1000;
const ROUNDS = 600;
const WARMUP = 60;

const cached = [];
for (let i = 0; i < 64; i++) cached.push(Promise.resolve(i * 7));

async function work(i) {
  const a = await cached[i & 63];
  const b = await Promise.resolve(a + i);
  return b % 1013;
}

async function fanOut() {
  const pending = [];
  for (let i = 0; i < WIDTH; i++) pending.push(work(i));
  const values = await Promise.all(pending);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

async function repeat(rounds) {
  let total = 0;
  for (let r = 0; r < rounds; r++) total += await fanOut();
  return total;
}

async function main() {
  await repeat(WARMUP);
  const start = process.hrtime();
  const total = await repeat(ROUNDS);
  const [s, ns] = process.hrtime(start);
  console.log(`total ${total}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
