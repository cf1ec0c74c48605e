// QuickJS's part of the host (host.js reads it as `__engine`): its own
// Promise and job queue, and what the driver (quickjs.ts) gives the program
// from outside the engine as `__quickjs`: `print(line)` and
// `promiseState(value)` (QuickJS's own view of a promise, through
// quickjs-emscripten), removed from the global object here.
//
// quickjs-emscripten gives no way to queue a job from outside the engine, so
// `enqueueJob` resolves a promise with a thenable of its own: the engine
// queues exactly one job for that (PromiseResolveThenableJob), which calls
// the thenable's `then`, and nothing the program can change (Promise.prototype.then,
// Promise[Symbol.species]) is read on the way. It has no way either to tell
// the host of a promise rejected with no handler (the engine's
// JSHostPromiseRejectionTracker is not exposed), so there is no
// `unhandledRejections`: see the limitations list.
//
// Plain ES5, loaded first.

var __engine = (function (global, native) {
  "use strict";

  var NativePromise = global.Promise;
  delete global.__quickjs;

  return {
    print: native.print,
    enqueueJob: function (job) {
      new NativePromise(function (resolve) {
        resolve({
          then: function () {
            job();
          }
        });
      });
    },
    promiseState: function (value) {
      return native.promiseState(value);
    }
  };
})(this, __quickjs);
