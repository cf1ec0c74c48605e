// The generator driver: generator objects whose `next`, `throw` and
// `return` resume a compiled body.
//
// Follows the spec's generator states (suspended-start, suspended-yield,
// executing, completed):
// - a call evaluates the parameters (the wrapper does that) and creates the
//   object; the body starts at the first `next()`, whose argument is dropped;
// - `throw(e)` or `return(v)` before the start completes the generator;
// - `throw(e)` at a `yield` raises `e` there (a `catch` may take it);
//   `return(v)` there runs the pending `finally` blocks (which may yield
//   again or override the completion) through the try table's return entries;
// - resuming a running generator is a TypeError;
// - `yield*` forwards `next`, `throw` and `return` to the delegate exactly
//   as the spec's yield* algorithm does, passing its result objects through.
//
// The body runs in a loop that re-enters the step function in place after a
// caught exception, and every `next()` returns before the next one starts, so
// neither long loops nor long `yield*` chains grow the stack beyond their own
// nesting.

/* eslint-disable @typescript-eslint/no-explicit-any */

import {
  iteratorSymbol,
  isObject,
  typeError,
  createPrototype,
  defineHidden,
  setPrototypeOf,
  setName,
  objectGetPrototypeOf,
  defineConstructor,
  noSourceText,
  defineMethod,
} from "./intrinsics.js";
import {
  Machine,
  suspendYield,
  suspendDelegate,
  SUSPEND,
  DELEGATE,
  enterCatch,
  enterReturn,
  SUSPENDED_START,
  SUSPENDED_YIELD,
  EXECUTING,
  COMPLETED,
  NEXT,
  THROW,
  RETURN,
} from "./machine.js";
import { getIteratorRecord, getMethod, IteratorRecord } from "./iteration.js";
import { iterResult } from "./capability.js";

/** Where a generator object keeps its machine: a symbol where there is one. */
export var MACHINE_KEY: any = typeof Symbol === "function" ? Symbol("awaitless.machine") : "@@awaitlessMachine";

interface GeneratorMachine extends Machine {
  state: number;
  /** The iterator a `yield*` is delegating to. */
  inner: IteratorRecord | null;
}

function GeneratorMachine(this: GeneratorMachine, step: Machine["step"], tries: number[] | undefined) {
  this.s = 0;
  this.v = undefined;
  this.rv = undefined;
  this.x = undefined;
  this.k = 0;
  this.step = step;
  this.tries = tries;
  this.state = SUSPENDED_START;
  this.inner = null;
}
GeneratorMachine.prototype = { yield: suspendYield, delegate: suspendDelegate };

/**
 * %IteratorPrototype%: the engine's own where it has iterators (so iterator
 * helpers work on compiled generators too), else an object whose
 * `[Symbol.iterator]()` returns `this`.
 */
export var IteratorPrototype: any = nativeIteratorPrototype() || createIteratorPrototype();

function nativeIteratorPrototype(): any {
  try {
    if (typeof iteratorSymbol !== "symbol") return undefined;
    var proto = objectGetPrototypeOf(objectGetPrototypeOf((Array.prototype as any)[iteratorSymbol].call([])));
    // An engine without a shared one (Rhino: array iterators inherit from
    // Object.prototype and carry their own [Symbol.iterator]) has none to share.
    return proto !== Object.prototype && Object.prototype.hasOwnProperty.call(proto, iteratorSymbol) ? proto : undefined;
  } catch (ignored) {
    return undefined;
  }
}

function createIteratorPrototype(): any {
  var proto = {};
  defineMethod(
    proto,
    iteratorSymbol,
    function (this: any) {
      return this;
    },
    "[Symbol.iterator]",
  );
  return proto;
}

/** %GeneratorPrototype%: what generator objects inherit from. */
export var GeneratorPrototype: any = createPrototype(IteratorPrototype, "Generator");
/** %GeneratorFunction.prototype%: what compiled generator functions inherit from. */
export var GeneratorFunctionPrototype: any = createPrototype(Function.prototype, "GeneratorFunction");
defineHidden(GeneratorFunctionPrototype, "prototype", GeneratorPrototype);
defineConstructor(GeneratorFunctionPrototype, "GeneratorFunction", function GeneratorFunction(source: any) {
  throw noSourceText();
});
defineHidden(GeneratorPrototype, "constructor", GeneratorFunctionPrototype);

/** The prototype's next, throw and return, by mode (NEXT, THROW, RETURN). */
var OWN_METHODS = [
  function (this: any, value: any) {
    return resume(this, NEXT, value);
  },
  function (this: any, error: any) {
    return resume(this, THROW, error);
  },
  function (this: any, value: any) {
    return resume(this, RETURN, value);
  },
];
defineMethod(GeneratorPrototype, "next", OWN_METHODS[NEXT]);
defineMethod(GeneratorPrototype, "return", OWN_METHODS[RETURN]);
defineMethod(GeneratorPrototype, "throw", OWN_METHODS[THROW]);

/**
 * `method.call(iterator, value)`, for a yield* forwarding to its delegate.
 * Where the method is this prototype's own, the call is made directly: the
 * same call, without a native frame (`call`) per level of a yield* chain,
 * which engines such as Hermes limit to about 128.
 */
function callDelegate(method: any, iterator: any, mode: number, value: any): any {
  return method === OWN_METHODS[mode] ? resume(iterator, mode, value) : method.call(iterator, value);
}

