// How compiled code reaches the runtime: every helper is a property of one
// file-level binding (`_awaitless.async(...)`), whether that binding holds an
// inlined copy, an import of `awaitless/runtime`, or a global. Lowering
// records which helpers it used so the inlined copy carries only those.

import * as t from "@babel/types";

export interface RuntimeRef {
  /** The file-level binding holding the runtime. */
  name: string;
  /** Helpers called so far. */
  used: Set<string>;
}

export function runtimeMember(runtime: RuntimeRef, helper: string): t.MemberExpression {
  runtime.used.add(helper);
  return t.memberExpression(t.identifier(runtime.name), t.identifier(helper));
}

export function runtimeCall(ctx: { runtime: RuntimeRef }, helper: string, args: t.Expression[]): t.CallExpression {
  return t.callExpression(runtimeMember(ctx.runtime, helper), args);
}
