// Runs every sample and prints what they give, so that the compiled samples
// can be checked against the same program run natively.

import { sum, double, label, inferred, withThis, nested } from "./async-functions.js";
import { collected, accumulate, delegate } from "./generators.js";
import { collect, ticks, total } from "./async-generators.js";
import { Store, objectWithMethods, localClass } from "./classes.js";
import { closures, loops, choose, guarded, anyCatch, plainCatch, branchTypes } from "./control-flow.js";
import { norm, parts, entries, swap, lateStore } from "./destructuring.js";

async function main(): Promise<void> {
  console.log(await sum([1, 2], 3, 4, 5), await double(4), await double(4, 3), await label("#", { id: 1 }));
  console.log(String(await inferred(true)), await withThis.call({ base: 5 }, 1), await nested());
  const acc = accumulate();
  acc.next();
  acc.next(2);
  console.log(collected, acc.next(3).value, [...delegate([1], [2, 3])]);
  console.log(await collect(ticks(3)), await total());
  const store = await Store.make(["a", "b"]);
  console.log(await store.add("c", 2), await store.describeLater(), [...store]);
  const drained: string[] = [];
  for await (const item of store.drain()) drained.push(item);
  console.log(drained, Store.created, await objectWithMethods.scale(2), [...objectWithMethods.pairs()], await localClass(2));
  console.log((await closures(3)).map((f) => f()), await loops(3), await choose("a"), await choose("b"), await choose("c"));
  console.log(await guarded(false), await guarded(true), await anyCatch(), await plainCatch(), await branchTypes(true), await branchTypes(false));
  console.log(await norm({ x: 3, y: 4 }), await norm({ x: 3, y: 4 }, [2, 1]), await parts({ x: 1, y: 2 }));
  console.log(await entries(new Map([["a", 1], ["bb", 2]])), await swap(["s", 1]), await lateStore([7]));
}

await main();
