"use strict";
// fan-out: starts 1,000 async calls at once and waits for all of them with
// Promise.all, 200 times over. Many machines are suspended at the same time,
// so this measures how cheap a machine is to create and to park, and whether
// the interleaving of their resumptions matches native.
//
// Work items await 1, 2 or 3 times, so they finish in an order that depends on
// how many microtask ticks each await and each return take. That order is
// printed as a fingerprint: it is identical to native only when the compiled
// code takes exactly native's ticks. The runner reports a differing fingerprint
// as a timing difference, not as a wrong result.

const WIDTH = 1000;
const ROUNDS = 200;
const WARMUP = 20;

let order = 0;
let fingerprint = 0;

async function work(i) {
  let v = await i;
  if (i % 3 > 0) v = (await v) * 3;
  if (i % 3 > 1) v = (await v) + 7;
  // Position at which this item finished, folded into a hash.
  fingerprint = (fingerprint * 31 + i * 1009 + order++) % 2147483647;
  return v % 1013;
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
  order = 0;
  fingerprint = 0;
  const start = process.hrtime();
  const total = await repeat(ROUNDS);
  const [s, ns] = process.hrtime(start);
  console.log(`total ${total}`);
  console.log(`order ${fingerprint}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
