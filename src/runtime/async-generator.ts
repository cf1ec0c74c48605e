// The async generator driver, step for step the spec's algorithms:
//
// - `next`/`throw`/`return` enqueue a request and return its promise
//   (AsyncGeneratorEnqueue); requests are served one at a time, in order;
// - the body runs when a request resumes it (AsyncGeneratorResume) and stops
//   at an `await` (resumed when the value settles) or a `yield`;
// - `yield v` awaits `v`, settles the first request with `{ value, done:
//   false }` (AsyncGeneratorCompleteStep) and, if more requests are queued,
//   goes on at once with the next one (AsyncGeneratorYield);
// - a request resumes the body at its `yield` (AsyncGeneratorUnwrapYield-
//   Resumption): a value, an exception raised there, or a return, whose value
//   is awaited first and which then runs the pending `finally` blocks;
// - `return(v)` before the start or after the end awaits `v`
//   (AsyncGeneratorAwaitReturn); a finished generator settles what is still
//   queued (AsyncGeneratorDrainQueue);
// - `yield*` drives an async iterator (a sync one through the async-from-sync
//   wrapper) as the spec's yield* does for async generators.
//
// Each await is one subscription (see await-value.ts), and `awaiting` says
// what the settled value is for, so the driver is a small state machine of
// its own; the number of promise jobs per step equals native's.

/* eslint-disable @typescript-eslint/no-explicit-any */

import {
  isObject,
  typeError,
  createPrototype,
  defineHidden,
  setPrototypeOf,
  setName,
  defineConstructor,
  noSourceText,
  defineMethod,
} from "./intrinsics.js";
import {
  Machine,
  suspendAwait,
  suspendYield,
  suspendDelegate,
  suspendYieldObject,
  SUSPEND,
  AWAIT,
  YIELD,
  YIELD_OBJECT,
  DELEGATE,
  enterCatch,
  enterReturn,
  SUSPENDED_START,
  SUSPENDED_YIELD,
  EXECUTING,
  AWAITING_RETURN,
  COMPLETED,
  NEXT,
  THROW,
  RETURN,
} from "./machine.js";
import { awaitValue, awaitObject, ObjectAwaiter } from "./await-value.js";
import { newPromise, lastResolve, lastReject, iterResult } from "./capability.js";
import { AsyncIteratorPrototype, asyncIterate, AsyncIteratorRecord } from "./async-iteration.js";
import { getMethod } from "./iteration.js";
import { MACHINE_KEY, ownPrototype, keyToName } from "./generator.js";

// What an await's settled value is for.
var FOR_BODY = 0; //              an `await` in the body
var FOR_YIELD = 1; //             the operand of `yield`
var FOR_RETURN_REQUEST = 2; //    a return request's value, at a yield
var FOR_DELEGATE_RESULT = 3; //   a result of the delegate's next/throw/return
var FOR_DELEGATE_RETURN = 4; //   a return's value when the delegate has no return()
var FOR_DELEGATE_CLOSE = 5; //    the delegate's return() result, before the TypeError for a missing throw()
var FOR_AWAIT_RETURN = 6; //      AsyncGeneratorAwaitReturn

interface Request {
  mode: number;
  value: any;
  resolve: (value: any) => void;
  reject: (error: any) => void;
}

interface AsyncGeneratorMachine extends Machine, ObjectAwaiter {
  state: number;
  queue: Request[];
  awaiting: number;
  /** The iterator a `yield*` is delegating to. */
  inner: AsyncIteratorRecord | null;
  /** The delegate is running its return(): a done result ends the yield* with a return. */
  delegateReturning: boolean;
}

function AsyncGeneratorMachine(this: AsyncGeneratorMachine, step: Machine["step"], tries: number[] | undefined) {
  this.s = 0;
  this.v = undefined;
  this.rv = undefined;
  this.x = undefined;
  this.k = 0;
  this.step = step;
  this.tries = tries;
  this.state = SUSPENDED_START;
  this.queue = [];
  this.awaiting = FOR_BODY;
  this.inner = null;
  this.delegateReturning = false;
  var m = this;
  this.onFulfilled = function (value: any) {
    settled(m, value);
  };
  this.onRejected = function (error: any) {
    failed(m, error);
  };
  this.pending = undefined;
  this.onTick = function () {
    var value = m.pending;
    m.pending = undefined;
    settled(m, value);
  };
}
AsyncGeneratorMachine.prototype = { await: suspendAwait, yield: suspendYield, yieldObject: suspendYieldObject, delegate: suspendDelegate };

/** %AsyncGeneratorPrototype% and %AsyncGeneratorFunction.prototype%. */
export var AsyncGeneratorPrototype: any = createPrototype(AsyncIteratorPrototype, "AsyncGenerator");
export var AsyncGeneratorFunctionPrototype: any = createPrototype(Function.prototype, "AsyncGeneratorFunction");
defineHidden(AsyncGeneratorFunctionPrototype, "prototype", AsyncGeneratorPrototype);
defineConstructor(AsyncGeneratorFunctionPrototype, "AsyncGeneratorFunction", function AsyncGeneratorFunction(source: any) {
  throw noSourceText();
});
defineHidden(AsyncGeneratorPrototype, "constructor", AsyncGeneratorFunctionPrototype);

