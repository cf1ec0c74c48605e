// Iterator records for lowered `for await…of`, and the async-from-sync
// iterator that lets it (and `yield*` in async generators) walk a sync
// iterable, awaiting each value.
//
// The async-from-sync iterator follows the spec's
// %AsyncFromSyncIteratorPrototype% step by step, including how many promise
// jobs each step takes: the value is passed through PromiseResolve and one
// `then`, whose derived promise plays the part of the spec's capability.

/* eslint-disable @typescript-eslint/no-explicit-any */

import {
  NativePromise,
  promiseResolve,
  promiseThen,
  asyncIteratorSymbol,
  isObject,
  typeError,
  createPrototype,
  defineHidden,
  defineMethod,
  disposeSymbol,
  uncurriedCall,
} from "./intrinsics.js";
import { getMethod, getIteratorRecord, IteratorRecord } from "./iteration.js";
import { newPromise, lastReject, iterResult } from "./capability.js";
import { quietResolve } from "./await-value.js";

export interface AsyncIteratorRecord {
  iterator: any;
  nextMethod: any;
  value: any;
  result: any;
  returnMethod: any;
  next(): any;
  settle(result: any): boolean;
  hasReturn(): boolean;
  callReturn(): any;
  checkReturn(result: any): void;
  closeQuietly(): boolean;
}

function AsyncRecord(this: AsyncIteratorRecord, iterator: any, nextMethod: any) {
  this.iterator = iterator;
  this.nextMethod = nextMethod;
  this.value = undefined;
  this.result = undefined;
  this.returnMethod = undefined;
}

AsyncRecord.prototype = {
  /** Calls `next()`; the loop awaits what it returns. */
  next: function (this: AsyncIteratorRecord): any {
    return this.nextMethod.call(this.iterator);
  },
  /** Checks an awaited `next()` result: false when done, else the value is in `value`. */
  settle: function (this: AsyncIteratorRecord, result: any): boolean {
    if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
    if (result.done) return false;
    this.value = result.value;
    return true;
  },
  /** AsyncIteratorClose, normal path: is there a `return` method to call and await? */
  hasReturn: function (this: AsyncIteratorRecord): boolean {
    this.returnMethod = getMethod(this.iterator, "return");
    return this.returnMethod !== undefined;
  },
  callReturn: function (this: AsyncIteratorRecord): any {
    return this.returnMethod.call(this.iterator);
  },
  checkReturn: function (result: any): void {
    if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
  },
  /**
   * AsyncIteratorClose on an exception: calls `return()` if there is one,
   * ignoring errors; true when its result (in `result`) is to be awaited.
   */
  closeQuietly: function (this: AsyncIteratorRecord): boolean {
    try {
      var method = getMethod(this.iterator, "return");
      if (method === undefined) return false;
      this.result = method.call(this.iterator);
      return true;
    } catch (ignored) {
      return false;
    }
  },
};

/** GetIterator(value, async): the async iterator, or a sync one wrapped. */
export function asyncIterate(value: any): AsyncIteratorRecord {
  if (value === null || value === undefined) throw typeError(value + " is not async iterable");
  var method = getMethod(value, asyncIteratorSymbol);
  if (method === undefined) {
    var wrapped = createAsyncFromSyncIterator(getIteratorRecord(value));
    return new (AsyncRecord as any)(wrapped, AsyncFromSyncIteratorPrototype.next);
  }
  var iterator = method.call(value);
  if (!isObject(iterator)) throw typeError("Result of the Symbol.asyncIterator method is not an object");
  return new (AsyncRecord as any)(iterator, iterator.next);
}

/** %AsyncIteratorPrototype%: `[Symbol.asyncIterator]()` returns `this`. */
export var AsyncIteratorPrototype: any = {};
defineMethod(
  AsyncIteratorPrototype,
  asyncIteratorSymbol,
  function (this: any) {
    return this;
  },
  "[Symbol.asyncIterator]",
);

interface AsyncFromSyncIterator {
  record: IteratorRecord;
}

/**
 * %AsyncIteratorPrototype%[@@asyncDispose] (explicit resource management):
 * calls `return()` and fulfils with undefined once its result settles; any
 * error rejects the returned promise.
 */
defineMethod(
  AsyncIteratorPrototype,
  disposeSymbol("asyncDispose"),
  function (this: any) {
    try {
      var method = getMethod(this, "return");
      if (method === undefined) return promiseResolve.call(NativePromise, undefined);
      return promiseThen.call(promiseResolve.call(NativePromise, uncurriedCall(method, this, undefined)), returnUndefined, undefined as any);
    } catch (error) {
      var rejected = newPromise();
      lastReject(error);
      return rejected;
    }
  },
  "[Symbol.asyncDispose]",
);

function returnUndefined(): void {}

export var AsyncFromSyncIteratorPrototype: any = createPrototype(AsyncIteratorPrototype);

export function createAsyncFromSyncIterator(record: IteratorRecord): AsyncFromSyncIterator {
  var iterator = Object.create(AsyncFromSyncIteratorPrototype);
  iterator.record = record;
  return iterator;
}

function rejected(error: any): Promise<any> {
  var promise = newPromise();
  lastReject(error);
  return promise;
}

/** AsyncFromSyncIteratorContinuation. */
function continuation(result: any, record: IteratorRecord, closeOnRejection: boolean): Promise<any> {
  var done: boolean;
  var value: any;
  var wrapper: any;
  try {
    done = !!result.done;
    value = result.value;
  } catch (error) {
    return rejected(error);
  }
  try {
    wrapper = quietResolve(value);
  } catch (error) {
    if (!done && closeOnRejection) {
      try {
        record.done = false;
        record.close();
      } catch (closeError) {
        return rejected(closeError);
      }
    }
    return rejected(error);
  }
  var onRejected =
    done || !closeOnRejection
      ? undefined
      : function (error: any) {
          record.done = false;
          record.closeQuietly();
          throw error;
        };
  return promiseThen.call(
    wrapper,
    function (settled: any) {
      return iterResult(settled, done);
    },
    onRejected as any,
  );
}

defineHidden(
  AsyncFromSyncIteratorPrototype,
  "next",
  function (this: AsyncFromSyncIterator, value?: any) {
    var record = this.record;
    var result;
    try {
      result = arguments.length > 0 ? record.next.call(record.iterator, value) : record.next.call(record.iterator);
      if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
    } catch (error) {
      return rejected(error);
    }
    return continuation(result, record, true);
  },
  true,
);

defineHidden(
  AsyncFromSyncIteratorPrototype,
  "return",
  function (this: AsyncFromSyncIterator, value?: any) {
    var record = this.record;
    var result;
    try {
      var method = getMethod(record.iterator, "return");
      if (method === undefined) return promiseResolve.call(NativePromise, iterResult(value, true));
      result = arguments.length > 0 ? method.call(record.iterator, value) : method.call(record.iterator);
      if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
    } catch (error) {
      return rejected(error);
    }
    return continuation(result, record, false);
  },
  true,
);

defineHidden(
  AsyncFromSyncIteratorPrototype,
  "throw",
  function (this: AsyncFromSyncIterator, value?: any) {
    var record = this.record;
    var result;
    try {
      var method = getMethod(record.iterator, "throw");
      if (method === undefined) {
        // No `throw`: close the iterator so it can clean up, then report the protocol violation.
        record.done = false;
        record.close();
        throw typeError("The iterator does not provide a 'throw' method");
      }
      result = arguments.length > 0 ? method.call(record.iterator, value) : method.call(record.iterator);
      if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
    } catch (error) {
      return rejected(error);
    }
    return continuation(result, record, true);
  },
  true,
);
