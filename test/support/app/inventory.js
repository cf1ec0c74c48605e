export class Inventory {
  counts = {};
  order = [];

  async add(item, count) {
    const current = (await this.counts[item]) ?? 0;
    if (!(item in this.counts)) this.order.push(item);
    this.counts[item] = current + count;
    return this.counts[item];
  }

  *entries() {
    for (const item of this.order) yield [item, this.counts[item]];
  }
}
