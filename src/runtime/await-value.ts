// Await(value), as both async drivers perform it: PromiseResolve(%Promise%,
// value), then a reaction through the `then` saved at load.
//
// One difference from native Await remains observable: `then` runs
// SpeciesConstructor on the promise, so a getter on a promise's
// `constructor` (or on Promise[Symbol.species]) sees one lookup per await
// that native Await does not make. Avoiding it means redefining
// `constructor` on each promise (three times slower per await) and more
// helper code than the inline runtime's size budget allows.
// (A microtask queued directly would take the same single tick for a
// primitive, but in Node queueMicrotask costs more than a promise reaction.)

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
