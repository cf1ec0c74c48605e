// Every fixture that does not run alike on an engine, grouped by why.
//
// Only reasons outside awaitless belong here: the engine lacks a built-in or
// a piece of syntax, or behaves otherwise than the specification or V8
// (its own error messages, function source, its Promise's jobs); the build
// for it (@babel/preset-env for ES5) changes what a program prints; or the
// program needs what only Node gives (its modules, `process`). A fixture
// that differs because the compiler or the runtime is wrong is never listed:
// its test fails until the bug is fixed.
//
// Each limitation has a repro: a small program without awaitless (no async
// function, generator, `await`, `yield` or `using`) that shows the same
// difference. test/engine-limitations.test.ts builds it for each engine the
// limitation names as a build for that engine would (buildPlain in
// engines.ts: preset-env for the ES5 engines and Hermes, nothing for the
// others), runs it there and on Node 20, and requires the two to differ: a
// limitation that a new version of an engine lifts fails there, and its
// fixtures can go back to running. The test also requires Node to run the
// repro without an uncaught error (unless `endsWithError` says it is the
// point), so that a repro cannot "differ" by being broken.
//
// The fixtures run on Duktape and mujs in test/es5-engines.test.ts, on Node
// 24, Hermes and QuickJS in test/engines.test.ts; both skip what is listed
// here, naming the reasons.

import type { EngineName } from "./engines.js";

export interface Limitation {
  /** What the engine (or its build, or its host) does otherwise than Node. */
  reason: string;
  /** The fixtures it keeps from running alike, per engine. */
  fixtures: Partial<Record<EngineName, string[]>>;
  /** A program without awaitless that prints otherwise on each of those engines than on Node. */
  repro: string;
  /** The repro is a CommonJS script, not an ES module (sloppy-mode behaviour). */
  script?: true;
  /** The repro ends with an uncaught error on Node, which is what it shows. */
  endsWithError?: true;
}

const ALL_BUT_NODE24 = ["duktape", "mujs", "hermes", "quickjs"] as const;

function on(engines: readonly EngineName[], fixtures: string[]): Partial<Record<EngineName, string[]>> {
  return Object.fromEntries(engines.map((engine) => [engine, fixtures]));
}