/** The machine of an async generator object, or undefined (AsyncGeneratorValidate). */
function machineOf(generator: any): AsyncGeneratorMachine | undefined {
  var m = isObject(generator) ? generator[MACHINE_KEY] : undefined;
  return m instanceof (AsyncGeneratorMachine as any) ? m : undefined;
}

function request(generator: any, mode: number, value: any): Promise<any> {
  var promise = newPromise();
  var entry: Request = { mode: mode, value: value, resolve: lastResolve, reject: lastReject };
  var m = machineOf(generator);
  if (!m) {
    entry.reject(typeError("not an async generator object"));
    return promise;
  }
  var state = m.state;
  if (mode === NEXT) {
    if (state === COMPLETED) {
      entry.resolve(iterResult(undefined, true));
      return promise;
    }
    m.queue.push(entry);
    if (state === SUSPENDED_START || state === SUSPENDED_YIELD) resumeRequest(m, state, NEXT, value);
  } else if (mode === RETURN) {
    m.queue.push(entry);
    if (state === SUSPENDED_START || state === COMPLETED) {
      m.state = AWAITING_RETURN;
      awaitReturn(m);
    } else if (state === SUSPENDED_YIELD) {
      resumeRequest(m, state, RETURN, value);
    }
  } else {
    if (state === SUSPENDED_START) m.state = state = COMPLETED;
    if (state === COMPLETED) {
      entry.reject(value);
      return promise;
    }
    m.queue.push(entry);
    if (state === SUSPENDED_YIELD) resumeRequest(m, state, THROW, value);
  }
  return promise;
}

defineMethod(AsyncGeneratorPrototype, "next", function (this: any, value: any) {
  return request(this, NEXT, value);
});
defineMethod(AsyncGeneratorPrototype, "return", function (this: any, value: any) {
  return request(this, RETURN, value);
});
defineMethod(AsyncGeneratorPrototype, "throw", function (this: any, error: any) {
  return request(this, THROW, error);
});

/** Marks a compiled async generator function (see markGenerator). */
export function markAsyncGenerator<F>(fn: F, name?: any): F {
  if (name !== undefined) setName(fn, keyToName(name));
  ownPrototype(fn, Object.create(AsyncGeneratorPrototype));
  return setPrototypeOf(fn, AsyncGeneratorFunctionPrototype);
}

/** Calls a compiled async generator body: makes the object, runs nothing yet. */
export function runAsyncGenerator(step: Machine["step"], fn?: any, tries?: number[]): any {
  var proto = fn === undefined ? undefined : fn.prototype;
  var generator = Object.create(isObject(proto) ? proto : AsyncGeneratorPrototype);
  generator[MACHINE_KEY] = new (AsyncGeneratorMachine as any)(step, tries);
  return generator;
}

/** AsyncGeneratorResume: starts the body, or continues it at its yield. */
function resumeRequest(m: AsyncGeneratorMachine, from: number, mode: number, value: any): void {
  m.state = EXECUTING;
  if (from === SUSPENDED_START) runBody(m);
  else continueAtYield(m, mode, value);
}

/** AsyncGeneratorUnwrapYieldResumption: a return's value is awaited before it returns. */
function continueAtYield(m: AsyncGeneratorMachine, mode: number, value: any): void {
  if (mode === RETURN) {
    wait(m, value, FOR_RETURN_REQUEST);
    return;
  }
  if (m.inner) delegateResume(m, mode, value);
  else if (mode === NEXT) {
    m.v = value;
    runBody(m);
  } else {
    throwAt(m, value);
  }
}

function runBody(m: AsyncGeneratorMachine): void {
  for (;;) {
    var result;
    try {
      result = m.step(m);
      if (result === SUSPEND && m.k === DELEGATE) m.inner = asyncIterate(m.x);
    } catch (error) {
      m.inner = null;
      if (enterCatch(m, error)) continue;
      finish(m, THROW, error);
      return;
    }
    if (result !== SUSPEND) finish(m, NEXT, result);
    else if (m.k === AWAIT) wait(m, m.x, FOR_BODY);
    else if (m.k === YIELD) wait(m, m.x, FOR_YIELD);
    else if (m.k === YIELD_OBJECT) {
      m.awaiting = FOR_YIELD;
      awaitObject(m, m.x);
    } else delegateResume(m, NEXT, undefined);
    return;
  }
}

/** Awaits `value` for the purpose `awaiting`; a throwing PromiseResolve counts as a rejection. */
function wait(m: AsyncGeneratorMachine, value: any, awaiting: number): void {
  m.awaiting = awaiting;
  try {
    awaitValue(m, value);
  } catch (error) {
    failed(m, error);
  }
}

