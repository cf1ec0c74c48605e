// Async functions: declarations, expressions, arrows, defaults, rest, typed locals.

export async function sum(values: number[], start = 0, ...extra: number[]): Promise<number> {
  let total: number = start;
  for (const value of values) total += await Promise.resolve(value);
  const more = extra.length;
  return total + more;
}

export const double = async (n: number, times = 2): Promise<number> => {
  const result = (await Promise.resolve(n)) * times;
  return result;
};

export const label = async function named(prefix: string, { id, name }: { id: number; name?: string }): Promise<string> {
  const shown = name ?? "anonymous";
  await null;
  return `${prefix}${id}:${shown}`;
};

export async function inferred(flag: boolean) {
  let count = 1;
  const word = "x";
  let maybe = flag ? "yes" : undefined;
  count += await Promise.resolve(2);
  const big = 10n;
  return [count, word, maybe, big] as const;
}

export async function withThis(this: { base: number }, add: number): Promise<number> {
  const base = this.base;
  await null;
  return base + add + this.base;
}

export async function nested(): Promise<string[]> {
  const inner = async (x: string): Promise<string> => {
    await null;
    return x.toUpperCase();
  };
  return Promise.all(["a", "b"].map(inner));
}
