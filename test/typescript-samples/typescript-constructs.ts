// TypeScript-only constructs around lowered functions: an enum, a namespace, a class declared
// in a suspending function, generics, an abstract class, a generic arrow, `new C<T>()`.

interface Shape { area(): number }
enum Color { Red = "red", Blue = "blue" }
export namespace Geometry {
  export async function scaled(factor: number): Promise<number> {
    await null;
    return factor * 2;
  }
}
export async function shapes(n: number): Promise<string> {
  class Square implements Shape {
    constructor(private side: number) {}
    area(): number { return this.side ** 2; }
  }
  let total: number = 0;
  const squares: Square[] = [];
  for (let i = 1; i <= n; i++) {
    const sq = new Square(i);
    squares.push(sq);
    total += await Promise.resolve(sq.area());
  }
  const color: Color = n > 1 ? Color.Red : Color.Blue;
  const first = squares[0]?.area()!;
  const pick = <T,>(xs: T[]): T | undefined => xs[0];
  const p = pick(squares);
  return `${total}:${color}:${first}:${p ? p.area() : 0}:${await Geometry.scaled(n)}`;
}
export async function generic<K extends string, V>(entries: Array<[K, V]>, key: K): Promise<V | undefined> {
  const map = new Map<K, V>(entries);
  await null;
  const found: V | undefined = map.get(key);
  return found;
}
export abstract class Repo<T extends { id: number }> {
  abstract load(id: number): Promise<T>;
  protected cache = new Map<number, T>();
  async get(id: number, fresh?: boolean): Promise<T> {
    const cached = this.cache.get(id);
    if (cached && !fresh) return cached;
    const loaded = await this.load(id);
    this.cache.set(id, loaded);
    return loaded;
  }
  async *all(ids: readonly number[]): AsyncGenerator<T> {
    for (const id of ids) yield await this.get(id);
  }
}
export const arrow = async <T,>(value: T, { wrap = false }: { wrap?: boolean } = {}): Promise<T | T[]> => {
  await null;
  return wrap ? [value] : value;
};