function settled(m: AsyncGeneratorMachine, value: any): void {
  switch (m.awaiting) {
    case FOR_BODY:
      m.v = value;
      runBody(m);
      return;
    case FOR_YIELD:
      yieldValue(m, value);
      return;
    case FOR_RETURN_REQUEST:
      if (m.inner) delegateResume(m, RETURN, value);
      else returnAt(m, value);
      return;
    case FOR_DELEGATE_RESULT:
      delegateResult(m, value);
      return;
    case FOR_DELEGATE_RETURN:
      m.inner = null;
      returnAt(m, value);
      return;
    case FOR_DELEGATE_CLOSE:
      throwAt(m, typeError(isObject(value) ? "The iterator does not provide a 'throw' method" : "Iterator result " + value + " is not an object"));
      return;
    default:
      m.state = COMPLETED;
      completeStep(m, NEXT, value, true);
      drainQueue(m);
  }
}

function failed(m: AsyncGeneratorMachine, error: any): void {
  if (m.awaiting === FOR_AWAIT_RETURN) {
    m.state = COMPLETED;
    completeStep(m, THROW, error, true);
    drainQueue(m);
    return;
  }
  throwAt(m, error);
}

/** An exception raised at the current point of the body. */
function throwAt(m: AsyncGeneratorMachine, error: any): void {
  m.inner = null;
  if (enterCatch(m, error)) runBody(m);
  else finish(m, THROW, error);
}

/** A return completion at the current point: pending finally blocks first. */
function returnAt(m: AsyncGeneratorMachine, value: any): void {
  if (enterReturn(m, value)) runBody(m);
  else finish(m, NEXT, value);
}

/** AsyncGeneratorYield: settle the current request; go on at once if another is queued. */
function yieldValue(m: AsyncGeneratorMachine, value: any): void {
  completeStep(m, NEXT, value, false);
  if (m.queue.length > 0) {
    var next = m.queue[0];
    continueAtYield(m, next.mode, next.value);
  } else {
    m.state = SUSPENDED_YIELD;
  }
}

/** The body is done: the generator completes, and settles what is queued. */
function finish(m: AsyncGeneratorMachine, mode: number, value: any): void {
  m.state = COMPLETED;
  completeStep(m, mode, value, true);
  drainQueue(m);
}

/** AsyncGeneratorCompleteStep: settles the oldest request. */
function completeStep(m: AsyncGeneratorMachine, mode: number, value: any, done: boolean): void {
  var next = m.queue.shift()!;
  if (mode === THROW) next.reject(value);
  else next.resolve(iterResult(value, done));
}

/** AsyncGeneratorDrainQueue. */
function drainQueue(m: AsyncGeneratorMachine): void {
  while (m.queue.length > 0) {
    var next = m.queue[0];
    if (next.mode === RETURN) {
      m.state = AWAITING_RETURN;
      awaitReturn(m);
      return;
    }
    completeStep(m, next.mode, next.mode === THROW ? next.value : undefined, true);
  }
}

/** AsyncGeneratorAwaitReturn: a return request on a generator that is not running. */
function awaitReturn(m: AsyncGeneratorMachine): void {
  // A throwing PromiseResolve settles the request as a rejection (see `failed`).
  wait(m, m.queue[0].value, FOR_AWAIT_RETURN);
}

/** One round of yield*: forwards the resumption to the delegate. */
function delegateResume(m: AsyncGeneratorMachine, mode: number, value: any): void {
  var delegate = m.inner!;
  var iterator = delegate.iterator;
  var inner;
  var awaiting = FOR_DELEGATE_RESULT;
  try {
    m.delegateReturning = false;
    if (mode === NEXT) {
      inner = delegate.nextMethod.call(iterator, value);
    } else if (mode === THROW) {
      var throwMethod = getMethod(iterator, "throw");
      if (throwMethod !== undefined) {
        inner = throwMethod.call(iterator, value);
      } else {
        // No throw(): close the delegate (awaiting its return()), then a TypeError.
        var closeMethod = getMethod(iterator, "return");
        if (closeMethod === undefined) throw typeError("The iterator does not provide a 'throw' method");
        inner = closeMethod.call(iterator);
        awaiting = FOR_DELEGATE_CLOSE;
      }
    } else {
      var returnMethod = getMethod(iterator, "return");
      if (returnMethod === undefined) {
        inner = value;
        awaiting = FOR_DELEGATE_RETURN;
      } else {
        inner = returnMethod.call(iterator, value);
        m.delegateReturning = true;
      }
    }
  } catch (error) {
    throwAt(m, error);
    return;
  }
  wait(m, inner, awaiting);
}

/** The delegate's awaited result: yield its value, or end the yield*. */
function delegateResult(m: AsyncGeneratorMachine, result: any): void {
  var done;
  var value;
  try {
    if (!isObject(result)) throw typeError("Iterator result " + result + " is not an object");
    done = result.done;
    value = result.value;
  } catch (error) {
    throwAt(m, error);
    return;
  }
  if (!done) {
    yieldValue(m, value);
  } else if (m.delegateReturning) {
    // The delegate's return() is done: the yield* returns its value as it is.
    // Only a delegate without return() has the value awaited (the spec's
    // yield* steps 7.c.iii and 7.c.viii).
    m.inner = null;
    returnAt(m, value);
  } else {
    m.inner = null;
    m.v = value;
    runBody(m);
  }
}
