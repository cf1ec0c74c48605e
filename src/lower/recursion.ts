// The recursive entries of lowering, reached through the context.
//
// Lowering descends through expressions and statements, and the two kinds
// call each other all the way down: a loop lowers its test, a call its
// arguments, a conditional its branches, a `for…of` its body. The
// dispatchers (expressions/index.ts, statements/index.ts) import the
// lowering of each kind of node; those lowerings reach back into the
// dispatchers only through the functions below, which call what
// lower-function.ts gave the context. So no module imports one that imports
// it back, and each file can be read (and tested) from its imports down.

import type * as t from "@babel/types";
import type { LowerContext } from "./context.js";

/** How an operand is kept when a later operand suspends. */
export type KeepRole = "value" | "arraySpread" | "objectSpread" | "templatePart";

export interface Operand {
  node: t.Expression;
  role: KeepRole;
}

/** What the dispatchers provide; lower-function.ts hands it to each context. */
export interface Lowering {
  explodeExpression(ctx: LowerContext, node: t.Expression, ignoreResult?: boolean): t.Expression;
  explodeOperands(ctx: LowerContext, operands: Operand[]): t.Expression[];
  emitForEffect(ctx: LowerContext, value: t.Expression, loc?: t.SourceLocation | null): void;
  explodeStatement(ctx: LowerContext, statement: t.Statement, labels?: string[]): void;
}

/** Lowers an expression that may suspend; returns what is left to evaluate after its last suspension. */
export function explodeExpression(ctx: LowerContext, node: t.Expression, ignoreResult = false): t.Expression {
  return ctx.lowering.explodeExpression(ctx, node, ignoreResult);
}

/** Lowers operands evaluated left to right, keeping those before the last suspending one in temporaries. */
export function explodeOperands(ctx: LowerContext, operands: Operand[]): t.Expression[] {
  return ctx.lowering.explodeOperands(ctx, operands);
}

/** Emits an expression evaluated only for its effects. */
export function emitForEffect(ctx: LowerContext, value: t.Expression, loc?: t.SourceLocation | null): void {
  ctx.lowering.emitForEffect(ctx, value, loc);
}

/** Lowers one statement into the current state and those after it. */
export function explodeStatement(ctx: LowerContext, statement: t.Statement, labels: string[] = []): void {
  ctx.lowering.explodeStatement(ctx, statement, labels);
}
