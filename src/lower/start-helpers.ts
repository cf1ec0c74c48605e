// The runtime calls that start a compiled function's machine, each with the
// step function as its first argument. Lowering writes them; inspect and the
// playground's tracer find step functions in output by them, so the list
// lives here once.

import type * as t from "@babel/types";
import type { FunctionKind } from "./suspension.js";
import type { RuntimeHelper } from "./runtime-ref.js";

const BY_KIND: Readonly<Record<FunctionKind, RuntimeHelper>> = { async: "async", generator: "generator", asyncGenerator: "asyncGenerator" };

/** An async function that suspends at most once has a lighter driver (runAsyncOnce). */
const ASYNC_ONCE: RuntimeHelper = "asyncOnce";

export const STEP_STARTERS: ReadonlySet<string> = new Set([...Object.values(BY_KIND), ASYNC_ONCE]);

/** The helper that starts a function of `kind`; `once`: its body suspends at most once. */
export function startHelper(kind: FunctionKind, once: boolean): RuntimeHelper {
  return kind === "async" && once ? ASYNC_ONCE : BY_KIND[kind];
}

/**
 * The step function a start call passes: its first argument, or the function
 * in `step.bind(this)` (a step whose direct eval may read `this`).
 */
export function stepFunctionOf(call: t.CallExpression): t.FunctionExpression | t.ArrowFunctionExpression | null {
  let step = call.arguments[0];
  if (
    step?.type === "CallExpression" &&
    step.callee.type === "MemberExpression" &&
    step.callee.property.type === "Identifier" &&
    step.callee.property.name === "bind"
  ) {
    step = step.callee.object as t.Expression;
  }
  return step?.type === "FunctionExpression" || step?.type === "ArrowFunctionExpression" ? step : null;
}
