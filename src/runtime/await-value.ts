// Await(value), as both async drivers perform it: PromiseResolve(%Promise%,
// value) and a reaction through the `then` saved at load, with no result
// promise of our own beyond the one `then` makes. (A microtask queued
// directly would take the same single tick for a primitive, but in Node
// queueMicrotask costs more than a promise reaction.)

/* eslint-disable @typescript-eslint/no-explicit-any */

import { NativePromise, promiseResolve, promiseThen } from "./intrinsics.js";

export interface Awaiter {
  /** Set once, by the driver: called with the settled value or the rejection reason. */
  onFulfilled: ((value: any) => void) | undefined;
  onRejected: ((error: any) => void) | undefined;
}

/** Subscribes `awaiter` to `value`. Throws if PromiseResolve does (a throwing `constructor` getter). */
export function awaitValue(awaiter: Awaiter, value: any): void {
  promiseThen.call(promiseResolve.call(NativePromise, value), awaiter.onFulfilled!, awaiter.onRejected!);
}
