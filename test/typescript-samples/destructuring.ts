// Destructuring with types, in declarations, parameters and loop heads.

interface Point {
  x: number;
  y: number;
  label?: string;
}

export async function norm({ x, y }: Point, [scale, offset]: [number, number] = [1, 0]): Promise<number> {
  await null;
  return Math.hypot(x, y) * scale + offset;
}

export async function parts(point: Point): Promise<string> {
  const { x, y, label = "p" }: Point = point;
  const [first, ...rest]: number[] = [x, y, 3];
  await null;
  let { length }: { length: number } = rest;
  length += first;
  return `${label}:${length}`;
}

export async function entries(map: Map<string, number>): Promise<number> {
  let total = 0;
  for (const [key, value] of map) {
    await null;
    total += key.length + value;
  }
  return total;
}

export async function swap(pair: [string, number]): Promise<[number, string]> {
  let [a, b] = pair;
  await null;
  const swapped: [number, string] = [b, a];
  return swapped;
}

// The store into `late` may run before its declaration (the checker allows a
// closure to), so the compiled pattern goes through a runtime assignment
// target: a setter, typed as TypeScript allows setters to be.
export async function lateStore(values: number[]): Promise<number> {
  const store = (from: number[]): void => {
    [late] = from;
  };
  await null;
  let late = 0;
  store(values);
  return late;
}
