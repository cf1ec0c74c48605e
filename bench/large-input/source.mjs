// Realistic input of any size for the large-input checks: the test that a
// 5 MB file compiles (test/hostile.test.ts) and the benchmark that compile
// time grows linearly with the input (bench/large-input.mjs).

/**
 * One module's worth of realistic code (about 3.1 kB): an async function with
 * retries, try/catch/finally and a loop that awaits; a recursive generator
 * with yield* and a switch; an async generator over `for await`; a class with
 * a private field, async and async generator methods; an object literal of
 * async and generator methods; then small one-line helpers, as a bundle of
 * utility modules has many (and a file has many top-level statements).
 */
export function realisticUnit(i) {
  return `
/** Loads page ${i} of the records and keeps the ones that pass. */
export async function load${i}(client, { page = ${i % 7}, limit = 50, signal } = {}) {
  const out = [];
  let retries = 0;
  for (;;) {
    try {
      const response = await client.get(\`/records/\${page}?limit=\${limit}\`, { signal });
      if (!response.ok) throw new Error("status " + response.status);
      const { items, next } = await response.json();
      for (const item of items) {
        if (item.deleted) continue;
        const detail = item.lazy ? await client.get(item.href).then((r) => r.json()) : item;
        out.push({ ...detail, page, seen: Date.now() });
      }
      if (!next || out.length >= limit) break;
      page = next;
    } catch (error) {
      if (++retries > 3 || signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * retries));
    } finally {
      client.release?.(page);
    }
  }
  return out.filter((record) => record.score > ${i % 10} / 10);
}

export function* walk${i}(node, depth = 0) {
  if (!node) return 0;
  let count = 1;
  yield [node.id, depth];
  for (const child of node.children ?? []) {
    count += yield* walk${i}(child, depth + 1);
  }
  switch (node.kind) {
    case "leaf": yield { leaf: node.id }; break;
    case "branch": { const [first, ...rest] = node.children; yield rest.length; break; }
    default: yield null;
  }
  return count;
}

export async function* stream${i}(source, transform = (x) => x) {
  let index = 0;
  for await (const chunk of source) {
    const lines = String(chunk).split("\\n");
    while (lines.length) {
      const line = lines.shift();
      if (line === "") continue;
      yield transform({ line, index: index++ }, await Promise.resolve(${i}));
    }
  }
}

export class Service${i} {
  #cache = new Map();
  constructor(api) { this.api = api; }
  async get(key) {
    if (this.#cache.has(key)) return this.#cache.get(key);
    const value = await this.api.fetch(key).catch(() => null);
    this.#cache.set(key, value);
    return value;
  }
  async *entries() { for (const [k, v] of this.#cache) yield [k, await v]; }
  static async create(api) { const s = new Service${i}(api); await s.get("init"); return s; }
}

export const handlers${i} = {
  async onMessage(msg) { const [a, b = ${i}] = await msg.parts(); return a + b; },
  onTick: async (t) => (await t) * 2,
  *ids() { let n = ${i}; while (n > 0) yield n--; },
};

export const limit${i} = ${i % 50} + 10;
export async function fetchJson${i}(api, path) { const response = await api.get(path); return response.ok ? await response.json() : null; }
export function* range${i}(from, to) { for (let n = from; n < to; n++) yield n; }
export async function retry${i}(task, times = 3) { for (let k = 0; ; k++) { try { return await task(); } catch (error) { if (k >= times) throw error; } } }
export const delay${i} = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function first${i}(items, test) { for await (const item of items) if (await test(item)) return item; return undefined; }
`;
}

export const MB = 1024 * 1024;

/** Whole units up to `bytes` (so a file is a little over it). */
export function realisticFile(bytes) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const unit = realisticUnit(i);
    parts.push(unit);
    length += unit.length;
  }
  return parts.join("");
}
