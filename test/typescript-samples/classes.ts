// Classes with async, generator and async generator methods; this, super, private fields.

abstract class Base {
  protected abstract readonly kind: string;
  describe(): string {
    return `base:${this.kind}`;
  }
}

export class Store<T> extends Base implements Iterable<T> {
  protected readonly kind = "store";
  #items: T[] = [];
  declare note: string;
  static created = 0;

  constructor(private readonly delay: () => Promise<void>) {
    super();
    Store.created++;
  }

  async add(item: T, times = 1): Promise<number> {
    await this.delay();
    for (let i = 0; i < times; i++) this.#items.push(item);
    return this.#items.length;
  }

  async describeLater(): Promise<string> {
    await this.delay();
    return super.describe() + ":" + this.#items.length;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const item of this.#items) yield item;
  }

  async *drain(): AsyncGenerator<T, void, unknown> {
    while (this.#items.length > 0) {
      await this.delay();
      yield this.#items.shift()!;
    }
  }

  static async make<U>(items: U[]): Promise<Store<U>> {
    const store = new Store<U>(async () => {});
    for (const item of items) await store.add(item);
    return store;
  }
}

export const objectWithMethods = {
  factor: 3,
  async scale(this: { factor: number }, n: number): Promise<number> {
    await null;
    return n * this.factor;
  },
  *pairs(): Generator<[string, number]> {
    yield ["a", 1];
    yield ["b", 2];
  },
};

// A class declared after a suspension is assigned where it stands, so its
// declaration no longer names a type: the function's uses of that type see `any`.
export async function localClass(n: number): Promise<number> {
  await null;
  class Box {
    constructor(public value: number) {}
  }
  const unbox = (box: Box): number => box.value;
  const boxes: Box[] = [new Box(n), new Box(n + 1)];
  return boxes.map(unbox).reduce((a, b) => a + b, 0);
}
