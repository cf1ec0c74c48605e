"use strict";
// async-generator-pipeline: 100,000 items flow through two chained
// `async function*` stages — a source that yields records and a transform that
// awaits a lookup per record and yields the enriched value — and are consumed
// by a `for await…of` loop. Every item crosses two async-generator queues
// (each `yield` settling a pending `next()` promise) and one await.
//
// The items come in two streams of 50,000 consumed concurrently. The lookup is
// a fake cache: a third of the keys are answered at once (`await` of a plain
// value), the rest on a later microtask, so the two streams interleave in an
// order that depends on how many microtask ticks each await, yield and
// `next()` take. That order is printed as a fingerprint (see fan-out); a
// differing one is reported as a timing difference, not a wrong result.

const ITEMS = 100000;
const WARMUP_ITEMS = 10000;
const STREAMS = 2;

let fingerprint = 0;

// The fake I/O: resolves on a later microtask, never on a timer, so the
// benchmark measures the async machinery and not the event loop's timers.
function later(value) {
  return new Promise((resolve) => queueMicrotask(() => resolve(value)));
}

function lookup(key) {
  const factor = (key % 7) + 1;
  return key % 3 === 0 ? factor : later(factor);
}

async function* source(stream, count) {
  for (let seq = 0; seq < count; seq++) {
    yield { stream, seq, key: (seq * 7919 + stream * 104729) % 10007 };
  }
}

async function* enrich(records) {
  for await (const record of records) {
    const factor = await lookup(record.key);
    yield { stream: record.stream, seq: record.seq, value: record.key * factor };
  }
}

async function consume(stream, count) {
  let total = 0;
  let items = 0;
  for await (const item of enrich(source(stream, count))) {
    total = (total + item.value) % 1000003;
    items++;
    // Which stream's item arrived now, folded into a hash (see fan-out).
    fingerprint = (fingerprint * 31 + item.stream * 100003 + item.seq) % 2147483647;
  }
  return `stream ${stream} items ${items} total ${total}`;
}

function run(items) {
  const streams = [];
  for (let s = 0; s < STREAMS; s++) streams.push(consume(s, items / STREAMS));
  return Promise.all(streams);
}

async function main() {
  // Warm-up: lets the JIT see the hot code before the clock starts.
  await run(WARMUP_ITEMS);
  fingerprint = 0;
  const start = process.hrtime();
  const results = await run(ITEMS);
  const [s, ns] = process.hrtime(start);
  for (const line of results) console.log(line);
  console.log(`order ${fingerprint}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
