"use strict";
// thenables: awaits of objects that have a then method but are not promises,
// as query builders and some client libraries hand out. 1,000 concurrent
// calls under Promise.all, 300 times over; each awaits one or two of:
// a thenable whose then calls back at once, and a lazy "query" whose then
// starts the work when awaited and defers to a native promise. Every other
// call returns a thenable, which its promise must adopt. Awaiting a thenable
// takes a job to call its then before the resumption, so the order in which
// the calls finish depends on tick-exact behaviour; it is printed as a
// fingerprint (see fan-out).

const WIDTH = 1000;
const ROUNDS = 300;
const WARMUP = 30;

function Immediate(value) {
  this.value = value;
}
Immediate.prototype.then = function (onFulfilled, onRejected) {
  onFulfilled(this.value);
};

function Query(key) {
  this.key = key;
}
Query.prototype.then = function (onFulfilled, onRejected) {
  return Promise.resolve((this.key * 2654435761) % 1000003).then(onFulfilled, onRejected);
};

let order = 0;
let fingerprint = 0;

async function work(i) {
  let v;
  if (i % 3 === 0) v = await new Immediate(i);
  else if (i % 3 === 1) v = (await new Immediate(i)) + (await new Query(i));
  else v = (await new Query(i)) % 97 + (await new Query(i + 1)) % 89;
  // Position at which this item finished, folded into a hash.
  fingerprint = (fingerprint * 31 + i * 1009 + order++) % 2147483647;
  if (i % 2 === 0) return new Immediate(v % 1013);
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
