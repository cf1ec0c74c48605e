// Await(value), as both async drivers perform it: PromiseResolve(%Promise%,
// value), then a reaction through the `then` saved at load.
//
// Native Await makes no SpeciesConstructor lookup, but `then` does: it reads
// the promise's `constructor` (and `@@species`), which a program can watch
// with a getter on Promise.prototype. When the value is an object but not a
// promise, PromiseResolve made a fresh promise of ours, and it gets an own
// `constructor` of undefined before `then` sees it, so `then` takes %Promise%
// without a lookup. That is a plain assignment while Promise.prototype's
// `constructor` is a writable data property (cheap: defineProperty on every
// such promise made yielding objects from an async generator twice as slow),
// defineProperty otherwise. Two cases stay observable: `then` on the user's
// own native promise reads its `constructor` once more than native Await
// does, and so does a primitive's fresh promise (quieting every await of a
// primitive would cost more than the await itself).
// (A microtask queued directly would take the same single tick for a
// primitive, but in Node queueMicrotask costs more than a promise reaction.)

/* eslint-disable @typescript-eslint/no-explicit-any */

import { NativePromise, promisePrototype, promiseResolve, promiseThen, defineHidden, getOwnDescriptor, hasSymbol } from "./intrinsics.js";

export interface Awaiter {
  /** Set once, by the driver: called with the settled value or the rejection reason. */
  onFulfilled: ((value: any) => void) | undefined;
  onRejected: ((error: any) => void) | undefined;
}

/** Only where `then` looks up @@species at all: a promise polyfill on an older engine may need its promises' `constructor`. */
var speciesLookup = hasSymbol && Symbol.species;

/** Subscribes `awaiter` to `value`. Throws if PromiseResolve does (a throwing `constructor` getter). */
export function awaitValue(awaiter: Awaiter, value: any): void {
  promiseThen.call(quietResolve(value), awaiter.onFulfilled!, awaiter.onRejected!);
}

/**
 * PromiseResolve(%Promise%, value), its fresh promise for a non-promise
 * object made quiet (see above).
 */
export function quietResolve(value: any): any {
  var promise = promiseResolve.call(NativePromise, value);
  if (promise !== value && speciesLookup && Object(value) === value) makeQuiet(promise);
  return promise;
}

function makeQuiet(promise: any): void {
  var inherited = getOwnDescriptor(promisePrototype, "constructor");
  if (inherited && inherited.writable) promise.constructor = undefined;
  else defineHidden(promise, "constructor");
}
