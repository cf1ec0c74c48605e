// A small seeded pseudo-random generator (sfc32 seeded through a string hash),
// so that a seed and a program number always give the same program on any
// machine and Node version. Math.random is never used by the fuzzer.

/** A 32-bit hash of a string (cyrb-style mixing), used to seed the generator. */
function hashString(text) {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0, (h1 ^ h2) >>> 0, (h1 + h2) >>> 0];
}

export class Random {
  /** @param {string | number} seed any string or number; the same seed gives the same sequence */
  constructor(seed) {
    [this.a, this.b, this.c, this.d] = hashString(String(seed));
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** The next 32-bit unsigned integer (sfc32). */
  next32() {
    let { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float() {
    return this.next32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.float() * n);
  }

  /** An integer in [min, max], both included. */
  range(min, max) {
    return min + this.int(max - min + 1);
  }

  /** True with probability p. */
  chance(p) {
    return this.float() < p;
  }

  pick(items) {
    return items[this.int(items.length)];
  }

  /**
   * Picks among [weight, value] pairs; entries with weight 0 (or a falsy
   * weight) are never chosen. Returns undefined when every weight is 0.
   */
  weighted(entries) {
    let total = 0;
    for (const [weight] of entries) if (weight > 0) total += weight;
    if (total <= 0) return undefined;
    let r = this.float() * total;
    for (const [weight, value] of entries) {
      if (!(weight > 0)) continue;
      r -= weight;
      if (r < 0) return value;
    }
    return entries.filter(([w]) => w > 0).at(-1)[1];
  }
}

/** The generator for program `index` of the batch with seed `seed`: each program is reproducible on its own. */
export function programRandom(seed, index) {
  return new Random(`awaitless-fuzz:${seed}:${index}`);
}
