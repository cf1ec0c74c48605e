"use strict";
// io-pipeline: an order service's batch job, the shape of real I/O code with
// many kinds of await site in it. 50,000 orders (JSON lines made before the
// clock starts) are handled in batches of 50 under Promise.all. Each order:
// authenticates its token through a cache of pending lookups (a hit awaits an
// already resolved native promise, a miss a fake round trip), then loads the
// customer and the line items concurrently (Promise.all again); a customer
// that does not exist rejects, and the order falls back to a guest inside
// try/catch. Item prices come from an in-memory cache, as a plain value
// returned by an async function, or from the fake store on a miss. The priced
// order is serialised and "saved" (one more round trip). The fake I/O answers
// on a later microtask, never on a timer, so the time is the async machinery's
// and the ordinary work's (JSON, objects, maps), not the event loop's.

const RECORDS = 50000;
const WARMUP_RECORDS = 5000;
const BATCH = 50;

// Deterministic input: xorshift32, so every variant parses the same text.
function makeOrders(count) {
  let seed = 88172645;
  const next = (limit) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % limit;
  };
  const lines = [];
  for (let id = 0; id < count; id++) {
    const items = [];
    for (let k = 1 + next(4); k > 0; k--) items.push({ sku: `sku-${next(300)}`, quantity: 1 + next(3) });
    lines.push(JSON.stringify({ id, token: `t${next(400)}`, customer: next(1100), items }));
  }
  return lines;
}

function later(value) {
  return new Promise((resolve) => queueMicrotask(() => resolve(value)));
}

function laterReject(error) {
  return new Promise((resolve, reject) => queueMicrotask(() => reject(error)));
}

const MISSING = new Error("no such customer");

const store = {
  session(token) {
    return later({ token, scope: token.length % 2 === 0 ? "write" : "read" });
  },
  customer(id) {
    // Customers 1000 and above do not exist.
    if (id >= 1000) return laterReject(MISSING);
    return later({ id, name: `customer ${id}`, discount: id % 7 === 0 ? 10 : 0 });
  },
  price(sku) {
    return later(100 + ((Number(sku.slice(4)) * 7919) % 900));
  },
  save(record) {
    return later(record.length);
  },
};

let sessions = new Map();
let prices = new Map();

function authenticate(token) {
  let session = sessions.get(token);
  if (!session) {
    session = store.session(token);
    sessions.set(token, session);
  }
  return session;
}

async function priceOf(sku) {
  const known = prices.get(sku);
  if (known !== undefined) return known;
  const price = await store.price(sku);
  prices.set(sku, price);
  return price;
}

async function loadItems(items) {
  const priced = [];
  for (const { sku, quantity } of items) {
    priced.push({ sku, quantity, unit: await priceOf(sku) });
  }
  return priced;
}

async function loadCustomer(id) {
  try {
    return await store.customer(id);
  } catch (error) {
    return { id, name: "guest", discount: 0 };
  }
}

let finished = 0;
let fingerprint = 0;

async function handle(line) {
  const order = JSON.parse(line);
  const session = await authenticate(order.token);
  const [customer, items] = await Promise.all([loadCustomer(order.customer), loadItems(order.items)]);
  let total = 0;
  for (const item of items) total += item.unit * item.quantity;
  total -= Math.floor((total * customer.discount) / 100);
  const record = JSON.stringify({ id: order.id, customer: customer.name, scope: session.scope, items, total });
  const saved = await store.save(record);
  // Position at which this order finished, folded into a hash (see fan-out).
  fingerprint = (fingerprint * 31 + order.id * 1009 + finished++) % 2147483647;
  return { total, guest: customer.name === "guest", bytes: saved };
}

async function run(lines) {
  sessions = new Map();
  prices = new Map();
  let revenue = 0;
  let guests = 0;
  let bytes = 0;
  for (let i = 0; i < lines.length; i += BATCH) {
    const results = await Promise.all(lines.slice(i, i + BATCH).map(handle));
    for (const result of results) {
      revenue += result.total;
      if (result.guest) guests++;
      bytes += result.bytes;
    }
  }
  return `orders ${lines.length} revenue ${revenue} guests ${guests} bytes ${bytes}`;
}

async function main() {
  const lines = makeOrders(RECORDS);
  await run(lines.slice(0, WARMUP_RECORDS));
  finished = 0;
  fingerprint = 0;
  const start = process.hrtime();
  const summary = await run(lines);
  const [s, ns] = process.hrtime(start);
  console.log(summary);
  console.log(`order ${fingerprint}`);
  console.log(`elapsed ${(s * 1e3 + ns / 1e6).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