export const LIMITATIONS: Record<string, Limitation> = {
  // ---- what only Node has --------------------------------------------------------

  "node modules": {
    reason: "uses import.meta and import() of Node's own modules (node:path), which need Node's module loader",
    fixtures: on(ALL_BUT_NODE24, ["expr-import-meta-dynamic"]),
    repro: `
      console.log("meta url is a file URL:", String(import.meta.url).slice(0, 5) === "file:");
      import("node:path").then(
        (path) => console.log("node:path joins", path.posix.join("a", "b")),
        (error) => console.log("import() failed:", error instanceof Error),
      );
    `,
  },
  "process": {
    reason: "reads `process` (a Node API)",
    fixtures: on(ALL_BUT_NODE24, ["runtime-handled-rejection"]),
    repro: `
      console.log(typeof process);
    `,
  },

  // ---- what the engine lacks ---------------------------------------------------------

  "BigInt": {
    reason: "uses BigInt literals (ES2020), which the engine cannot parse",
    fixtures: on(["duktape", "mujs"], ["expr-comma-unary"]),
    repro: `
      console.log("before");
      console.log(typeof 10n, 10n * 10n);
    `,
  },
  "Map": {
    reason: "needs Map (ES2015), which the engine lacks",
    fixtures: on(["duktape", "mujs"], ["expr-new", "stmt-for-of"]),
    repro: `
      console.log(typeof Map);
      console.log(new Map([["a", 1]]).get("a"));
    `,
  },
  "WeakMap for private members": {
    reason: "has private class members, which Babel compiles to WeakMap and WeakSet (ES2015), which the engine lacks",
    fixtures: on(["duktape", "mujs"], ["expr-private-in", "fn-class-field-arrow", "fn-class-methods", "fn-class-method-identity", "scope-loop-class-closures"]),
    repro: `
      class Counter {
        #count = 1;
        next() { return this.#count++; }
      }
      console.log(typeof WeakMap);
      console.log(new Counter().next());
    `,
  },
  "Object.entries": {
    reason: "needs Object.entries (ES2017), which the engine lacks",
    fixtures: on(["duktape", "mujs"], ["fn-length-name", "fn-name-inference"]),
    repro: `
      console.log(typeof Object.entries);
      console.log(Object.entries({ a: 1 }));
    `,
  },
  "Object.hasOwn": {
    reason: "needs Object.hasOwn (ES2022), which the engine lacks",
    fixtures: { mujs: ["fn-super-in-arrow"] },
    repro: `
      console.log(typeof Object.hasOwn);
      console.log(Object.hasOwn({ a: 1 }, "a"));
    `,
  },
  "Object.assign": {
    reason: "needs Object.assign (ES2015), which the engine lacks",
    fixtures: { mujs: ["runtime-nested-thenables"] },
    repro: `
      console.log(typeof Object.assign);
      console.log(Object.assign({}, { a: 1 }));
    `,
  },
  "Array.from for spread": {
    reason: "spreads iterables, for which Babel's ES5 helper needs Array.from (ES2015), which the engine lacks",
    fixtures: { duktape: ["expr-spread"] },
    repro: `
      const pair = { [Symbol.iterator]: () => [1, 2][Symbol.iterator]() };
      console.log(typeof Array.from);
      console.log([0, ...pair]);
    `,
  },
  "Symbol": {
    reason: "needs Symbol (ES2015), which the engine lacks",
    fixtures: {
      mujs: [
        "expr-destructuring-array",
        "expr-spread",
        "fn-object-methods",
        "runtime-names-survive-minify",
        "runtime-promise-lookups",
        "stmt-for-of-close",
        "stmt-for-of-close-errors",
        "stmt-for-of-iterator-errors",
        "stmt-try-finally-native-exit-throws",
      ],
    },
    repro: `
      console.log(typeof Symbol);
      console.log(typeof Symbol.iterator);
    `,
  },
  "Symbol.species": {
    reason: "watches Promise[Symbol.species] (ES2015), which the engine lacks",
    fixtures: on(["duktape", "hermes"], ["runtime-promise-lookups"]),
    repro: `
      console.log(typeof Symbol.species);
      console.log(Object.getOwnPropertyDescriptor(Promise, Symbol.species) !== undefined);
    `,
  },
  "Symbol.asyncIterator": {
    reason: "reads Symbol.asyncIterator (ES2018), which the engine lacks",
    fixtures: on(["duktape", "hermes"], ["runtime-names-survive-minify"]),
    repro: `
      console.log(typeof Symbol.asyncIterator);
    `,
  },
  "Symbol.dispose": {
    reason:
      "names Symbol.dispose and Symbol.asyncDispose, which the engine lacks (the runtime then uses Symbol.for(\"Symbol.dispose\"); defining the well-known ones is a polyfill's job)",
    fixtures: on(ALL_BUT_NODE24, ["stmt-using-exits", "stmt-await-using-exits"]),
    repro: `
      console.log(typeof Symbol === "function" && typeof Symbol.dispose, typeof Symbol === "function" && typeof Symbol.asyncDispose);
    `,
  },
  "Proxy": {
    reason: "needs Proxy (ES2015), which the engine lacks",
    fixtures: {
      mujs: ["expr-assignment-order", "expr-compound-assignment", "expr-destructuring-assignment", "expr-destructuring-rest-live-properties", "expr-logical-assignment", "expr-update"],
    },
    repro: `
      console.log(typeof Proxy);
      console.log(new Proxy({}, { get: (target, key) => "trapped " + key }).x);
    `,
  },
  "function names": {
    reason: "reads functions' `name` (e.g. `e.constructor.name`), which the engine does not have",
    fixtures: {
      mujs: [
        "async-generator-yield-literal",
        "expr-class-expression",
        "expr-operands-stable-locals",
        "expr-optional-chain-short-circuit",
        "expr-unresolvable-references",
        "fn-arrow-new-target",
        "fn-class-method-identity",
        "fn-declaration-forms",
        "fn-exported",
        "fn-super-property",
        "runtime-error-before-first-await",
        "runtime-error-in-parameters",
        "runtime-names-survive-minify",
        "runtime-return-self-promise",
        "scope-const-assign",
        "scope-const-destructuring-assign",
        "scope-loop-class-closures",
        "scope-name-collisions",
        "scope-parameter-body-environments",
        "scope-tdz",
        "scope-tdz-assignment",
        "stmt-class-declaration",
        "stmt-for-of-close-errors",
        "stmt-for-of-iterator-errors",
        "stmt-throw",
        "stmt-try-catch",
        "stmt-try-finally-throw-override",
      ],
    },
    repro: `
      function named() {}
      console.log(named.name, new TypeError("x").constructor.name);
    `,
  },
  "setting a prototype": {
    reason: "a class inherits from another class's constructor (statics, Object.getPrototypeOf(C)), which needs Object.setPrototypeOf or __proto__; the engine has neither",
    fixtures: { mujs: ["expr-class-expression", "runtime-await-promise-subclass"] },
    repro: `
      class Base { static create() { return "static inherited"; } }
      class Derived extends Base {}
      console.log(typeof Object.setPrototypeOf, Object.getPrototypeOf(Derived) === Base);
      console.log(Derived.create());
    `,
  },

  // ---- where the engine behaves otherwise ----------------------------------------------------

  "error messages": {
    reason: "prints the message of an error the engine raises itself, which it words otherwise than V8",
    fixtures: on(ALL_BUT_NODE24, ["expr-operands-stable-locals", "runtime-error-before-first-await"]),
    repro: `
      try { undefinedFunction(); } catch (e) { console.log(e.message); }
      try { const fn = undefined; fn(); } catch (e) { console.log(e.message); }
    `,
  },
  "function source": {
    reason: "prints a function's source text, which the engine's Function.prototype.toString (and for ES5, Babel's output) show otherwise",
    fixtures: on(["duktape", "mujs", "hermes"], ["expr-call-arguments-order"]),
    repro: `
      const replaced = () => console.log("replaced callee");
      console.log(String(replaced));
    `,
  },
  "__proto__ in object literals": {
    reason:
      "sets a prototype with `__proto__:` in an object literal that also has computed keys, which preset-env's ES5 output defines as an own property named __proto__ (Object.defineProperty)",
    fixtures: on(["duktape", "mujs", "hermes"], ["expr-object-literal"]),
    repro: `
      const key = "computed";
      const o = { [key]: 1, __proto__: { inherited: true } };
      console.log(Object.keys(o), o.inherited);
    `,
  },
  "key order": {
    reason: "prints object keys in the order they were added; the engine enumerates properties sorted by name",
    fixtures: { mujs: ["expr-object-literal", "fn-super-compound-assign", "scope-own-code-computed-keys", "stmt-for-in"] },
    repro: `
      console.log(Object.keys({ b: 1, a: 2, c: 3 }));
    `,
  },
  "array holes": {
    reason: "gives the holes of an array literal (`[, 'x']`) own elements",
    fixtures: { mujs: ["expr-array-literal"] },
    repro: `
      const holes = [, "x"];
      console.log(0 in holes, holes);
    `,
  },
  "names of computed methods": {
    reason: "prints the names of methods with computed or non-identifier keys, which preset-env's ES5 output does not keep",
    fixtures: { duktape: ["fn-object-methods"], hermes: ["fn-class-methods", "fn-object-methods"] },
    repro: `
      const key = "computedMethod";
      const o = { [key]() {}, "with space"() {} };
      class C { [key]() {} }
      console.log(o[key].name, o["with space"].name, C.prototype[key].name);
    `,
  },
  "unmapped arguments": {
    reason: "the engine does not map a sloppy function's `arguments` to its parameters",
    fixtures: on(["mujs", "hermes"], ["fn-sloppy-this-arguments", "fn-sloppy-arguments-unmapped", "scope-arguments-binding"]),
    script: true,
    repro: `
      function direct(a) { a = "changed"; return arguments[0]; }
      function throughClosure(a) { (function () { a = "changed"; })(); return arguments[0]; }
      console.log(direct("a"), throughClosure("a"));
    `,
  },
  "arguments.callee in strict code": {
    reason: "the engine lets strict code read `arguments.callee`, which throws a TypeError",
    fixtures: { mujs: ["fn-sloppy-arguments-unmapped"] },
    repro: `
      function strict() { "use strict"; try { return typeof arguments.callee; } catch (e) { return e.name; } }
      console.log(strict());
    `,
  },
  "assigning a function expression's name": {
    reason: "the engine lets strict code assign to a named function expression's own name (no TypeError)",
    fixtures: on(["mujs", "hermes"], ["scope-function-name-bindings"]),
    repro: `
      const f = function g() {
        try { g = 1; return "assigned: " + typeof g; } catch (e) { return e.name; }
      };
      console.log(f());
    `,
  },
  "splice with one argument": {
    reason: "calls `array.splice(start)` with one argument, which throws in the engine's strict code (\"'length' is read-only\")",
    fixtures: { mujs: ["stmt-try-finally"] },
    repro: `
      const list = [1, 2, 3];
      list.splice(1);
      console.log(list);
    `,
  },
  "a shallow call stack": {
    reason: "recurses 1,000 to 2,000 calls deep; the engine's call stack holds about 60 nested calls",
    fixtures: { mujs: ["runtime-async-recursion", "fn-this-copy"] },
    repro: `
      function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
      console.log(depth(1000));
    `,
  },
  "Reflect.get with a receiver": {
    reason: "Babel compiles `super.x` to Reflect.get(target, key, receiver), and the engine's Reflect.get throws \"unsupported\" when given a receiver",
    fixtures: {
      duktape: ["fn-super-compound-assign", "fn-super-computed-await", "fn-super-in-arrow", "fn-super-property", "runtime-await-promise-subclass", "scope-own-code-computed-keys"],
    },
    repro: `
      const target = { get who() { return this.name; } };
      console.log(Reflect.get(target, "who", { name: "receiver" }));
    `,
  },
  "Proxy set trap and computed keys": {
    reason: "the engine converts a computed key to a string a second time after a Proxy `set` trap returns",
    fixtures: { duktape: ["expr-assignment-order"] },
    repro: `
      const key = { toString() { console.log("key converted"); return "k"; } };
      const proxy = new Proxy({}, { set(target, k, value) { target[k] = value; return true; } });
      proxy[key] = 1;
      console.log("done");
    `,
  },
  "Proxy getOwnPropertyDescriptor trap": {
    reason: "the engine's Proxy has no getOwnPropertyDescriptor trap",
    fixtures: { duktape: ["expr-destructuring-rest-live-properties"] },
    repro: `
      const proxy = new Proxy({ a: 1 }, {
        getOwnPropertyDescriptor(target, key) { console.log("trap", key); return Object.getOwnPropertyDescriptor(target, key); },
      });
      console.log(Object.getOwnPropertyDescriptor(proxy, "a").value);
    `,
  },
  "direct eval without local scope": {
    reason: "the engine's direct eval runs in the global scope: it sees neither the function's locals nor its `this`",
    fixtures: { hermes: ["fn-this-copy"] },
    repro: `
      const counter = { count: 3, read() { return eval("this.count * 100"); } };
      console.log(counter.read());
    `,
  },
  "template literal conversion order": {
    reason: "converts a template literal's substitutions to strings after evaluating them all, not each right after it is evaluated",
    fixtures: { quickjs: ["expr-template-literal"] },
    repro: `
      const value = (name) => { console.log("evaluate", name); return { toString() { console.log("convert", name); return name; } }; };
      console.log(\`\${value("a")} \${value("b")}\`);
    `,
  },

  // ---- Hermes's Promise ---------------------------------------------------------------

  "thenables resolved at once": {
    reason:
      "Hermes's Promise (the promise library) calls a thenable's `then` at once when a promise is resolved with it, not in a job of its own (PromiseResolveThenableJob)",
    fixtures: { hermes: ["runtime-await-thenable", "runtime-nested-thenables", "runtime-return-promise-ticks", "runtime-async-generator-return-through-yield-star"] },
    repro: `
      new Promise((resolve) => resolve({ then(f) { console.log("then called"); f(); } }));
      console.log("after resolve");
    `,
  },
  "promises adopted at once": {
    reason:
      "Hermes's Promise takes the state of a promise it is resolved with (a handler's return value included) directly, without the two jobs the specification takes",
    fixtures: { hermes: ["async-suspend-once", "runtime-async-as-callback", "runtime-return-promise-ticks"] },
    repro: `
      const order = [];
      Promise.resolve().then(() => order.push("tick 1")).then(() => order.push("tick 2")).then(() => order.push("tick 3"));
      new Promise((resolve) => resolve(Promise.resolve())).then(() => order.push("resolved with a promise"));
      setTimeout(() => console.log(order.join(", ")), 0);
    `,
  },
  "Promise statics ignore subclasses": {
    reason: "Hermes's Promise.resolve ignores its receiver: called on a subclass, it makes a plain promise, not an instance of the subclass",
    fixtures: { hermes: ["runtime-await-promise-subclass"] },
    repro: `
      class Traced extends Promise {}
      console.log(Traced.resolve(1) instanceof Traced);
    `,
  },

  // ---- the host ---------------------------------------------------------------------------

  "unhandled rejections": {
    reason:
      "an unhandled rejection ends the program on Node; quickjs-emscripten does not expose QuickJS's promise rejection tracker, so its host cannot see one",
    fixtures: { quickjs: ["runtime-unhandled-rejection"] },
    endsWithError: true,
    repro: `
      Promise.reject(new RangeError("nobody handles this"));
      console.log("synchronous code finished");
    `,
  },
};

/** The reasons `fixture` does not run alike on `engine`, joined; undefined when it runs. */
export function exclusionReason(fixture: string, engine: EngineName): string | undefined {
  const reasons = Object.values(LIMITATIONS)
    .filter((limitation) => limitation.fixtures[engine]?.includes(fixture))
    .map((limitation) => limitation.reason);
  return reasons.length > 0 ? reasons.join("; ") : undefined;
}
