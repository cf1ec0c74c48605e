// Where the engine under the tests lags the specification, the runtime follows
// the specification, and a native run is no reference: these programs are
// checked against what the specification says they print.
//
// ecma262 PR 2600 (2023): the async-from-sync iterator that `for await` and
// an async generator's `yield*` put around a sync iterator closes it when a
// value it produced is a promise that rejects, and when `throw` is sent to it
// and it has no `throw` method (then rejecting with a TypeError). Node 20's
// engine leaves the iterator open in both cases. test262's
// built-ins/AsyncFromSyncIteratorPrototype tests for this fail natively on
// Node 20, so the test262 runner does not score them compiled.

import { describe, it, expect } from "vitest";
import { transform } from "../src/index.js";
import { runNode } from "./support/run-node.js";

function runCompiled(source: string): string[] {
  const { code } = transform(source, { filename: "program.mjs", runtime: "inline" });
  const run = runNode(code);
  expect(run.error).toBeNull();
  return run.stdout.trim().split("\n");
}

/** A sync iterator that logs its calls; its second value is a promise that rejects. */
const ITERATOR = `
const log = (...parts) => console.log(parts.join(" "));
function syncIterable(withThrow) {
  let i = 0;
  const iterator = {
    [Symbol.iterator]() { return this; },
    next() { i++; log("next", i); return { value: i === 2 ? Promise.reject(new Error("rejected value")) : i, done: i > 3 }; },
    return() { log("return"); return {}; },
  };
  if (withThrow) iterator.throw = () => { log("throw"); return { done: true }; };
  return iterator;
}
`;

describe("the runtime follows the specification where Node 20 does not", () => {
  it("for await closes a sync iterator whose value promise rejects", () => {
    const lines = runCompiled(`${ITERATOR}
async function main() {
  try {
    for await (const value of syncIterable(false)) log("value", value);
  } catch (error) {
    log("caught", error.message);
  }
}
main();
`);
    expect(lines).toEqual(["next 1", "value 1", "next 2", "return", "caught rejected value"]);
  });

  it("yield* closes a sync iterator that has no throw method when throw is sent, and rejects with a TypeError", () => {
    const lines = runCompiled(`${ITERATOR}
async function* outer() {
  yield* syncIterable(false);
}
async function main() {
  const it = outer();
  log("first", JSON.stringify(await it.next()));
  try {
    await it.throw(new Error("sent"));
  } catch (error) {
    log("caught", error.constructor.name);
  }
}
main();
`);
    expect(lines).toEqual(["next 1", 'first {"value":1,"done":false}', "return", "caught TypeError"]);
  });

  it("leaves the iterator open when the rejected value comes with done: true", () => {
    const lines = runCompiled(`
const log = (...parts) => console.log(parts.join(" "));
const iterable = {
  [Symbol.iterator]() {
    return {
      next() { log("next"); return { value: Promise.reject(new Error("last")), done: true }; },
      return() { log("return"); return {}; },
    };
  },
};
async function main() {
  try {
    for await (const value of iterable) log("value", value);
    log("finished");
  } catch (error) {
    log("caught", error.message);
  }
}
main();
`);
    expect(lines).toEqual(["next", "caught last"]);
  });
});
