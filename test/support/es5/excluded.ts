// Fixtures not run on an ES5 engine, each with the reason, per engine.
//
// Only reasons outside awaitless belong here: the fixture needs a Node API;
// or a built-in, or built-in behaviour, that the engine lacks and that
// @babel/preset-env cannot provide without core-js; or it prints text that
// depends on the engine (V8's wording of its own error messages, function
// source). A fixture that fails because the compiler or the runtime is wrong
// is never listed here: its test fails until the bug is fixed.
//
// Every reason was checked by running the fixture on the engine and reading
// the difference; the "function names" ones on mujs also by running them
// with a `Function.prototype.name` getter added, with which they pass.

import type { EngineName } from "./engines.js";

export type Exclusions = Record<string, Partial<Record<EngineName, string>>>;

const NEEDS_NODE_MODULES = "uses import.meta and dynamic import(), which need Node's module loader";
const NEEDS_PROCESS = "reads `process` (a Node API)";
const BIGINT = "uses BigInt literals (ES2020), which no ES5 engine can parse";
const FUNCTION_SOURCE = "prints a function's source text, which Babel's ES5 output and the engine's Function.prototype.toString change";
const MAP = "needs Map (ES2015), which the engine lacks";
const PRIVATE_MEMBERS = "has private class members, which Babel compiles to WeakMap/WeakSet (ES2015), which the engine lacks";
const PROTO_IN_LITERAL = "sets a prototype with `__proto__:` in an object literal (ES2015 Annex B); an ES5 engine makes it an own property";
const OBJECT_ENTRIES = "needs Object.entries (ES2017), which the engine lacks";
const OBJECT_HASOWN = "needs Object.hasOwn (ES2022), which the engine lacks";
const ERROR_MESSAGE = "prints the message of an error the engine raises itself, worded differently from V8's";

const DUK_REFLECT_GET =
  "Babel compiles `super.x` to Reflect.get(target, key, receiver), and Duktape's Reflect.get throws \"unsupported\" when given a receiver";
const DUK_PROXY_SET_KEY = "Duktape converts a computed key to a string a second time after a Proxy `set` trap returns";
const DUK_PROXY_DESCRIPTOR = "Duktape's Proxy has no getOwnPropertyDescriptor trap";
const DUK_ARRAY_FROM = "spreads iterables, for which Babel's ES5 helper needs Array.from (ES2015), which Duktape lacks";
const DUK_COMPUTED_METHOD_NAMES = "prints the names of methods with computed or non-identifier keys, which preset-env's ES5 output does not keep";

const NO_DISPOSE_SYMBOLS =
  "names Symbol.dispose and Symbol.asyncDispose, which the engine does not have (the runtime then looks for Symbol.for(\"Symbol.dispose\"), which defining them is a polyfill's job)";

const MUJS_NAMES = "reads functions' `name` (e.g. `e.constructor.name`), which mujs does not have";
const MUJS_PROXY = "needs Proxy (ES2015), which mujs lacks";
const MUJS_SYMBOL = "needs Symbol (ES2015), which mujs lacks";
const MUJS_KEY_ORDER = "prints object keys in the order they were added; mujs enumerates properties sorted by name";
const MUJS_STATIC_INHERITANCE = "a class inherits from another class's constructor (statics, Object.getPrototypeOf(C)), which needs Object.setPrototypeOf or __proto__; mujs has neither";

