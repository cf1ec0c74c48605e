// The runtime where an engine runs out of something or lacks something.
//
// Stack exhaustion: an async function called with no stack left throws the
// engine's RangeError, which the caller's await turns into a rejection. The
// runtime makes each promise with `new Promise(capture)` and picks up the
// resolving functions the executor saved; with no stack left the executor
// call itself overflows, Promise's constructor catches that and rejects its
// own promise, and the saved functions were left undefined ("lastReject is
// not a function") or, worse, still those of the previous promise.
//
// No shared %IteratorPrototype%: Rhino's array iterators inherit straight
// from Object.prototype and carry their own [Symbol.iterator]; the runtime
// took Object.prototype for the iterator prototype, and compiled generators
// had no [Symbol.iterator] (yield* threw "object is not iterable").

import { describe, it, expect } from "vitest";
import { transform } from "../src/index.js";
import { runNode } from "./support/run-node.js";

function compiled(source: string): string {
  return transform(source, { filename: "limits.js", sourceType: "script", runtime: "inline" }).code;
}

describe("stack exhaustion", () => {
  const cases: Record<string, string> = {
    "a recursion with no await before the call rejects with RangeError": `
      async function f(n) { return n === 0 ? 0 : 1 + (await f(n - 1)); }
      f(1e6).then(
        function (v) { console.log("fulfilled", v); },
        function (e) { console.log("rejected", e instanceof RangeError); }
      );
    `,
    "the overflow settles no other promise": `
      var settle;
      async function pending() { await new Promise(function (resolve) { settle = resolve; }); return "pending's own value"; }
      async function once(n) { return n === 0 ? "bottom" : await once(n - 1); }
      var waiting = pending();
      waiting.then(function (v) { console.log("pending:", v); });
      once(1e6).then(function (v) { console.log("once fulfilled", v); }, function (e) { console.log("once rejected", e instanceof RangeError); });
      setTimeout(function () { settle(); }, 0);
    `,
  };
  it.each(Object.entries(cases))("%s", (_name, source) => {
    const native = runNode(source, { module: false });
    expect(native.status).toBe(0);
    expect(runNode(compiled(source), { module: false })).toEqual(native);
  });
});

describe("an engine without a shared iterator prototype (as Rhino)", () => {
  // Array iterators made to look like Rhino's before the runtime loads.
  const RHINO_LIKE = `
    var arrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]());
    var next = arrayIteratorProto.next;
    Object.setPrototypeOf(arrayIteratorProto, Object.prototype);
    Object.defineProperty(arrayIteratorProto, Symbol.iterator, { value: function () { return this; }, configurable: true, writable: true });
  `;
  const PROGRAM = `
    function* inner() { yield 1; yield 2; }
    function* outer() { yield* inner(); yield 3; }
    var seen = [];
    for (var x of outer()) seen.push(x);
    console.log(seen.join(","), typeof outer()[Symbol.iterator], Object.prototype.hasOwnProperty(Symbol.iterator));
  `;
  it("generators are iterable and yield* works", () => {
    const native = runNode(RHINO_LIKE + PROGRAM, { module: false });
    expect(native.stdout).toBe("1,2,3 function false\n");
    // The runtime is inlined at the top of the file: the set-up runs first as a script of its own.
    const result = runNode(`${RHINO_LIKE}\nrequire("vm").runInThisContext(${JSON.stringify(compiled(PROGRAM))});`, { module: false });
    expect(result).toEqual(native);
  });
});
