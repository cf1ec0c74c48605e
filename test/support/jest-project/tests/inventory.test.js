// A Jest suite of a user's project, run by test/jest.test.ts through babel-jest with awaitless.
import { Inventory } from "../src/inventory.js";

function* countdown(from) {
  while (from > 0) yield from--;
}

test("a generator", () => {
  const numbers = countdown(3);
  expect([...numbers]).toEqual([3, 2, 1]);
  expect(numbers.next()).toEqual({ value: undefined, done: true });
});

test("async methods and a generator method", async () => {
  const inventory = new Inventory();
  await inventory.add("apples", 3);
  await inventory.add("pears", 2);
  expect(await inventory.add("apples", 4)).toBe(7);
  expect([...inventory.entries()]).toEqual([
    ["apples", 7],
    ["pears", 2],
  ]);
});
