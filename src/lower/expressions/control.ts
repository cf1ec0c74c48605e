// Short-circuits: `a && b`, `a || b`, `a ?? b` and `c ? x : y` evaluate an
// operand only when the language would. When the skipped operand suspends,
// the choice becomes a jump between states and the value a temporary.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression, emitForEffect } from "../recursion.js";

const VOID_0 = () => t.unaryExpression("void", t.numericLiteral(0));

/** The test that is true when `operator` skips its right operand, given the left value. */
export function skipsRight(operator: "&&" | "||" | "??", left: t.Expression): t.Expression {
  switch (operator) {
    case "&&":
      return t.unaryExpression("!", left);
    case "||":
      return left;
    case "??":
      return t.logicalExpression(
        "&&",
        t.binaryExpression("!==", left, t.nullLiteral()),
        t.binaryExpression("!==", t.cloneNode(left), VOID_0()),
      );
  }
}

export function explodeLogical(ctx: LowerContext, node: t.LogicalExpression, ignoreResult: boolean): t.Expression {
  if (!ctx.suspends(node.right)) return { ...node, left: explodeExpression(ctx, node.left) };
  const end = ctx.emitter.label();
  if (ignoreResult) {
    // `??` tests its left value twice (against null and undefined): it is read once.
    const left = node.operator === "??" ? ctx.keep(explodeExpression(ctx, node.left)) : explodeExpression(ctx, node.left);
    ctx.emitter.jumpIf(skipsRight(node.operator, left), end);
    emitForEffect(ctx, explodeExpression(ctx, node.right, true));
    ctx.emitter.mark(end);
    return VOID_0();
  }
  const left = explodeExpression(ctx, node.left);
  // A temporary just made for the left operand can hold the result itself.
  const result = ctx.isTemp(left) ? (left as t.Identifier) : ctx.spill(left, "value");
  ctx.emitter.jumpIf(skipsRight(node.operator, t.cloneNode(result)), end);
  assign(ctx, result.name, explodeExpression(ctx, node.right));
  ctx.emitter.mark(end);
  return t.identifier(result.name);
}

export function explodeConditional(ctx: LowerContext, node: t.ConditionalExpression, ignoreResult: boolean): t.Expression {
  if (!ctx.suspends(node.consequent) && !ctx.suspends(node.alternate)) {
    return { ...node, test: explodeExpression(ctx, node.test) };
  }
  const otherwise = ctx.emitter.label();
  const end = ctx.emitter.label();
  const result = ignoreResult ? null : ctx.temp("value");
  ctx.emitter.jumpIf(t.unaryExpression("!", explodeExpression(ctx, node.test)), otherwise);
  const branch = (expression: t.Expression) => {
    const value = explodeExpression(ctx, expression, ignoreResult);
    if (result) assign(ctx, result, value);
    else emitForEffect(ctx, value);
  };
  branch(node.consequent);
  ctx.emitter.jump(end);
  ctx.emitter.mark(otherwise);
  branch(node.alternate);
  ctx.emitter.mark(end);
  return result ? t.identifier(result) : VOID_0();
}

export function assign(ctx: LowerContext, name: string, value: t.Expression): void {
  ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.identifier(name), value)));
}
