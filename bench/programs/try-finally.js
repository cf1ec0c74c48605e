"use strict";
// try-finally: a hot loop whose body is try/catch/finally around an await of
// an async call; every 10th call throws, so the catch path (a rejected await
// routed to the catch state) and the finally path both run. 200,000 iterations.

const N = 200000;
const WARMUP = 10000;

async function fetchValue(i) {
  if (i % 10 === 0) throw new Error(`bad item ${i}`);
  return i & 0xff;
}

async function loop(n) {
  let ok = 0;
  let failed = 0;
  let cleaned = 0;
  let lastError = "";
  for (let i = 0; i < n; i++) {
    try {
      ok += await fetchValue(i);
    } catch (error) {
      failed++;
      lastError = error.message;
    } finally {
      cleaned++;
    }
  }
  return `ok ${ok} failed ${failed} cleaned ${cleaned} last "${lastError}"`;
}

async function main() {
  await loop(WARMUP);
  const start = process.hrtime();
  const summary = await loop(N);
  const [s, ns] = process.hrtime(start);
  console.log(summary);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
