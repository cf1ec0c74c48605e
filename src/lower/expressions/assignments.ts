// Assignments, updates and `delete` with suspensions.
//
// The target's reference (object and key) is evaluated before the right-hand
// side; a compound assignment also reads the old value before it. So
// `a[i()] += await x` becomes: keep `a`, keep `i()`, read `a[i]` into a
// temporary, await, then store the sum.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression } from "../recursion.js";
import { explodeMemberParts, explodeOptionalChain } from "./calls.js";
import { skipsRight } from "./control.js";
import { explodePatternAssignment } from "./patterns.js";
import { unsupported } from "../unsupported.js";

type LogicalOperator = "&&" | "||" | "??";

function logicalOf(operator: string): LogicalOperator | null {
  return operator === "&&=" || operator === "||=" || operator === "??=" ? (operator.slice(0, 2) as LogicalOperator) : null;
}

function unwrapTarget(node: t.LVal | t.OptionalMemberExpression): t.LVal | t.OptionalMemberExpression {
  let target = node;
  while (
    target.type === "TSAsExpression" ||
    target.type === "TSSatisfiesExpression" ||
    target.type === "TSNonNullExpression" ||
    target.type === "TSTypeAssertion" ||
    (target as t.Node).type === "ParenthesizedExpression"
  ) {
    target = (target as { expression: t.LVal }).expression;
  }
  return target;
}

export function explodeAssignment(ctx: LowerContext, node: t.AssignmentExpression, ignoreResult: boolean): t.Expression {
  const target = unwrapTarget(node.left);
  if (target.type === "ObjectPattern" || target.type === "ArrayPattern") {
    if (!ctx.suspends(target)) return { ...node, right: explodeExpression(ctx, node.right) };
    return explodePatternAssignment(ctx, target, explodeExpression(ctx, node.right), ignoreResult);
  }
  // The reference: an identifier, or a member whose parts are kept.
  let reference: t.Expression;
  if (target.type === "MemberExpression") {
    const rightSuspends = ctx.suspends(node.right) || node.operator !== "=";
    const { object, key } = explodeMemberParts(ctx, target);
    const keptObject = object.type === "Super" || !rightSuspends ? object : ctx.keep(object);
    const keptKey = target.computed && rightSuspends ? ctx.keep(key as t.Expression) : key;
    reference = t.memberExpression(keptObject as t.Expression, keptKey as t.Expression, target.computed);
  } else if (target.type === "Identifier") {
    reference = target;
  } else {
    throw unsupported(target, `an assignment to ${target.type} containing await or yield is not supported`);
  }
  if (node.operator === "=") {
    return t.assignmentExpression("=", reference as t.LVal, explodeExpression(ctx, node.right));
  }
  const logical = logicalOf(node.operator);
  if (logical) return explodeLogicalAssignment(ctx, reference, logical, node.right, ignoreResult);
  // Compound: read the old value before the right-hand side runs.
  const old = ctx.spill(t.cloneNode(reference), "old");
  const right = explodeExpression(ctx, node.right);
  const operator = node.operator.slice(0, -1) as t.BinaryExpression["operator"];
  return t.assignmentExpression("=", reference as t.LVal, t.binaryExpression(operator, old, right));
}

function explodeLogicalAssignment(
  ctx: LowerContext,
  reference: t.Expression,
  operator: LogicalOperator,
  right: t.Expression,
  ignoreResult: boolean,
): t.Expression {
  const end = ctx.emitter.label();
  const old = ctx.spill(t.cloneNode(reference), "old");
  const result = ignoreResult ? null : old.name;
  ctx.emitter.jumpIf(skipsRight(operator, t.cloneNode(old)), end);
  const store = t.assignmentExpression("=", t.cloneNode(reference) as t.LVal, explodeExpression(ctx, right));
  ctx.emitter.emit(t.expressionStatement(result ? t.assignmentExpression("=", t.identifier(result), store) : store));
  ctx.emitter.mark(end);
  return result ? t.identifier(result) : t.unaryExpression("void", t.numericLiteral(0));
}

export function explodeUpdate(ctx: LowerContext, node: t.UpdateExpression): t.Expression {
  const target = unwrapTarget(node.argument as t.LVal);
  if (target.type !== "MemberExpression") return node;
  const { object, key } = explodeMemberParts(ctx, target);
  return { ...node, argument: t.memberExpression(object as t.Expression, key as t.Expression, target.computed) };
}

export function explodeDelete(ctx: LowerContext, node: t.UnaryExpression): t.Expression {
  const target = node.argument;
  if (target.type === "OptionalMemberExpression") return explodeOptionalChain(ctx, target, false, true);
  if (target.type !== "MemberExpression") return { ...node, argument: explodeExpression(ctx, target) };
  const { object, key } = explodeMemberParts(ctx, target);
  return { ...node, argument: t.memberExpression(object as t.Expression, key as t.Expression, target.computed) };
}
