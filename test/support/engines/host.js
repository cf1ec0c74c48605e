// The host that compiled fixtures run on in Hermes and QuickJS. Unlike
// Duktape and mujs (test/support/es5/host.js), these engines have a Promise
// and a job queue of their own, and those are what the program uses; what
// they lack is what Node gives a program around them:
//
// - timers in virtual time and Node's "Name: message" line (../node-host.js,
//   loaded before this file); each timer is
//   followed by the jobs it queued;
// - `queueMicrotask`, on the engine's own job queue;
// - Node's end of a program: an uncaught exception, or a promise still
//   rejected with no handler once the jobs have run, ends it with status 1
//   and the "Name: message" line Node prints;
// - `console.log` (the ES5 host's console.js, loaded after this file).
//
// The engine's part is given in `__engine`, defined before this file:
//
//   print(line)               writes a line to stdout
//   enqueueJob(fn)            queues `fn` as a job on the engine's job queue
//   promiseState(value)       { state, result, internalKeys } for one of the
//                             engine's promises, undefined for anything else
//   unhandledRejections()     (optional) the promises rejected with no handler
//                             and still without one; without it, an unhandled
//                             rejection goes unnoticed
//
// The driver calls `__host.turn()` each time the engine's job queue is empty,
// until it returns false. A turn reports a pending error or runs the next
// timer. How the program ended goes to stdout on lines starting with
// HOST_MARK, as the ES5 host reports it.
//
// Plain ES5, loaded as a script before the program.

var __host = (function (global, engine) {
  "use strict";

  var HOST_MARK = "\u0001host:";
  var print = engine.print;
  var defineProperty = Object.defineProperty;

  function hidden(name, value) {
    defineProperty(global, name, { value: value, writable: true, enumerable: false, configurable: true });
  }

  function isObject(value) {
    return (typeof value === "object" && value !== null) || typeof value === "function";
  }

  function describe(value) {
    if (typeof value === "function") return "function";
    if (isObject(value)) return "#<Object>";
    return String(value);
  }

  /** The line that ends the program, once something ended it; nothing is printed after it. */
  var fatal = null;

  function write(line) {
    if (fatal === null) print(line);
  }

  // ---- how Node reports the end of a program ----------------------------------

  function uncaught(error, rejection) {
    if (fatal === null) fatal = __node.errorLine(error, rejection);
  }

  // ---- jobs ---------------------------------------------------------------------

  hidden("queueMicrotask", function queueMicrotask(callback) {
    if (typeof callback !== "function") throw new TypeError('The "callback" argument must be of type function. Received ' + describe(callback));
    engine.enqueueJob(function () {
      if (fatal !== null) return;
      try {
        callback();
      } catch (error) {
        uncaught(error, false);
      }
    });
  });

  // ---- the event loop ----------------------------------------------------------------

  /** An exception from the program's top-level code: a module's is reported once the jobs ran, a script's at once. */
  var topLevelError = null;

  /** Whether the program has ended; the driver stops calling turn. */
  var ended = false;

  function end() {
    ended = true;
    if (fatal !== null) {
      print(HOST_MARK + "error:" + fatal);
      print(HOST_MARK + "exit:1");
    } else {
      print(HOST_MARK + "exit:0");
    }
    return false;
  }

  /** Called each time the engine's job queue is empty: true while the program goes on. */
  function turn() {
    if (ended) return false;
    if (topLevelError !== null) {
      uncaught(topLevelError.error, false);
      return end();
    }
    if (fatal === null && engine.unhandledRejections) {
      var rejected = engine.unhandledRejections();
      if (rejected.length > 0) uncaught(engine.promiseState(rejected[0]).result, true);
    }
    if (fatal !== null) return end();
    var timer = __node.nextTimer();
    if (!timer) return end();
    try {
      timer.callback.apply(undefined, timer.args);
    } catch (error) {
      uncaught(error, false);
    }
    return true;
  }

  return {
    /** Node's util.inspect, set by console.js. */
    inspect: String,
    write: write,
    turn: turn,
    moduleThrew: function (error) {
      topLevelError = { error: error };
    },
    scriptThrew: function (error) {
      uncaught(error, false);
    },
    promiseState: function (value) {
      return isObject(value) ? engine.promiseState(value) : undefined;
    }
  };
})(this, __engine);
