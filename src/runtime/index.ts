// awaitless/runtime: the helpers compiled code calls, under the names the
// compiler uses (`_awaitless.async(...)`). Output made with `runtime: "import"`
// imports this module; `runtime: "inline"` carries a copy of just the files a
// compiled file needs (src/runtime-binding.ts).

export { runAsync as async, runAsyncOnce as asyncOnce, markAsync, AsyncFunctionPrototype } from "./async.js";
export { getIteratorRecord as iterate } from "./iteration.js";
export { asyncIterate, AsyncIteratorPrototype, AsyncFromSyncIteratorPrototype } from "./async-iteration.js";
export { forInKeys as keys, objectRest, restArguments as rest, unmappedArguments as unmapped, markMethod, callMethod as call, methodTag } from "./objects.js";
export { SUSPEND } from "./machine.js";
export { named } from "./intrinsics.js";
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
