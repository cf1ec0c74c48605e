// Helpers for lowered `for…in`, object rest patterns, rest parameters and
// method calls with suspending arguments.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { getOwnDescriptor, uncurriedCall, uncurriedApply } from "./intrinsics.js";

var arraySlice = Array.prototype.slice;
var getOwnNames = Object.getOwnPropertyNames;
var objectDefine = Object.defineProperty;
// [[OwnPropertyKeys]] in one call (one proxy trap) where the engine has Reflect; ES5 engines have no symbols.
var ownKeys: ((o: any) => any[]) | undefined = typeof Reflect === "object" ? Reflect.ownKeys : undefined;

interface ForInRecord {
  keys: string[];
  index: number;
  target: any;
  value: string | undefined;
  step(): boolean;
}

function KeysRecord(this: ForInRecord, target: any) {
  var keys: string[] = [];
  // for-in itself enumerates, so inherited and shadowed keys come out as the engine decides.
  if (target !== null && target !== undefined) for (var key in target) keys.push(key);
  this.keys = keys;
  this.index = 0;
  this.target = target === null || target === undefined ? target : Object(target);
  this.value = undefined;
}

KeysRecord.prototype.step = function (this: ForInRecord): boolean {
  while (this.index < this.keys.length) {
    var key = this.keys[this.index++];
    // A key deleted before its turn is not visited.
    if (key in this.target) {
      this.value = key;
      return true;
    }
  }
  return false;
};

/** The keys a lowered `for (k in target)` visits, collected when the loop starts. */
export function forInKeys(target: any): ForInRecord {
  return new (KeysRecord as any)(target);
}

/**
 * `{ a, ...rest } = source`: CopyDataProperties — each own key of `source`
 * (strings, then symbols) not excluded, checked to be enumerable just before
 * it is read and copied, as the spec does.
 */
export function objectRest(source: any, excluded: any[]): any {
  if (source === null || source === undefined) throw new TypeError("Cannot destructure " + source);
  var from = Object(source);
  var result: any = {};
  var skip: any[] = [];
  for (var i = 0; i < excluded.length; i++) skip.push(typeof excluded[i] === "symbol" ? excluded[i] : String(excluded[i]));
  var keys: any[] = ownKeys ? ownKeys(from) : getOwnNames(from);
  for (var k = 0; k < keys.length; k++) {
    var key = keys[k];
    if (indexOf(skip, key) >= 0) continue;
    var descriptor = getOwnDescriptor(from, key);
    if (!descriptor || !descriptor.enumerable) continue;
    // A data property even for "__proto__", as CreateDataProperty does.
    objectDefine(result, key, { value: from[key], writable: true, enumerable: true, configurable: true });
  }
  return result;
}

function indexOf(list: any[], item: any): number {
  for (var i = 0; i < list.length; i++) if (list[i] === item) return i;
  return -1;
}

/**
 * Marks the method a definition put on `object` under `key` (its own data
 * property, read without getters) with `mark`, and returns it. A later
 * property of the literal may have replaced it (`{ *m() {}, get m() {} }`):
 * then there is nothing to mark.
 */
export function markMethod(object: any, key: any, mark: (fn: any) => any): any {
  var descriptor = getOwnDescriptor(object, key);
  return descriptor && typeof descriptor.value === "function" ? mark(descriptor.value) : undefined;
}

/**
 * An unmapped copy of a sloppy function's `arguments`: one whose elements do
 * not follow the parameters. A function with default values or patterns
 * among its parameters has such an `arguments` (its `callee` throws, as in
 * strict code); its compiled wrapper, with plain parameters, would have a
 * mapped one. A strict function's `arguments` is unmapped.
 */
export function unmappedArguments(args: ArrayLike<any>): IArguments {
  return argumentsOf.apply(undefined, args as any);
}

function argumentsOf(): IArguments {
  "use strict";
  return arguments;
}

/** A rest parameter: the arguments from `start` on, as a new array. */
export function restArguments(args: ArrayLike<any>, start: number): any[] {
  return arraySlice.call(args, start);
}

/**
 * `o.m(await x)`: the compiler reads `o.m` before the arguments, as natively,
 * and then calls `call(method, o, ...args)`. The call goes through
 * Function.prototype.call as saved at load, so neither a `call` property of
 * the method's own nor a patched one is used, and a callee that is not
 * callable throws TypeError here, after every argument was evaluated, as
 * natively. (The engine's message quotes the source, `o.m is not a function`;
 * this one can only name the value.)
 */
export function callMethod(fn: any, self: any, ...args: any[]): any;
// (The arguments after `self` are read from `arguments`: no rest parameter to copy them.)
export function callMethod(fn: any, self: any): any {
  checkCallable(fn);
  return uncurriedApply(uncurriedCall, undefined, arguments);
}

/**
 * ``o.tag`a${await x}` ``: the compiler reads `o.tag` before the
 * substitutions, as natively, and the tagged template calls
 * `methodTag(method, o)` with its strings and values, which calls the method
 * with `o` as `this` (the template stays a tagged template, so its strings
 * object is still the one of its site).
 */
export function methodTag(fn: any, self: any): any {
  return function () {
    checkCallable(fn);
    return uncurriedApply(fn, self, arguments);
  };
}

function checkCallable(fn: any): void {
  // Callable means a function, or an object like document.all (typeof "undefined", yet not undefined).
  if (typeof fn !== "function" && (fn === undefined || typeof fn !== "undefined")) {
    throw new TypeError((fn && typeof fn === "object" ? "object" : String(fn)) + " is not a function");
  }
}
