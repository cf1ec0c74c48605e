// NewPromiseCapability(%Promise%) without allocating a record: the shared
// executor runs synchronously inside `new Promise`, so right after
// `newPromise()` the promise's resolving functions are in `lastResolve` and
// `lastReject`, to be picked up before anything else runs.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { NativePromise, promiseThen } from "./intrinsics.js";

export var lastResolve: any;
export var lastReject: any;

function capture(resolve: any, reject: any) {
  lastResolve = resolve;
  lastReject = reject;
}

function ignore() {}

/** The engine's own stack-overflow error, raised again where the stack already ends. */
function overflow(): any {
  try {
    return overflow();
  } catch (error) {
    return error;
  }
}

export function newPromise(): Promise<any> {
  lastResolve = undefined;
  var promise = new NativePromise(capture);
  // No stack was left to call the executor: the constructor caught the
  // overflow and rejected its promise (handled here: nothing awaits it), and
  // the saved functions are not this promise's. Natively the call that ran
  // out of stack throws the engine's RangeError; so does this.
  if (lastResolve === undefined) {
    promiseThen.call(promise, undefined as any, ignore);
    throw overflow();
  }
  return promise;
}

/** `{ value, done }`, CreateIterResultObject. */
export function iterResult(value: any, done: boolean) {
  return { value: value, done: done };
}
