// The host that compiled fixtures run on in Duktape and mujs: what a browser
// or Node gives a script and these engines do not. It is loaded first, as a
// plain ES5 script, before the program:
//
// - a Promise that follows the specification's jobs exactly (so microtask
//   ordering matches native): reactions queued in FIFO order, a thenable
//   resolved through its own job, `then` on a settled promise queueing its
//   job at once, species constructors, tracking of unhandled rejections;
// - an event loop: the microtask queue, then timers (virtual time:
//   ../node-host.js, loaded before this file, installs `setTimeout`,
//   `setInterval` and their `clear…`), and Node's reports of uncaught errors
//   and unhandled rejections;
// - `queueMicrotask`, `globalThis`;
// - `console.log` on the engine's `print`, formatting values as Node does
//   (console.js, loaded after this file).
//
// The program's end is marked by `__host.run()` (run.js), which drains the
// queue and the timers. Everything the host reports about how the program
// ended goes to stdout on a line starting with HOST_MARK, which the runner
// strips (test/support/es5/engines.ts).

var __host = (function (global) {
  "use strict";

  var HOST_MARK = "\u0001host:";
  var hasSymbol = typeof Symbol === "function" && typeof Symbol() === "symbol";
  var speciesSymbol = hasSymbol && typeof Symbol.species === "symbol" ? Symbol.species : undefined;
  var toStringTagSymbol = hasSymbol && typeof Symbol.toStringTag === "symbol" ? Symbol.toStringTag : undefined;
  var iteratorSymbol = hasSymbol && typeof Symbol.iterator === "symbol" ? Symbol.iterator : undefined;
  var defineProperty = Object.defineProperty;
  var hasOwn = Object.prototype.hasOwnProperty;
  var write = print;

  if (typeof global.globalThis !== "object") {
    defineProperty(global, "globalThis", { value: global, writable: true, configurable: true, enumerable: false });
  }

  function hidden(target, key, value) {
    defineProperty(target, key, { value: value, writable: true, enumerable: false, configurable: true });
  }

  function isObject(value) {
    return (typeof value === "object" && value !== null) || typeof value === "function";
  }

  // ---- the job queue ------------------------------------------------------

  // Jobs are stored flat, three slots each (function, two arguments), so
  // queueing one allocates nothing: these engines are slow interpreters and
  // some programs await 100,000 times.
  var jobs = [];
  var head = 0;

  function enqueue(job, a, b) {
    jobs.push(job, a, b);
  }

  /** Runs jobs until the queue is empty. A job that throws is an uncaught exception. */
  function drain() {
    while (head < jobs.length) {
      var job = jobs[head];
      var a = jobs[head + 1];
      var b = jobs[head + 2];
      jobs[head] = jobs[head + 1] = jobs[head + 2] = undefined;
      head += 3;
      if (head > 3072 && head * 2 > jobs.length) {
        jobs = jobs.slice(head);
        head = 0;
      }
      job(a, b);
    }
  }

  // ---- Promise ------------------------------------------------------------

  var PENDING = 0;
  var FULFILLED = 1;
  var REJECTED = 2;
  var SLOT = "__promiseState";

  /** Promises rejected with no handler, in the order they were rejected. */
  var unhandled = [];

  function state(value) {
    return isObject(value) && hasOwn.call(value, SLOT) ? value[SLOT] : undefined;
  }

  function describe(value) {
    if (typeof value === "function") return "function";
    if (isObject(value)) return "#<Object>";
    return String(value);
  }

  function initialize(promise) {
    hidden(promise, SLOT, { state: PENDING, result: undefined, reactions: [], handled: false });
  }

  function Promise(executor) {
    var promise = this;
    // Called as `Promise.call(this, executor)` by an ES5-compiled subclass
    // constructor, `this` is the subclass instance being built.
    if (!(promise instanceof Promise) || hasOwn.call(promise, SLOT)) {
      throw new TypeError("Promise constructor cannot be invoked without 'new'");
    }
    if (typeof executor !== "function") throw new TypeError("Promise resolver " + describe(executor) + " is not a function");
    initialize(promise);
    var resolving = createResolvingFunctions(promise);
    try {
      executor(resolving.resolve, resolving.reject);
    } catch (error) {
      resolving.reject(error);
    }
  }

  /** The promise `new Promise(executor)` makes, made without an executor (nothing can observe the difference). */
  function createPromise() {
    var promise = Object.create(Promise.prototype);
    initialize(promise);
    return promise;
  }

  function createResolvingFunctions(promise) {
    var alreadyResolved = false;
    var resolve = function (resolution) {
      if (alreadyResolved) return;
      alreadyResolved = true;
      resolvePromise(promise, resolution);
    };
    var reject = function (reason) {
      if (alreadyResolved) return;
      alreadyResolved = true;
      rejectPromise(promise, reason);
    };
    return { resolve: resolve, reject: reject };
  }

  /** What a promise's resolve function does once it is called for the first time. */
  function resolvePromise(promise, resolution) {
    if (resolution === promise) return rejectPromise(promise, new TypeError("Chaining cycle detected for promise #<Promise>"));
    if (!isObject(resolution)) return fulfillPromise(promise, resolution);
    var then;
    try {
      then = resolution.then;
    } catch (error) {
      return rejectPromise(promise, error);
    }
    if (typeof then !== "function") return fulfillPromise(promise, resolution);
    enqueue(resolveThenableJob, promise, { thenable: resolution, then: then });
  }

  function resolveThenableJob(promise, job) {
    var resolving = createResolvingFunctions(promise);
    try {
      job.then.call(job.thenable, resolving.resolve, resolving.reject);
    } catch (error) {
      resolving.reject(error);
    }
  }

  function settle(promise, newState, value) {
    var record = promise[SLOT];
    var reactions = record.reactions;
    var job = newState === FULFILLED ? fulfillJob : rejectJob;
    record.state = newState;
    record.result = value;
    record.reactions = undefined;
    if (newState === REJECTED && !record.handled) trackRejection(promise);
    for (var i = 0; i < reactions.length; i++) enqueue(job, reactions[i], value);
  }

  /** Remembers a rejection with no handler yet; handled ones are dropped now and then, so the list stays short. */
  function trackRejection(promise) {
    if (unhandled.length >= unhandledLimit) {
      var still = [];
      for (var i = 0; i < unhandled.length; i++) if (!unhandled[i][SLOT].handled) still.push(unhandled[i]);
      unhandled = still;
      unhandledLimit = Math.max(1024, still.length * 2);
    }
    unhandled.push(promise);
  }

  var unhandledLimit = 1024;

  function fulfillPromise(promise, value) {
    settle(promise, FULFILLED, value);
  }

  function rejectPromise(promise, reason) {
    settle(promise, REJECTED, reason);
  }

  // A reaction is { capability, onFulfilled, onRejected }, one record for
  // the spec's pair of reactions; the job says which of the two runs.
  function fulfillJob(reaction, value) {
    runReaction(reaction.capability, reaction.onFulfilled, value, true);
  }

  function rejectJob(reaction, reason) {
    runReaction(reaction.capability, reaction.onRejected, reason, false);
  }

  function runReaction(capability, handler, argument, ok) {
    var result = argument;
    if (handler !== undefined) {
      try {
        result = handler(argument);
        ok = true;
      } catch (error) {
        result = error;
        ok = false;
      }
    }
    if (capability.resolve === undefined) {
      // A capability of our own Promise that no code outside sees: its
      // promise is resolved directly, as its resolve function would.
      if (ok) resolvePromise(capability.promise, result);
      else rejectPromise(capability.promise, result);
    } else if (ok) capability.resolve(result);
    else capability.reject(result);
  }

  function isConstructor(value) {
    return typeof value === "function";
  }

  /**
   * NewPromiseCapability(C). With `internal`, a capability of %Promise% whose
   * resolving functions would never be seen by other code is made without
   * them (its `resolve` is undefined).
   */
  function newPromiseCapability(C, internal) {
    if (internal && C === Promise) return { promise: createPromise(), resolve: undefined, reject: undefined };
    if (!isConstructor(C)) throw new TypeError(describe(C) + " is not a constructor");
    var capability = { promise: undefined, resolve: undefined, reject: undefined };
    capability.promise = new C(function (resolve, reject) {
      if (capability.resolve !== undefined || capability.reject !== undefined) {
        throw new TypeError("Promise executor has already been invoked with non-undefined arguments");
      }
      capability.resolve = resolve;
      capability.reject = reject;
    });
    if (typeof capability.resolve !== "function") throw new TypeError("Promise resolve or reject function is not callable");
    if (typeof capability.reject !== "function") throw new TypeError("Promise resolve or reject function is not callable");
    return capability;
  }

  function speciesConstructor(object, defaultConstructor) {
    var C = object.constructor;
    if (C === undefined) return defaultConstructor;
    if (!isObject(C)) throw new TypeError("The .constructor property is not an object");
    // Without Symbol.species, %Promise%[@@species] (which returns `this`)
    // is what every constructor would inherit: C itself.
    if (speciesSymbol === undefined) return C;
    var S = C[speciesSymbol];
    if (S === undefined || S === null) return defaultConstructor;
    if (isConstructor(S)) return S;
    throw new TypeError("object.constructor[Symbol.species] is not a constructor");
  }

  function performThen(promise, onFulfilled, onRejected, capability) {
    var record = promise[SLOT];
    var reaction = {
      capability: capability,
      onFulfilled: typeof onFulfilled === "function" ? onFulfilled : undefined,
      onRejected: typeof onRejected === "function" ? onRejected : undefined
    };
    if (record.state === PENDING) record.reactions.push(reaction);
    else enqueue(record.state === FULFILLED ? fulfillJob : rejectJob, reaction, record.result);
    record.handled = true;
    return capability.promise;
  }

  function promiseResolve(C, value) {
    if (state(value) && value.constructor === C) return value;
    var capability = newPromiseCapability(C, true);
    if (capability.resolve === undefined) resolvePromise(capability.promise, value);
    else capability.resolve(value);
    return capability.promise;
  }

  function method(target, name, fn) {
    hidden(target, name, fn);
  }

  method(Promise.prototype, "then", function then(onFulfilled, onRejected) {
    if (!state(this)) throw new TypeError("Method Promise.prototype.then called on incompatible receiver " + describe(this));
    var capability = newPromiseCapability(speciesConstructor(this, Promise), true);
    return performThen(this, onFulfilled, onRejected, capability);
  });

  method(Promise.prototype, "catch", function (onRejected) {
    return this.then(undefined, onRejected);
  });

  method(Promise.prototype, "finally", function (onFinally) {
    var promise = this;
    if (!isObject(promise)) throw new TypeError("Promise.prototype.finally called on a non-object");
    var C = speciesConstructor(promise, Promise);
    if (typeof onFinally !== "function") return promise.then(onFinally, onFinally);
    return promise.then(
      function (value) {
        return promiseResolve(C, onFinally()).then(function () {
          return value;
        });
      },
      function (reason) {
        return promiseResolve(C, onFinally()).then(function () {
          throw reason;
        });
      }
    );
  });

  method(Promise, "resolve", function resolve(value) {
    if (!isObject(this)) throw new TypeError("PromiseResolve called on non-object");
    return promiseResolve(this, value);
  });

  method(Promise, "reject", function reject(reason) {
    var capability = newPromiseCapability(this, true);
    if (capability.resolve === undefined) rejectPromise(capability.promise, reason);
    else capability.reject(reason);
    return capability.promise;
  });

  /** Calls `each(value)` for every value `iterable` yields: the iteration protocol, or indices of an array without one. */
  function iterate(iterable, each) {
    var getIterator = iterable === null || iterable === undefined ? undefined : iteratorSymbol ? iterable[iteratorSymbol] : undefined;
    if (getIterator === undefined && iterable !== null && iterable !== undefined) getIterator = iterable["@@iterator"];
    if (getIterator === undefined) {
      if (Object.prototype.toString.call(iterable) === "[object Array]" || typeof iterable === "string") {
        for (var i = 0; i < iterable.length; i++) each(iterable[i]);
        return;
      }
      throw new TypeError(describe(iterable) + " is not iterable");
    }
    var iterator = getIterator.call(iterable);
    for (;;) {
      var step = iterator.next();
      if (!isObject(step)) throw new TypeError("Iterator result " + describe(step) + " is not an object");
      if (step.done) return;
      try {
        each(step.value);
      } catch (error) {
        if (typeof iterator["return"] === "function") {
          try {
            iterator["return"]();
          } catch (ignored) {
            // The first error wins.
          }
        }
        throw error;
      }
    }
  }

  /** Promise.all, allSettled and race: `handle` subscribes to each element's promise. */
  function combinator(name, handle, resolvesWhenDone) {
    method(Promise, name, function (iterable) {
      var C = this;
      var capability = newPromiseCapability(C);
      try {
        var resolveFn = C.resolve;
        if (typeof resolveFn !== "function") throw new TypeError("Promise resolve or reject function is not callable");
        var values = [];
        var remaining = { count: 1 };
        var index = 0;
        iterate(iterable, function (value) {
          handle(resolveFn.call(C, value), capability, values, index++, remaining);
        });
        if (resolvesWhenDone && --remaining.count === 0) capability.resolve(values);
      } catch (error) {
        capability.reject(error);
      }
      return capability.promise;
    });
  }

  /** The function that records one element's outcome, once, and resolves when it was the last. */
  function elementSettler(capability, values, index, remaining) {
    var called = false;
    values.push(undefined);
    remaining.count++;
    return function (entry) {
      if (called) return;
      called = true;
      values[index] = entry;
      if (--remaining.count === 0) capability.resolve(values);
    };
  }

  combinator(
    "all",
    function (next, capability, values, index, remaining) {
      var settle = elementSettler(capability, values, index, remaining);
      next.then(function (value) {
        settle(value);
      }, capability.reject);
    },
    true
  );

  combinator(
    "allSettled",
    function (next, capability, values, index, remaining) {
      var settle = elementSettler(capability, values, index, remaining);
      next.then(
        function (value) {
          settle({ status: "fulfilled", value: value });
        },
        function (reason) {
          settle({ status: "rejected", reason: reason });
        }
      );
    },
    true
  );

  combinator(
    "race",
    function (next, capability) {
      next.then(capability.resolve, capability.reject);
    },
    false
  );

  hidden(Promise.prototype, "constructor", Promise);
  if (toStringTagSymbol) defineProperty(Promise.prototype, toStringTagSymbol, { value: "Promise", configurable: true });
  if (speciesSymbol) {
    defineProperty(Promise, speciesSymbol, {
      get: function () {
        return this;
      },
      configurable: true,
    });
  }
  hidden(global, "Promise", Promise);

  // ---- the event loop -------------------------------------------------------

  function callMicrotask(callback) {
    callback();
  }

  hidden(global, "queueMicrotask", function queueMicrotask(callback) {
    if (typeof callback !== "function") throw new TypeError('The "callback" argument must be of type function. Received ' + describe(callback));
    enqueue(callMicrotask, callback);
  });
  function Fatal(line) {
    this.line = line;
  }

  /** Node checks for unhandled rejections each time the microtask queue has drained. */
  function checkRejections() {
    var pending = unhandled;
    unhandled = [];
    for (var i = 0; i < pending.length; i++) {
      var record = pending[i][SLOT];
      if (!record.handled) throw new Fatal(__node.errorLine(record.result, true));
    }
  }

  function turn(task) {
    try {
      if (task) task();
      drain();
      checkRejections();
    } catch (error) {
      if (error instanceof Fatal) throw error;
      throw new Fatal(__node.errorLine(error, false));
    }
  }

  /** Set when the program's top-level code threw (as an ES module, the queue still drains first; as a CommonJS script, not). */
  var uncaughtAtTop;

  function run() {
    try {
      if (uncaughtAtTop) {
        try {
          if (uncaughtAtTop.drainFirst) drain();
        } catch (ignored) {
          // Node reports the module's own error.
        }
        throw new Fatal(__node.errorLine(uncaughtAtTop.error, false));
      }
      turn();
      for (;;) {
        var timer = __node.nextTimer();
        if (!timer) break;
        turn(function () {
          timer.callback.apply(undefined, timer.args);
        });
      }
    } catch (error) {
      if (!(error instanceof Fatal)) throw error;
      write(HOST_MARK + "error:" + error.line);
      write(HOST_MARK + "exit:1");
      return;
    }
    write(HOST_MARK + "exit:0");
  }

  var host = {
    /** Node's util.inspect, set by console.js. */
    inspect: String,
    run: run,
    moduleThrew: function (error) {
      uncaughtAtTop = { error: error, drainFirst: true };
    },
    scriptThrew: function (error) {
      uncaughtAtTop = { error: error, drainFirst: false };
    },
    promiseState: function (value) {
      var record = state(value);
      if (!record) return undefined;
      return { state: record.state === PENDING ? "pending" : record.state === FULFILLED ? "fulfilled" : "rejected", result: record.result };
    }
  };
  return host;
})(this);
