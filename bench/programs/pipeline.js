"use strict";
// pipeline: the shape of a real service job. 50,000 JSON lines (generated
// before the clock starts) are cut into batches of 100; each batch is enriched
// concurrently under Promise.all (parse the record, two lookups from a fake
// store that answers on a later microtask, like a client library's cache hit),
// then its rows are aggregated by region and tier into running totals.
// Here the compiled state machines share the time with ordinary work
// (JSON.parse, object building, string keys), as they would in an application.

const RECORDS = 50000;
const WARMUP_RECORDS = 5000;
const BATCH = 100;

const REGIONS = ["north", "south", "east", "west"];
const TIERS = ["free", "pro", "team"];
const CURRENCIES = ["EUR", "USD", "GBP", "JPY"];
const RATES = { EUR: 1, USD: 0.92, GBP: 1.17, JPY: 0.0062 };

// Deterministic input: xorshift32, so every variant parses the same text.
function makeLines(count) {
  let seed = 2463534242;
  const next = (limit) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % limit;
  };
  const lines = [];
  for (let id = 0; id < count; id++) {
    lines.push(
      JSON.stringify({
        id,
        user: `u${next(500)}`,
        currency: CURRENCIES[next(CURRENCIES.length)],
        amountCents: next(100000),
        tags: ["a", "b", "c", "d"].slice(0, next(5)),
        note: next(3) === 0 ? "priority" : null,
      }),
    );
  }
  return lines;
}

const users = new Map();
for (let u = 0; u < 500; u++) {
  users.set(`u${u}`, { region: REGIONS[u % REGIONS.length], tier: TIERS[(u * 7) % TIERS.length] });
}

// The fake I/O: resolves on a later microtask, never on a timer, so the
// benchmark measures the async machinery and not the event loop's timers.
function later(value) {
  return new Promise((resolve) => queueMicrotask(() => resolve(value)));
}

const store = {
  user(id) {
    return later(users.get(id));
  },
  rate(currency) {
    return later(RATES[currency]);
  },
};

let finished = 0;
let fingerprint = 0;

async function enrich(line) {
  const record = JSON.parse(line);
  const user = await store.user(record.user);
  const rate = await store.rate(record.currency);
  const { id, amountCents, tags, note } = record;
  // Position at which this record finished, folded into a hash (see fan-out).
  fingerprint = (fingerprint * 31 + id * 1009 + finished++) % 2147483647;
  return {
    id,
    key: `${user.region}/${user.tier}`,
    amount: Math.round(amountCents * rate),
    weight: tags.length + (note ? 1 : 0),
  };
}

async function processBatch(lines) {
  const rows = await Promise.all(lines.map(enrich));
  const totals = {};
  for (const row of rows) {
    const entry = totals[row.key] || (totals[row.key] = { amount: 0, weight: 0, count: 0 });
    entry.amount += row.amount;
    entry.weight += row.weight;
    entry.count++;
  }
  return totals;
}

async function pipeline(lines) {
  const batches = [];
  for (let i = 0; i < lines.length; i += BATCH) batches.push(lines.slice(i, i + BATCH));
  const totals = {};
  for (const batch of batches) {
    const partial = await processBatch(batch);
    for (const key of Object.keys(partial)) {
      const into = totals[key] || (totals[key] = { amount: 0, weight: 0, count: 0 });
      into.amount += partial[key].amount;
      into.weight += partial[key].weight;
      into.count += partial[key].count;
    }
  }
  return totals;
}

async function main() {
  const lines = makeLines(RECORDS);
  await pipeline(lines.slice(0, WARMUP_RECORDS));
  finished = 0;
  fingerprint = 0;
  const start = process.hrtime();
  const totals = await pipeline(lines);
  const [s, ns] = process.hrtime(start);
  for (const key of Object.keys(totals).sort()) {
    const { amount, weight, count } = totals[key];
    console.log(`${key} amount ${amount} weight ${weight} count ${count}`);
  }
  console.log(`order ${fingerprint}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
