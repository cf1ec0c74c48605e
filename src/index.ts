// awaitless: compiles async functions, generators, async generators and
// `for await` into explicit state machines driven by a small runtime.

export { transform, type TransformResult, type SourceMapObject } from "./transform.js";
export { inspect, type InspectResult } from "./inspect.js";
export type { TransformOptions, RuntimeMode, SourceType } from "./options.js";
export { AwaitlessSyntaxError, AwaitlessUnsupportedError, AwaitlessInputTooDeepError } from "./errors.js";
export type * from "./model.js";
