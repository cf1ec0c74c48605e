// Iterator records for lowered `for…of` loops and array destructuring.
//
// `iterate(x)` is the spec's GetIterator(x, sync). The record it returns
// steps the iterator (IteratorStep: call the `next` method read once up
// front, require an object, read `done`, then `value`) and closes it
// (IteratorClose) when a loop or pattern is left early. While a step is in
// progress `done` is true, so an iterator whose `next()` or getters throw is
// never closed, as the spec says.
//
// Engines without an iterable protocol for built-ins (ES5 engines, Duktape)
// walk arrays, strings and `arguments` by index; other objects are looked up
// under Symbol.iterator, or the "@@iterator" key polyfills use.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { iteratorSymbol, isObject, typeError } from "./intrinsics.js";

export interface IteratorRecord {
  iterator: any;
  next: any;
  done: boolean;
  value: any;
  step(): boolean;
  take(): any;
  rest(): any[];
  close(): void;
  closeQuietly(): boolean;
}

function SyncIteratorRecord(this: IteratorRecord, iterator: any, next: any) {
  this.iterator = iterator;
  this.next = next;
  this.done = false;
  this.value = undefined;
}

SyncIteratorRecord.prototype = {
  /** IteratorStep: advances; false (and done) when the iterator is exhausted. */
  step: function (this: IteratorRecord): boolean {
    this.done = true;
    var result = this.next.call(this.iterator);
    if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
    if (result.done) return false;
    this.value = result.value;
    this.done = false;
    return true;
  },
  /** The next value for a destructuring element, or undefined once exhausted. */
  take: function (this: IteratorRecord): any {
    return !this.done && this.step() ? this.value : undefined;
  },
  /** The remaining values, for a rest element. */
  rest: function (this: IteratorRecord): any[] {
    var values: any[] = [];
    while (!this.done && this.step()) values.push(this.value);
    return values;
  },
  /** IteratorClose after `break`/`return`: `return()`'s errors and a non-object result propagate. */
  close: function (this: IteratorRecord): void {
    if (this.done) return;
    this.done = true;
    var method = getMethod(this.iterator, "return");
    if (method === undefined) return;
    var result = method.call(this.iterator);
    if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
  },
  /** IteratorClose on an exception: anything `return()` does is ignored. */
  closeQuietly: function (this: IteratorRecord): boolean {
    if (this.done) return false;
    this.done = true;
    try {
      var method = getMethod(this.iterator, "return");
      if (method !== undefined) method.call(this.iterator);
    } catch (ignored) {
      // The exception that left the loop wins.
    }
    return false;
  },
};

/** GetMethod: undefined for undefined or null, a TypeError for anything else not callable. */
export function getMethod(target: any, key: any): any {
  var method = target[key];
  if (method === undefined || method === null) return undefined;
  if (typeof method !== "function") throw typeError(String(key) + " is not a function");
  return method;
}

/** GetIterator(value, sync). */
export function getIteratorRecord(value: any): IteratorRecord {
  if (value === null || value === undefined) throw typeError(value + " is not iterable");
  var method = value[iteratorSymbol];
  // Some engines (Duktape) have Symbol.iterator but no iterator methods on arrays.
  if (method === undefined && isIndexed(value)) {
    return new (SyncIteratorRecord as any)(indexIterator(value), indexIteratorNext);
  }
  if (typeof method !== "function") throw typeError(typeof value + " is not iterable");
  var iterator = method.call(value);
  if (!isObject(iterator)) throw typeError("Result of the Symbol.iterator method is not an object");
  return new (SyncIteratorRecord as any)(iterator, iterator.next);
}

var objectToString = Object.prototype.toString;

function isIndexed(value: any): boolean {
  var tag = objectToString.call(value);
  return tag === "[object Array]" || tag === "[object Arguments]" || typeof value === "string";
}

function indexIterator(list: any) {
  return { list: list, index: 0 };
}

function indexIteratorNext(this: { list: any; index: number }) {
  var list = this.list;
  if (this.index >= list.length) return { value: undefined, done: true };
  return { value: typeof list === "string" ? list.charAt(this.index++) : list[this.index++], done: false };
}
