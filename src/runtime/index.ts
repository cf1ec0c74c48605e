// awaitless/runtime: the helpers compiled code calls, under the names the
// compiler uses (`_awaitless.async(...)`). Output made with `runtime: "import"`
// imports this module; `runtime: "inline"` carries a copy of just the units a
// compiled file needs (src/output/runtime-binding.ts).
//
// The compiler names these exports through one type, RuntimeHelper
// (src/lower/runtime-ref.ts): renaming or removing one fails its type check.
//
// Rules for every file of src/runtime, which the build's chunker
// (scripts/build-runtime-chunks.mjs) enforces, because it splits the compiled
// files into units at their top-level statements and inlines only the units a
// file uses, all in one scope:
//   - ES5 after compilation (tsconfig.runtime.json): it runs on ES5 engines;
//   - every top-level name is unique across all runtime files (they share the
//     inlined copy's one scope), and none is `globalObject` (the copy's wrapper
//     uses it);
//   - a top-level statement is a declaration, or sets up a declaration of its
//     own file and names it (`X.prototype = …`, `defineHidden(X, …)`): it is
//     included exactly when X is;
//   - built-ins are read by their plain names (`Promise`, `Symbol`): the
//     chunker lists them per unit so an inlined copy can read them from the
//     global object when the user's file binds the same names;
//   - each export below names a top-level declaration.

export { runAsync as async, runAsyncOnce as asyncOnce, markAsync, AsyncFunctionPrototype } from "./async.js";
export { getIteratorRecord as iterate } from "./iteration.js";
export { asyncIterate, AsyncIteratorPrototype, AsyncFromSyncIteratorPrototype } from "./async-iteration.js";
export { forInKeys as keys, objectRest, restArguments as rest, unmappedArguments as unmapped, markMethod, callMethod as call, methodTag } from "./objects.js";
export { SUSPEND } from "./machine.js";
export { named } from "./intrinsics.js";
export { disposables, useResource as using, disposeFailed, disposeNext, disposeEnd, disposeSync } from "./disposal.js";
export { TDZ, checkInitialized, initializedWrite, initializedTarget, constAssign, constTarget, uninitialized } from "./bindings.js";
export {
  runGenerator as generator,
  markGenerator,
  GeneratorPrototype,
  GeneratorFunctionPrototype,
  IteratorPrototype,
} from "./generator.js";
export {
  runAsyncGenerator as asyncGenerator,
  markAsyncGenerator,
  AsyncGeneratorPrototype,
  AsyncGeneratorFunctionPrototype,
} from "./async-generator.js";
