// Hermes's part of the host (host.js reads it as `__engine`): its own Promise
// and job queue, as a React Native app has them (the CLI run with
// -Xes6-promise -Xmicrotask-queue), and its `print`.
//
// Hermes's Promise is the `promise` library built into the engine. It keeps
// a promise's state in own fields — `_h` (0 while no handler was ever added
// to a pending promise), `_i` (0 pending, 1 fulfilled, 2 rejected, 3 resolved
// with the promise in `_j`), `_j` (the result) and `_k` (the handlers) — and
// calls two hooks on the constructor: `Promise._m(promise)` when a promise is
// rejected and `Promise._l(promise)` each time a handler is added. React
// Native's rejection tracking sets the same hooks; here they keep the list of
// promises rejected with no handler, which the host checks after the jobs
// have run, as Node does.
//
// Plain ES5, loaded first. Also captured here, before host.js replaces it:
// the CLI's own `setTimeout`, which runs its callback once the job queue is
// empty (in the order the callbacks were set, whatever their delay): the
// driver's turns are scheduled on it.

var __engine = (function (global) {
  "use strict";

  var NativePromise = global.Promise;
  var nativeSetTimeout = global.setTimeout;
  var enqueueJob = HermesInternal.enqueueJob;
  var isPrototypeOf = Object.prototype.isPrototypeOf;
  var hasOwn = Object.prototype.hasOwnProperty;
  var INTERNAL_KEYS = ["_h", "_i", "_j", "_k"];
  var STATES = ["pending", "fulfilled", "rejected"];

  var rejected = [];

  NativePromise._m = function (promise) {
    if (promise._h === 0) rejected.push(promise);
  };
  NativePromise._l = function (promise) {
    if (promise._i !== 2) return;
    for (var i = 0; i < rejected.length; i++) {
      if (rejected[i] === promise) {
        rejected.splice(i, 1);
        return;
      }
    }
  };

  function isPromise(value) {
    return hasOwn.call(value, "_i") && isPrototypeOf.call(NativePromise.prototype, value);
  }

  return {
    print: print,
    enqueueJob: function (job) {
      enqueueJob(job);
    },
    promiseState: function (value) {
      if (!isPromise(value)) return undefined;
      var target = value;
      while (target._i === 3) target = target._j;
      return { state: STATES[target._i], result: target._j, internalKeys: INTERNAL_KEYS };
    },
    unhandledRejections: function () {
      var list = rejected;
      rejected = [];
      return list;
    },
    /** Calls `turn` on each of the CLI's timer ticks until it returns false. */
    drive: function (turn) {
      function tick() {
        if (turn()) nativeSetTimeout(tick, 0);
      }
      nativeSetTimeout(tick, 0);
    }
  };
})(this);
