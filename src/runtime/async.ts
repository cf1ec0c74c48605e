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

import { objectCreate, toStringTagSymbol, defineHidden, setPrototypeOf, defineConstructor, noSourceText, promiseThen } from "./intrinsics.js";
import { newPromise, lastResolve, lastReject } from "./capability.js";
import { awaitValueCompact, quietResolveCompact, Awaiter } from "./await-value.js";
import { Machine, SUSPEND, enterCatch, suspendAwait } from "./machine.js";

interface AsyncMachine extends Machine, Awaiter {
  resolve: (value: any) => void;
  reject: (error: any) => void;
}

/** Calls a compiled async body; returns the promise of its completion. */
export function runAsync(step: Machine["step"], tries?: number[]): Promise<any> {
  var promise = newPromise();
  // A literal with every field, so all machines share one shape.
  var m: AsyncMachine = {
    s: 0,
    v: undefined,
    rv: undefined,
    x: undefined,
    k: 0,
    step: step,
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
      var result = m.step(m);
      if (result !== SUSPEND) {
        m.resolve(result);
        return;
      }
      // Inside the try: PromiseResolve can throw (a throwing `constructor`
      // getter), and that exception belongs to the await, whose resume state
      // is already in m.s.
      if (!m.onFulfilled) listen(m);
      awaitValueCompact(m, m.x);
      return;
    } catch (error) {
      if (!enterCatch(m, error)) {
        m.reject(error);
        return;
      }
    }
  }
}

/**
 * Calls a compiled async body that suspends at most once in any run (the
 * compiler proves it: one `await`, in no loop). The promise `then` derives
 * for that await settles with what its reaction returns or throws, in the
 * job where the body finishes, as an async function's promise does when its
 * body finishes, so it is returned as the function's promise: no promise,
 * resolving functions or settling of our own. A body that finishes without
 * suspending gets a promise settled as runAsync settles it.
 */
export function runAsyncOnce(step: Machine["step"], tries?: number[]): Promise<any> {
  // One shape with runAsync's machines for what the step function reads.
  var m: Machine = { s: 0, v: undefined, rv: undefined, x: undefined, k: 0, step: step, tries: tries, await: suspendAwait } as any;
  for (;;) {
    try {
      var result = m.step(m);
      if (result !== SUSPEND) return settledPromise(result, false);
      // Inside the try: PromiseResolve can throw, and that belongs to the await.
      return promiseThen.call(
        quietResolveCompact(m.x),
        function (value: any) {
          m.v = value;
          return finishOnce(m);
        },
        function (error: any) {
          if (enterCatch(m, error)) return finishOnce(m);
          throw error;
        },
      );
    } catch (error) {
      if (!enterCatch(m, error)) return settledPromise(error, true);
    }
  }
}

/** Runs the rest of a runAsyncOnce body: it cannot suspend again. */
function finishOnce(m: Machine): any {
  for (;;) {
    try {
      var result = m.step(m);
      if (result === SUSPEND) throw new Error("awaitless: suspended twice");
      return result;
    } catch (error) {
      if (!enterCatch(m, error)) throw error;
    }
  }
}

function settledPromise(value: any, rejected: boolean): Promise<any> {
  var promise = newPromise();
  if (rejected) lastReject(value);
  else lastResolve(value);
  return promise;
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
defineConstructor(AsyncFunctionPrototype, "AsyncFunction", function AsyncFunction(source: any) {
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
