// How compiled code reaches the runtime: every helper is a property of one
// file-level binding (`_awaitless.async(...)`), whether that binding holds an
// inlined copy, an import of `awaitless/runtime`, or a global. Lowering
// records which helpers it used so the inlined copy carries only those.

import * as t from "@babel/types";
import type * as Runtime from "../runtime/index.js";
import type { FunctionKind } from "./suspension.js";

/**
 * A helper of the runtime: a name `src/runtime/index.ts` exports. The
 * compiler names helpers only through this type, so a misspelt or removed
 * helper fails the type check instead of a user's compile.
 */
export type RuntimeHelper = keyof typeof Runtime;

/** The helper that gives a compiled function of each kind its native prototype (and constructor). */
export const MARK_HELPERS: Readonly<Record<FunctionKind, RuntimeHelper>> = { async: "markAsync", generator: "markGenerator", asyncGenerator: "markAsyncGenerator" };

export interface RuntimeRef {
  /** The file-level binding holding the runtime. */
  name: string;
  /** Helpers called so far. */
  used: Set<RuntimeHelper>;
}

export function runtimeMember(runtime: RuntimeRef, helper: RuntimeHelper): t.MemberExpression {
  runtime.used.add(helper);
  return t.memberExpression(t.identifier(runtime.name), t.identifier(helper));
}

export function runtimeCall(ctx: { runtime: RuntimeRef }, helper: RuntimeHelper, args: t.Expression[]): t.CallExpression {
  return t.callExpression(runtimeMember(ctx.runtime, helper), args);
}
