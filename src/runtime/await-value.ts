// Await(value), as both async drivers perform it: PromiseResolve(%Promise%,
// value) and a reaction through the `then` saved at load, without a result
// promise of our own. A primitive cannot be a thenable, so where the engine
// has queueMicrotask it resumes through that instead: the same single tick
// in the same job queue, without two promise allocations.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { NativePromise, promiseResolve, promiseThen, enqueueMicrotask, isObject } from "./intrinsics.js";

export interface Awaiter {
  /** Set once, by the driver: called with the settled value or the rejection reason. */
  onFulfilled: ((value: any) => void) | undefined;
  onRejected: ((error: any) => void) | undefined;
  /** Resumes with `pending` after a primitive's tick. */
  onTick: (() => void) | undefined;
  pending: any;
}

/** Subscribes `awaiter` to `value`. Throws if PromiseResolve does (a throwing `constructor` getter). */
export function awaitValue(awaiter: Awaiter, value: any): void {
  if (enqueueMicrotask && !isObject(value)) {
    awaiter.pending = value;
    enqueueMicrotask(awaiter.onTick || (awaiter.onTick = tick(awaiter)));
    return;
  }
  promiseThen.call(promiseResolve.call(NativePromise, value), awaiter.onFulfilled!, awaiter.onRejected!);
}

function tick(awaiter: Awaiter) {
  return function () {
    var value = awaiter.pending;
    awaiter.pending = undefined;
    awaiter.onFulfilled!(value);
  };
}