/**
 * Marks a compiled generator function: its [[Prototype]] is
 * %GeneratorFunction.prototype% and it gets its own `prototype` object, which
 * its generator objects inherit from. `name` restores a name the marking
 * call would otherwise hide.
 */
export function markGenerator<F>(fn: F, name?: any): F {
  if (name !== undefined) setName(fn, keyToName(name));
  ownPrototype(fn, Object.create(GeneratorPrototype));
  return setPrototypeOf(fn, GeneratorFunctionPrototype);
}

/** The name a function gets from a property key: a symbol's in brackets, or "". */
export function keyToName(key: any): string {
  if (typeof key !== "symbol") return String(key);
  var description = (key as any).description;
  return description === undefined ? "" : "[" + description + "]";
}

/** Sets fn.prototype with the attributes a generator function's has. */
export function ownPrototype(fn: any, proto: any): void {
  if (Object.prototype.hasOwnProperty.call(fn, "prototype")) fn.prototype = proto;
  else Object.defineProperty(fn, "prototype", { value: proto, writable: true, enumerable: false, configurable: false });
}

/** Calls a compiled generator body: makes the generator object, runs nothing yet. */
export function runGenerator(step: Machine["step"], fn?: any, tries?: number[]): any {
  var proto = fn === undefined ? undefined : fn.prototype;
  var generator = Object.create(isObject(proto) ? proto : GeneratorPrototype);
  generator[MACHINE_KEY] = new (GeneratorMachine as any)(step, tries);
  return generator;
}


function resume(generator: any, mode: number, value: any): any {
  var m: GeneratorMachine = isObject(generator) ? generator[MACHINE_KEY] : undefined;
  if (!m || !(m instanceof (GeneratorMachine as any))) throw typeError("not a generator object");
  switch (m.state) {
    case EXECUTING:
      throw typeError("Generator is already running");
    case COMPLETED:
      if (mode === THROW) throw value;
      return iterResult(mode === RETURN ? value : undefined, true);
    case SUSPENDED_START:
      if (mode !== NEXT) {
        m.state = COMPLETED;
        if (mode === THROW) throw value;
        return iterResult(value, true);
      }
      break;
    default:
      if (m.inner) break;
      if (mode === NEXT) m.v = value;
      else if (mode === THROW) {
        if (!enterCatch(m, value)) {
          m.state = COMPLETED;
          throw value;
        }
      } else if (!enterReturn(m, value)) {
        m.state = COMPLETED;
        return iterResult(value, true);
      }
  }
  return run(m, mode, value);
}

/** Marks a delegate that finished with a return completion (see `delegateStep`). */
var RETURNING = {};

function run(m: GeneratorMachine, mode: number, value: any): any {
  m.state = EXECUTING;
  for (;;) {
    try {
      if (m.inner) {
        var outcome = delegateStep(m, mode, value);
        if (outcome === RETURNING) {
          if (!enterReturn(m, m.rv)) {
            m.state = COMPLETED;
            return iterResult(m.rv, true);
          }
        } else if (outcome !== undefined) {
          m.state = SUSPENDED_YIELD;
          return outcome;
        }
      }
      var result = m.step(m);
      if (result !== SUSPEND) {
        m.state = COMPLETED;
        return iterResult(result, true);
      }
      if (m.k === DELEGATE) {
        m.inner = getIteratorRecord(m.x);
        mode = NEXT;
        value = undefined;
        continue;
      }
      m.state = SUSPENDED_YIELD;
      return iterResult(m.x, false);
    } catch (error) {
      m.inner = null;
      if (!enterCatch(m, error)) {
        m.state = COMPLETED;
        throw error;
      }
    }
  }
}

/**
 * One round of the yield* loop: forwards the resumption to the delegate.
 * Returns the delegate's result object to yield as it is; undefined when the
 * delegate is done and the body resumes with its value in `m.v`; RETURNING
 * when the generator must return `m.rv` from the yield* point. Exceptions
 * propagate to the caller, which raises them at the yield*.
 */
function delegateStep(m: GeneratorMachine, mode: number, value: any): any {
  var record = m.inner!;
  var iterator = record.iterator;
  var inner: any;
  if (mode === NEXT) {
    inner = callDelegate(record.next, iterator, NEXT, value);
  } else if (mode === THROW) {
    var throwMethod = getMethod(iterator, "throw");
    if (throwMethod === undefined) {
      m.inner = null;
      // Give the delegate a chance to clean up, then report the protocol violation.
      record.done = false;
      record.close();
      throw typeError("The iterator does not provide a 'throw' method");
    }
    inner = callDelegate(throwMethod, iterator, THROW, value);
  } else {
    var returnMethod = getMethod(iterator, "return");
    if (returnMethod === undefined) {
      m.inner = null;
      m.rv = value;
      return RETURNING;
    }
    inner = callDelegate(returnMethod, iterator, RETURN, value);
    if (!isObject(inner)) throw typeError("Iterator result " + inner + " is not an object");
    if (inner.done) {
      m.inner = null;
      m.rv = inner.value;
      return RETURNING;
    }
    return inner;
  }
  if (!isObject(inner)) throw typeError("Iterator result " + inner + " is not an object");
  if (inner.done) {
    m.inner = null;
    m.v = inner.value;
    return undefined;
  }
  return inner;
}
