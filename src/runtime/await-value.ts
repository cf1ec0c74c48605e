// Await(value), as both async drivers perform it: PromiseResolve(%Promise%,
// value), then a reaction through the `then` saved at load.
//
// Native Await makes no SpeciesConstructor lookup, but `then` does: it reads
// the promise's `constructor` (and `@@species`). When the value is not a
// promise, PromiseResolve made a fresh promise of ours, and giving it an own
// `constructor` of undefined makes `then` take %Promise% without a lookup a
// getter could see. Two cases stay observable: `then` on the user's own
// native promise reads its `constructor` once more than native Await does,
// and so does a primitive's fresh promise (redefining `constructor` on every
// await of a primitive would make it three times slower).
// (A microtask queued directly would take the same single tick for a
// primitive, but in Node queueMicrotask costs more than a promise reaction.)

/* eslint-disable @typescript-eslint/no-explicit-any */

import { NativePromise, promiseResolve, promiseThen, objectDefineProperty, hasSymbol } from "./intrinsics.js";

export interface Awaiter {
  /** Set once, by the driver: called with the settled value or the rejection reason. */
  onFulfilled: ((value: any) => void) | undefined;
  onRejected: ((error: any) => void) | undefined;
}

/** Subscribes `awaiter` to `value`. Throws if PromiseResolve does (a throwing `constructor` getter). */
export function awaitValue(awaiter: Awaiter, value: any): void {
  promiseThen.call(quietResolve(value), awaiter.onFulfilled!, awaiter.onRejected!);
}

/**
 * PromiseResolve(%Promise%, value), its fresh promise for a non-promise
 * object made quiet — only where `then` looks up @@species at all: a promise
 * polyfill on an older engine may need its promises' `constructor`.
 */
export function quietResolve(value: any): any {
  var promise = promiseResolve.call(NativePromise, value);
  if (promise !== value && Object(value) === value && hasSymbol && Symbol.species) {
    objectDefineProperty(promise, "constructor", { value: undefined });
  }
  return promise;
}
