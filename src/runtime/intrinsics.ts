// Built-ins the runtime relies on, captured once when the runtime loads.
//
// `await` must behave the same even if user code later replaces
// `Promise.prototype.then`, `Promise.resolve` or `Object.setPrototypeOf`, so
// every driver calls these saved copies. Nothing here writes a global.
//
// The runtime runs on ES5 engines too: Promise may be a polyfill, and Symbol
// and Object.setPrototypeOf may be missing. Each has a fallback.

/* eslint-disable @typescript-eslint/no-explicit-any */

// false where there is no Promise: loading the runtime must not fail there (a file of generators needs none).
export var NativePromise: PromiseConstructor = typeof Promise === "function" && (Promise as any);
export var promisePrototype: any = NativePromise && NativePromise.prototype;
export var promiseThen: (this: Promise<any>, f: (v: any) => any, r: (e: any) => any) => Promise<any> =
  promisePrototype && promisePrototype.then;
export var promiseResolve: (this: PromiseConstructor, v: any) => Promise<any> = NativePromise && NativePromise.resolve;
export var callFunction = Function.prototype.call;
var bindFunction = Function.prototype.bind;
/**
 * `uncurriedCall(fn, self, a)` is `fn.call(self, a)` and `uncurriedApply(fn,
 * self, list)` is `fn.apply(self, list)`, with the `call` and `apply` saved
 * here: neither reads a property of `fn`.
 */
export var uncurriedCall: (fn: any, self: any, ...args: any[]) => any = bindFunction.call(callFunction, callFunction);
export var uncurriedApply: (fn: any, self: any, args: ArrayLike<any>) => any = bindFunction.call(callFunction, Function.prototype.apply);

export var hasSymbol = typeof Symbol === "function";
// Without Symbol (mujs, old engines) iterables are looked up under the
// string keys core-js and other polyfills use.
export var iteratorSymbol: any = (hasSymbol && Symbol.iterator) || "@@iterator";
export var asyncIteratorSymbol: any = (hasSymbol && Symbol.asyncIterator) || "@@asyncIterator";

/**
 * Symbol.dispose or Symbol.asyncDispose, read when asked (a polyfill may add
 * them after this runtime loads); without them `Symbol.for("Symbol.dispose")`,
 * as Babel's helpers use, and without Symbol the string "@@dispose".
 */
export function disposeSymbol(name: "dispose" | "asyncDispose"): any {
  if (!hasSymbol) return "@@" + name;
  return (Symbol as any)[name] || Symbol["for"]("Symbol." + name);
}
/** Falsy where the engine has no Symbol.toStringTag: prototypes then go untagged. */
export var toStringTagSymbol: any = hasSymbol && Symbol.toStringTag;

export var objectDefineProperty = Object.defineProperty;
export var getOwnDescriptor = Object.getOwnPropertyDescriptor;
export var objectCreate = Object.create;
export var objectGetPrototypeOf = Object.getPrototypeOf;
// Missing only in engines that cannot change a prototype at all (mujs):
// there compiled functions keep Function.prototype as their [[Prototype]].
var setPrototype: ((o: any, proto: any) => any) | undefined = (Object as any).setPrototypeOf;

export function isObject(value: any): boolean {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

export function typeError(message: string): TypeError {
  return new TypeError(message);
}

/** Gives `target` the [[Prototype]] `proto` where the engine can; a no-op otherwise. */
export function setPrototypeOf<T>(target: T, proto: any): T {
  if (setPrototype) setPrototype(target, proto);
  return target;
}

/** Gives a function the `name` it would have had natively (where the engine lets it be redefined). */
export function setName(fn: any, name: string): void {
  try {
    // Not writable, not enumerable, configurable: what a function's own name is.
    defineHidden(fn, "name", name);
  } catch (ignored) {
    // ES5 engines: `name` is non-standard and may not be configurable.
  }
}

/**
 * `fn`, named `name`: how compiled code names a function that would have
 * taken its name from where it stood (an arrow passed to a marking call, a
 * renamed binding's value). A property key would name it too (`{ f: fn }.f`),
 * but minifiers fold that into the bare function and the name is lost.
 */
export function named<F>(fn: F, name: string): F {
  setName(fn, name);
  return fn;
}

/** A non-enumerable property, as built-in prototypes have. */
export function defineHidden(target: any, key: any, value?: any, writable?: boolean): void {
  // Unset attributes default to false: not enumerable, and not writable unless asked.
  objectDefineProperty(target, key, { value: value, writable: writable, configurable: true });
}

/**
 * Gives a stand-in for %AsyncFunction.prototype% and the like its
 * constructor: `ctor`, named `name` as the built-in is, subclassing
 * Function. Calling it would mean compiling source text at run time, which
 * the runtime never does (it must work under a CSP that forbids eval).
 */
export function defineConstructor(proto: any, name: string, ctor: any): void {
  // Set, not left to the function's own name, which a minifier mangles or drops.
  setName(ctor, name);
  // A function's own `prototype` is already neither enumerable nor configurable.
  objectDefineProperty(ctor, "prototype", { value: proto, writable: false });
  defineHidden(proto, "constructor", ctor);
  setPrototypeOf(ctor, Function);
}

/** What those constructors throw. */
export function noSourceText(): EvalError {
  return new EvalError("no eval");
}

/** A built-in method: non-enumerable, writable, named as the spec names it (the key, unless given). */
export function defineMethod(target: any, key: any, fn: any, name?: string): void {
  setName(fn, name === undefined ? key : name);
  defineHidden(target, key, fn, true);
}

/** A prototype object inheriting from `parent`, tagged like the built-in it stands for. */
export function createPrototype(parent: any, tag?: string): any {
  var proto = objectCreate(parent);
  if (tag && toStringTagSymbol) defineHidden(proto, toStringTagSymbol, tag);
  return proto;
}
