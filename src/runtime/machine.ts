// The state of one running compiled function, shared by every driver.
//
// A compiled body is a `step` function holding a `switch` over `m.s`. The
// driver calls `m.step(m)`; the step runs states until it either
// finishes (it returns the function's completion value) or suspends (it
// returns `SUSPEND` after `m.await`, `m.yield` or `m.delegate` recorded what
// to wait for and which state to resume at). When resumed, the value sent in
// is in `m.v`; when an exception is thrown into the machine, the driver looks
// up the handler of the current state in the try table and jumps there with
// the exception in `m.v`.
//
// The try table is a flat list of quads `[start, end, onThrow, onReturn]`:
// states `start <= s < end` are protected; `onThrow` is the state that catches
// (a `catch` block, or the entry that runs a `finally` and then rethrows),
// `onReturn` the state that starts a `return` through pending `finally`
// blocks and iterator closes (0 for none; state 0 is always the entry state
// and never a handler). Quads are ordered innermost first.

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Returned by a step function that suspends rather than completes. */
export var SUSPEND: any = {};

/** Generator states (the spec's [[GeneratorState]] / [[AsyncGeneratorState]]). */
export var SUSPENDED_START = 0;
export var SUSPENDED_YIELD = 1;
export var EXECUTING = 2;
export var AWAITING_RETURN = 3;
export var COMPLETED = 4;

/** How a generator is resumed: `next`, `throw` or `return`. */
export var NEXT = 0;
export var THROW = 1;
export var RETURN = 2;

/** What a suspension waits for; the drivers read it from `m.k`. */
export var AWAIT = 1;
export var YIELD = 2;
export var DELEGATE = 3;
/** A `yield` in an async generator whose operand is a fresh object (see suspendYieldObject). */
export var YIELD_OBJECT = 4;

export interface Machine {
  /** Current state: where to resume, and which try region the code is in. */
  s: number;
  /** Value sent in: an awaited result, `next(x)`'s `x`, or a caught exception. */
  v: any;
  /** Pending return value while a `return` runs through `finally` blocks. */
  rv: any;
  /** Operand of the pending suspension. */
  x: any;
  /** Kind of the pending suspension (AWAIT, YIELD, DELEGATE, YIELD_OBJECT). */
  k: number;
  /**
   * Called as a method of the machine: a step never reads its own `this`
   * (the compiler gives it the wrapper's as a copy, or binds it where a
   * direct eval may read it), and a plain call, unlike `step.call(self, m)`,
   * is no native frame on engines such as Hermes, which allow ~128 of those.
   */
  step: (m: Machine) => any;
  tries: number[] | undefined;
  await(value: any, state: number): any;
  yield(value: any, state: number): any;
  delegate(iterable: any, state: number): any;
}

// The suspension methods compiled code calls as `m.await(value, state)`,
// `m.yield(value, state)` and `m.delegate(iterable, state)`; each driver's
// machine prototype has the ones its kind of function can use.
export function suspendAwait(this: Machine, value: any, state: number): any {
  this.s = state;
  this.x = value;
  this.k = AWAIT;
  return SUSPEND;
}

export function suspendYield(this: Machine, value: any, state: number): any {
  this.s = state;
  this.x = value;
  this.k = YIELD;
  return SUSPEND;
}

/**
 * `m.yieldObject(value, state)`: a `yield` in an async generator whose
 * operand the compiler saw being made there (an object, array, function or
 * class literal), so it cannot be a promise and its await needs no
 * PromiseResolve (awaitObject in await-value.ts).
 */
export function suspendYieldObject(this: Machine, value: any, state: number): any {
  this.s = state;
  this.x = value;
  this.k = YIELD_OBJECT;
  return SUSPEND;
}

export function suspendDelegate(this: Machine, iterable: any, state: number): any {
  this.s = state;
  this.x = iterable;
  this.k = DELEGATE;
  return SUSPEND;
}

/** The handler of `kind` (2: throw, 3: return) protecting `state`, or 0. */
export function findHandler(tries: number[] | undefined, state: number, kind: number): number {
  if (tries) {
    for (var i = 0; i < tries.length; i += 4) {
      if (tries[i] <= state && state < tries[i + 1] && tries[i + kind]) return tries[i + kind];
    }
  }
  return 0;
}

/**
 * Moves the machine to the handler for an exception raised at its current
 * state. Returns false when nothing in the function catches it.
 */
export function enterCatch(m: Machine, error: any): boolean {
  // findHandler(m.tries, m.s, 2), written out: every async function's
  // inlined helpers carry this, and the generic lookup costs bytes there.
  var tries = m.tries;
  for (var i = 0; tries && i < tries.length; i += 4) {
    if (tries[i] <= m.s && m.s < tries[i + 1] && tries[i + 2]) {
      m.s = tries[i + 2];
      m.v = error;
      return true;
    }
  }
  return false;
}

/**
 * Starts a return through the pending `finally` blocks around the current
 * state (generators' `return()`). Returns false when there are none, and the
 * caller completes the function directly.
 */
export function enterReturn(m: Machine, value: any): boolean {
  var handler = findHandler(m.tries, m.s, 3);
  if (!handler) return false;
  m.s = handler;
  m.rv = value;
  return true;
}
