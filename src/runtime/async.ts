// The async-function driver: runs a compiled async body, resumes it when an
// awaited value settles, and settles the function's promise when it ends.
//
// Timing follows the spec's Await(value) exactly:
// - the body runs synchronously up to its first `await`; an exception there
//   (or in parameter initialisers, which the compiler puts in the first
//   state) rejects the promise instead of throwing;
// - `await v` is PromiseResolve(%Promise%, v) followed by a reaction on the
//   saved `then`: one tick for a native promise or a plain object, the
//   thenable-job ticks for a thenable, and a getter on `v.constructor` runs
//   as it does natively;
// - the function's completion goes through the promise's resolve function,
//   so returning a promise or thenable adopts it just as natively.
//
// The loop in `advance` resumes the machine in place when an exception finds
// a handler, so a body that awaits 100,000 times grows no stack: every resume
// starts from a fresh microtask.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { objectCreate, toStringTagSymbol, defineHidden, setPrototypeOf, defineConstructor, noSourceText } from "./intrinsics.js";
import { newPromise, lastResolve, lastReject } from "./capability.js";
import { awaitValue, Awaiter } from "./await-value.js";
import { Machine, SUSPEND, enterCatch, suspendAwait } from "./machine.js";

interface AsyncMachine extends Machine, Awaiter {
  resolve: (value: any) => void;
  reject: (error: any) => void;
}

/** Calls a compiled async body; returns the promise of its completion. */
export function runAsync(step: Machine["step"], self: any, tries?: number[]): Promise<any> {
  var promise = newPromise();
  // A literal with every field, so all machines share one shape.
  var m: AsyncMachine = {
    s: 0,
    v: undefined,
    rv: undefined,
    x: undefined,
    k: 0,
    step: step,
    self: self,
    tries: tries,
    resolve: lastResolve,
    reject: lastReject,
    onFulfilled: undefined,
    onRejected: undefined,
    await: suspendAwait,
  } as any;
  advance(m);
  return promise;
}

function advance(m: AsyncMachine): void {
  for (;;) {
    try {
      var result = m.step.call(m.self, m);
      if (result !== SUSPEND) {
        m.resolve(result);
        return;
      }
      // Inside the try: PromiseResolve can throw (a throwing `constructor`
      // getter), and that exception belongs to the await, whose resume state
      // is already in m.s.
      if (!m.onFulfilled) listen(m);
      awaitValue(m, m.x);
      return;
    } catch (error) {
      if (!enterCatch(m, error)) {
        m.reject(error);
        return;
      }
    }
  }
}

function listen(m: AsyncMachine): void {
  m.onFulfilled = function (settled: any) {
    m.v = settled;
    advance(m);
  };
  m.onRejected = function (error: any) {
    if (enterCatch(m, error)) advance(m);
    else m.reject(error);
  };
}

/**
 * Plays %AsyncFunction.prototype%'s role: every compiled async function gets
 * it as [[Prototype]], so `Object.getPrototypeOf(async function () {})` is one
 * shared object, tagged "AsyncFunction", as natively.
 */
// createPrototype(Function.prototype, "AsyncFunction") written out: every
// async function's inlined helpers carry this, and it is smaller so.
export var AsyncFunctionPrototype = objectCreate(Function.prototype);
if (toStringTagSymbol) defineHidden(AsyncFunctionPrototype, toStringTagSymbol, "AsyncFunction");
defineConstructor(AsyncFunctionPrototype, function AsyncFunction(source: any) {
  throw noSourceText();
});
/**
 * Marks a compiled async function so its prototype chain matches a native
 * one. (Wrapping a function in this call would lose the name it gets from
 * where it stands; the compiler names it explicitly where that matters.)
 */
export function markAsync<F>(fn: F): F {
  return setPrototypeOf(fn, AsyncFunctionPrototype);
}
