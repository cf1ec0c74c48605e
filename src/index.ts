// awaitless: compiles async functions, generators, async generators and
// `for await` into explicit state machines driven by a small runtime.

export { transform, type TransformResult, type SourceMapObject } from "./pipeline/transform.js";
export { inspect, type InspectResult } from "./pipeline/inspect.js";
export type { TransformOptions, RuntimeMode, SourceType } from "./pipeline/options.js";
export { AwaitlessSyntaxError, AwaitlessUnsupportedError, AwaitlessInputTooDeepError } from "./pipeline/errors.js";
export type * from "./pipeline/model.js";
