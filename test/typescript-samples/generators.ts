// Generators with typed yields, returns and sent values.

export function* count(start = 0, step = 1): IterableIterator<number> {
  let n = start;
  for (;;) {
    yield n;
    n += step;
  }
}

export function* take<T>(iterable: Iterable<T>, limit: number): Generator<T, number, undefined> {
  let taken = 0;
  if (limit <= 0) return taken;
  for (const item of iterable) {
    yield item;
    if (++taken >= limit) break;
  }
  return taken;
}

export function* accumulate(): Generator<number, void, number> {
  let total = 0;
  while (true) {
    const received: number = yield total;
    total += received;
  }
}

export function* delegate<T>(first: Iterable<T>, second: Iterable<T>): Generator<T> {
  yield* first;
  yield* second;
}

const collected: number[] = [...take(count(1, 2), 3)];
export { collected };
