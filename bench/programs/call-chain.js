"use strict";
// call-chain: a() awaits b(), which awaits c(), which awaits a resolved value;
// the chain is called 200,000 times one after another. Each call creates
// three async functions' promises and resumes through them, so this measures
// the per-call cost (creating the machine and its promise, settling it, and
// an await that adopts another async function's promise).

const N = 200000;
const WARMUP = 10000;

async function c(i) {
  const v = await i;
  return v + 1;
}

async function b(i) {
  const v = await c(i);
  return v * 2;
}

async function a(i) {
  const v = await b(i);
  return v - 1;
}

async function chain(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc + (await a(i))) % 1000003;
  }
  return acc;
}

async function main() {
  await chain(WARMUP);
  const start = process.hrtime();
  const acc = await chain(N);
  const [s, ns] = process.hrtime(start);
  console.log(`acc ${acc}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
