// What the hosts that run compiled programs on other engines (es5/host.js
// for Duktape and mujs, engines/host.js for Hermes and QuickJS) give a
// program as Node does, the same for both. Each host loads this script first.
//
// Timers in virtual time: it installs setTimeout, setInterval, clearTimeout
// and clearInterval on the global object and leaves `__node.nextTimer()` for
// the host's event loop.
// Time does not pass: a timer is due at the virtual time it was set plus its
// delay, and the loop takes the one due first (of those due together, the
// first set), as Node orders them; an interval is set again for its next
// time as it is taken. A delay outside 1 to 2^31 - 1 ms is 1 ms, as in Node.
//
// Node's report of how a program ended: `__node.errorLine(error, rejection)`
// is the "Name: message" line Node prints for an uncaught exception or an
// unhandled rejection.
//
// Plain ES5, loaded as a script before the host.

var __node = (function (global) {
  "use strict";

  var timers = [];
  var timerSeq = 0;
  var now = 0;

  function isObject(value) {
    return (typeof value === "object" && value !== null) || typeof value === "function";
  }

  /** How Node names a value that is not a function in its argument errors. */
  function describe(value) {
    if (typeof value === "function") return "function";
    if (isObject(value)) return "#<Object>";
    return String(value);
  }

  function add(callback, delay, args, repeat) {
    if (typeof callback !== "function") throw new TypeError('The "callback" argument must be of type function. Received ' + describe(callback));
    delay = Number(delay);
    if (!(delay >= 1 && delay <= 2147483647)) delay = 1;
    var timer = { id: ++timerSeq, due: now + delay, seq: timerSeq, callback: callback, args: args, repeat: repeat ? delay : 0 };
    timers.push(timer);
    return timer.id;
  }

  function remove(id) {
    for (var i = 0; i < timers.length; i++) {
      if (timers[i].id === id) {
        timers.splice(i, 1);
        return;
      }
    }
  }

  /** Takes the timer due first and makes its time the current one; undefined when none is left. */
  function next() {
    var best = -1;
    for (var i = 0; i < timers.length; i++) {
      var t = timers[i];
      if (best < 0 || t.due < timers[best].due || (t.due === timers[best].due && t.seq < timers[best].seq)) best = i;
    }
    if (best < 0) return undefined;
    var timer = timers.splice(best, 1)[0];
    now = timer.due;
    if (timer.repeat) {
      timer.due = now + timer.repeat;
      timers.push(timer);
    }
    return timer;
  }

  function install(name, fn) {
    Object.defineProperty(global, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  install("setTimeout", function setTimeout(callback, delay) {
    return add(callback, delay, Array.prototype.slice.call(arguments, 2), false);
  });
  install("setInterval", function setInterval(callback, delay) {
    return add(callback, delay, Array.prototype.slice.call(arguments, 2), true);
  });
  install("clearTimeout", function clearTimeout(id) {
    remove(id);
  });
  install("clearInterval", function clearInterval(id) {
    remove(id);
  });

  /** The "Name: message" line Node prints for an uncaught exception or unhandled rejection. */
  function errorLine(error, rejection) {
    if (isObject(error) && error instanceof Error) {
      var name = String(error.name);
      var message = error.message === undefined ? "" : String(error.message);
      return message ? name + ": " + message : name;
    }
    if (rejection) {
      return (
        "UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, " +
        'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
        plainString(error) +
        '".'
      );
    }
    return "Uncaught " + plainString(error);
  }

  /** A value as V8 puts it in a message: objects as #<Constructor> (named from its source where functions have no `name`). */
  function plainString(value) {
    if (typeof value === "symbol") return value.toString();
    if (!isObject(value)) return String(value);
    var constructor = value.constructor;
    var name = typeof constructor === "function" ? constructor.name || /^\s*function\s*([^\s(]*)/.exec(Function.prototype.toString.call(constructor))[1] : "";
    return "#<" + (name || "Object") + ">";
  }

  return { nextTimer: next, errorLine: errorLine };
})(this);
