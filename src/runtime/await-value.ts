// Await(value), as both async drivers perform it: PromiseResolve(%Promise%,
// value), then a reaction through the `then` saved at load.
//
// Native Await makes no SpeciesConstructor lookup, but `then` does: it reads
// the promise's `constructor` (and `@@species`), which a program can watch
// with a getter on Promise.prototype. When the value is an object but not a
// promise, PromiseResolve made a fresh promise of ours, and before `then`
// sees it, it gets a [[Prototype]] of our own between it and Promise.prototype
// whose `constructor` is undefined, so `then` takes %Promise% without a
// lookup anyone can see — but only when a lookup could be seen at all, that is
// when Promise.prototype.constructor is no longer Promise itself as a data
// property or Promise[@@species] no longer the built-in getter. Two
// descriptor reads (about 35 ns) tell, which is cheaper than the new
// [[Prototype]]: that also takes `then` off V8's fast path, which is for
// promises whose [[Prototype]] is Promise.prototype (docs/decisions/0003).
// Not an own `constructor` on the promise: V8 keeps one engine-wide
// guarantee ("no promise has its own `constructor`") that lets every `then`
// skip the lookup, and adding one to any promise gives it up for the rest of
// the process, slowing the program's own promise code by a fifth or more. Two cases stay observable: `then` on the user's own native
// promise reads its `constructor` once more than native Await does, and so
// does a primitive's fresh promise in an async function (async generators
// take a primitive's tick through `settledQuietly` below; the async function
// driver's helpers have no room for that, docs/decisions/0003).
// (A microtask queued directly would take the same single tick for a
// primitive, but in Node queueMicrotask costs more than a promise reaction.)

/* eslint-disable @typescript-eslint/no-explicit-any */

import {
  NativePromise,
  promisePrototype,
  promiseResolve,
  promiseThen,
  defineHidden,
  objectCreate,
  setPrototypeOf,
  hasSymbol,
  getOwnDescriptor,
  uncurriedCall,
} from "./intrinsics.js";
import { newPromise, lastResolve, lastReject } from "./capability.js";

export interface Awaiter {
  /** Set once, by the driver: called with the settled value or the rejection reason. */
  onFulfilled: ((value: any) => void) | undefined;
  onRejected: ((error: any) => void) | undefined;
}

/** An awaiter that can also await an object known not to be a promise (awaitObject). */
export interface ObjectAwaiter extends Awaiter {
  /** The value awaitObject hands over a tick later. */
  pending: any;
  /** Set once, by the driver: hands `pending` to onFulfilled. */
  onTick: (() => void) | undefined;
}

/**
 * Promise.prototype with `constructor` hidden, the [[Prototype]] of fresh
 * promises (see above). Only where `then` looks up @@species at all: a
 * promise polyfill on an older engine may need its promises' `constructor`.
 */
var QuietPromisePrototype = hasSymbol && Symbol.species && promisePrototype && objectCreate(promisePrototype);
if (QuietPromisePrototype) defineHidden(QuietPromisePrototype, "constructor");

/** Promise's @@species getter, as found at load. */
var promiseSpeciesGetter = QuietPromisePrototype && getOwnDescriptor(NativePromise, Symbol.species)!.get;

/** True when `then` on a fresh promise looks up nothing a program can watch (see above). */
function speciesLookupUnseen(): boolean {
  var found = getOwnDescriptor(promisePrototype, "constructor");
  if (!found || found.value !== NativePromise) return false;
  found = getOwnDescriptor(NativePromise, Symbol.species);
  return !!found && found.get === promiseSpeciesGetter;
}

/** Subscribes `awaiter` to `value`. Throws if PromiseResolve does (a throwing `constructor` getter). */
export function awaitValue(awaiter: ObjectAwaiter, value: any): void {
  if (Object(value) !== value) {
    // A primitive: Await reads nothing of it and takes one tick, which is
    // all this does. No promise is made, so there is no fresh one whose
    // `constructor` lookup in `then` a program could watch.
    awaiter.pending = value;
    afterTick(awaiter.onTick!);
    return;
  }
  promiseThen.call(quietResolve(value), awaiter.onFulfilled!, awaiter.onRejected!);
}

/**
 * PromiseResolve(%Promise%, value), its fresh promise for a non-promise
 * object made quiet when a lookup could be seen (see above).
 */
export function quietResolve(value: any): any {
  var promise = promiseResolve.call(NativePromise, value);
  if (promise !== value && QuietPromisePrototype && Object(value) === value && !speciesLookupUnseen()) {
    setPrototypeOf(promise, QuietPromisePrototype);
  }
  return promise;
}

/**
 * awaitValue for the async function driver, whose inlined helpers have a
 * size budget: the same outcome without the check, every fresh promise of an
 * object made quiet. Async functions seldom await an object that is not a
 * promise; async generators do at every `yield` of one.
 */
export function awaitValueCompact(awaiter: Awaiter, value: any): void {
  promiseThen.call(quietResolveCompact(value), awaiter.onFulfilled!, awaiter.onRejected!);
}

/** quietResolve without the check (see awaitValueCompact). */
export function quietResolveCompact(value: any): any {
  var promise = promiseResolve.call(NativePromise, value);
  if (promise !== value && QuietPromisePrototype && Object(value) === value) setPrototypeOf(promise, QuietPromisePrototype);
  return promise;
}

/**
 * A promise settled at load, quiet as above: a reaction to it is a job queued
 * at once, whose `then` looks up nothing a program can see, with no check.
 */
var settledQuietly: any = NativePromise && setPrototypeOf(promiseResolve.call(NativePromise, undefined), QuietPromisePrototype || promisePrototype);

/**
 * Await(value) for a value the compiler saw being made (an object or array
 * literal, a function or class expression), which cannot be a promise. Native
 * PromiseResolve makes a fresh promise resolved with it, which reads
 * `value.then` once, and the await reacts to that promise a tick later. Here
 * the read is ours and, when `then` is not callable (the usual case), the tick
 * is a reaction to `settledQuietly`: no promise is made, and no check of
 * Promise.prototype is needed. A callable `then` is run in the job native
 * code would queue for it, settling a fresh promise the await then follows.
 */
export function awaitObject(awaiter: ObjectAwaiter, value: any): void {
  var then: any;
  try {
    then = value.then;
  } catch (error) {
    afterTick(function () {
      awaiter.onRejected!(error);
    });
    return;
  }
  if (typeof then !== "function") {
    awaiter.pending = value;
    afterTick(awaiter.onTick!);
    return;
  }
  var promise = newPromise();
  var resolve = lastResolve;
  var reject = lastReject;
  afterTick(function () {
    try {
      uncurriedCall(then, value, resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
  if (QuietPromisePrototype) setPrototypeOf(promise, QuietPromisePrototype);
  promiseThen.call(promise, awaiter.onFulfilled!, awaiter.onRejected!);
}

/** Runs `job` in a promise job queued now, as a reaction to an already settled promise is. */
function afterTick(job: () => void): void {
  promiseThen.call(settledQuietly, job, undefined as any);
}
