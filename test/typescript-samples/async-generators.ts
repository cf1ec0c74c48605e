// Async generators and for await.

export async function* ticks(limit: number): AsyncGenerator<number, string, void> {
  for (let i = 0; i < limit; i++) {
    await null;
    yield i;
  }
  return "done";
}

export async function* mapAsync<T, U>(source: AsyncIterable<T> | Iterable<T>, fn: (item: T) => U | Promise<U>): AsyncIterableIterator<U> {
  for await (const item of source) {
    yield await fn(item);
  }
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

export async function total(): Promise<number> {
  let sum = 0;
  for await (const n of mapAsync(ticks(3), (x) => x * 2)) {
    sum += n;
  }
  return sum;
}