export const EXCLUDED: Exclusions = {
  "async-generator-yield-literal": { mujs: MUJS_NAMES },
  "expr-array-literal": { mujs: "mujs gives the holes of an array literal (`[, 'x']`) own elements" },
  "expr-assignment-order": { duktape: DUK_PROXY_SET_KEY, mujs: MUJS_PROXY },
  "expr-call-arguments-order": { duktape: FUNCTION_SOURCE, mujs: FUNCTION_SOURCE },
  "expr-class-expression": { mujs: `${MUJS_NAMES}; ${MUJS_STATIC_INHERITANCE}` },
  "expr-comma-unary": { duktape: BIGINT, mujs: BIGINT },
  "expr-compound-assignment": { mujs: MUJS_PROXY },
  "expr-destructuring-array": { mujs: MUJS_SYMBOL },
  "expr-destructuring-assignment": { mujs: MUJS_PROXY },
  "expr-destructuring-rest-live-properties": { duktape: DUK_PROXY_DESCRIPTOR, mujs: MUJS_PROXY },
  "expr-import-meta-dynamic": { duktape: NEEDS_NODE_MODULES, mujs: NEEDS_NODE_MODULES },
  "expr-operands-stable-locals": { duktape: ERROR_MESSAGE, mujs: `${ERROR_MESSAGE}; ${MUJS_NAMES}` },
  "expr-logical-assignment": { mujs: MUJS_PROXY },
  "expr-new": { duktape: MAP, mujs: MAP },
  "expr-object-literal": { duktape: PROTO_IN_LITERAL, mujs: `${PROTO_IN_LITERAL}; ${MUJS_KEY_ORDER}` },
  "expr-optional-chain-short-circuit": { mujs: MUJS_NAMES },
  "expr-private-in": { duktape: PRIVATE_MEMBERS, mujs: PRIVATE_MEMBERS },
  "expr-spread": { duktape: DUK_ARRAY_FROM, mujs: MUJS_SYMBOL },
  "expr-unresolvable-references": { mujs: MUJS_NAMES },
  "expr-update": { mujs: MUJS_PROXY },
  "fn-arrow-new-target": { mujs: MUJS_NAMES },
  "fn-class-field-arrow": { duktape: PRIVATE_MEMBERS, mujs: PRIVATE_MEMBERS },
  "fn-class-methods": { duktape: PRIVATE_MEMBERS, mujs: PRIVATE_MEMBERS },
  "fn-declaration-forms": { mujs: MUJS_NAMES },
  "fn-exported": { mujs: MUJS_NAMES },
  "fn-length-name": { duktape: OBJECT_ENTRIES, mujs: OBJECT_ENTRIES },
  "fn-name-inference": { duktape: OBJECT_ENTRIES, mujs: OBJECT_ENTRIES },
  "fn-object-methods": { duktape: DUK_COMPUTED_METHOD_NAMES, mujs: MUJS_SYMBOL },
  "fn-sloppy-this-arguments": { mujs: "mujs does not map a sloppy function's `arguments` to its parameters" },
  "fn-sloppy-arguments-unmapped": { mujs: "mujs does not map a sloppy function's `arguments` to its parameters, and lets strict code read `arguments.callee`" },
  "fn-super-compound-assign": { duktape: DUK_REFLECT_GET, mujs: MUJS_KEY_ORDER },
  "fn-super-computed-await": { duktape: DUK_REFLECT_GET },
  "fn-super-in-arrow": { duktape: DUK_REFLECT_GET, mujs: OBJECT_HASOWN },
  "fn-super-property": { duktape: DUK_REFLECT_GET, mujs: MUJS_NAMES },
  "runtime-async-recursion": { mujs: "recurses 1,000 calls deep; mujs's call stack holds about 60 nested calls" },
  "runtime-await-promise-subclass": { duktape: DUK_REFLECT_GET, mujs: MUJS_STATIC_INHERITANCE },
  "runtime-error-before-first-await": { duktape: ERROR_MESSAGE, mujs: `${ERROR_MESSAGE}; ${MUJS_NAMES}` },
  "runtime-error-in-parameters": { mujs: MUJS_NAMES },
  "runtime-handled-rejection": { duktape: NEEDS_PROCESS, mujs: NEEDS_PROCESS },
  "runtime-nested-thenables": { mujs: "needs Object.assign (ES2015), which mujs lacks" },
  "runtime-names-survive-minify": {
    duktape: "reads Symbol.asyncIterator (ES2018), which Duktape lacks",
    mujs: `${MUJS_NAMES}; ${MUJS_SYMBOL}`,
  },
  "runtime-promise-lookups": { duktape: "watches Promise[Symbol.species], and Duktape has no Symbol.species (ES2015)", mujs: MUJS_SYMBOL },
  "runtime-return-self-promise": { mujs: MUJS_NAMES },
  "scope-arguments-binding": {
    mujs: "mujs does not map a parameter to the arguments object when a nested function writes it (`function f(a) { (function () { a = 5; })(); return arguments[0]; }` gives 1 there, 5 natively and in Duktape)",
  },
  "stmt-using-exits": { duktape: NO_DISPOSE_SYMBOLS, mujs: NO_DISPOSE_SYMBOLS },
  "stmt-await-using-exits": { duktape: NO_DISPOSE_SYMBOLS, mujs: NO_DISPOSE_SYMBOLS },
  "fn-class-method-identity": { duktape: PRIVATE_MEMBERS, mujs: `${PRIVATE_MEMBERS}; ${MUJS_NAMES}` },
  "scope-own-code-computed-keys": { duktape: DUK_REFLECT_GET, mujs: MUJS_KEY_ORDER },
  "scope-loop-class-closures": { duktape: PRIVATE_MEMBERS, mujs: `${PRIVATE_MEMBERS}; ${MUJS_NAMES}` },
  "scope-const-assign": { mujs: MUJS_NAMES },
  "scope-const-destructuring-assign": { mujs: MUJS_NAMES },
  "scope-function-name-bindings": { mujs: "mujs lets strict code assign to a named function expression's own name (no TypeError)" },
  "scope-name-collisions": { mujs: MUJS_NAMES },
  "scope-parameter-body-environments": { mujs: MUJS_NAMES },
  "scope-tdz": { mujs: MUJS_NAMES },
  "scope-tdz-assignment": { mujs: MUJS_NAMES },
  "stmt-class-declaration": { mujs: MUJS_NAMES },
  "stmt-for-in": { mujs: MUJS_KEY_ORDER },
  "stmt-for-of": { duktape: MAP, mujs: MAP },
  "stmt-for-of-close": { mujs: MUJS_SYMBOL },
  "stmt-for-of-close-errors": { mujs: `${MUJS_SYMBOL}; ${MUJS_NAMES}` },
  "stmt-for-of-iterator-errors": { mujs: `${MUJS_SYMBOL}; ${MUJS_NAMES}` },
  "stmt-throw": { mujs: MUJS_NAMES },
  "stmt-try-catch": { mujs: MUJS_NAMES },
  "stmt-try-finally": { mujs: "calls `array.splice(start)` with one argument, which throws in mujs's strict code (\"'length' is read-only\")" },
  "stmt-try-finally-native-exit-throws": { mujs: MUJS_SYMBOL },
  "stmt-try-finally-throw-override": { mujs: MUJS_NAMES },
};

/** Why `fixture` is not run on `engine`, or undefined when it is run. */
export function exclusionReason(fixture: string, engine: EngineName): string | undefined {
  return EXCLUDED[fixture]?.[engine];
}
