// Size probe, added to async-functions.js for the all-features probe:
// generators, yield*, async generators and for await. Measured, not run.

function* range(start, end) {
  for (let i = start; i < end; i++) yield i;
}

function* evensThenOdds(n) {
  yield* range(0, 0);
  for (const i of range(0, n)) if (i % 2 === 0) yield i;
  const tail = yield* oddsUpTo(n);
  return tail;
}

function* oddsUpTo(n) {
  let count = 0;
  for (let i = 1; i < n; i += 2) {
    const reply = yield i;
    if (reply === "stop") break;
    count++;
  }
  return count;
}

async function* pages(fetchPage) {
  let cursor = null;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.next;
  } while (cursor);
}

async function* mapAsync(source, fn) {
  try {
    for await (const item of source) yield await fn(item);
  } finally {
    await fn(null);
  }
}

async function collect(source, limit) {
  const out = [];
  for await (const item of source) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
