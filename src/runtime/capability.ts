// NewPromiseCapability(%Promise%) without allocating a record: the shared
// executor runs synchronously inside `new Promise`, so right after
// `newPromise()` the promise's resolving functions are in `lastResolve` and
// `lastReject`, to be picked up before anything else runs.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { NativePromise } from "./intrinsics.js";

export var lastResolve: any;
export var lastReject: any;

function capture(resolve: any, reject: any) {
  lastResolve = resolve;
  lastReject = reject;
}

export function newPromise(): Promise<any> {
  return new NativePromise(capture);
}

/** `{ value, done }`, CreateIterResultObject. */
export function iterResult(value: any, done: boolean) {
  return { value: value, done: done };
}
