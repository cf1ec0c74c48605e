// Destructuring whose defaults, computed keys or targets suspend, done one
// step at a time in the spec's order: for each property, the key, then the
// target's reference (for a member target), then the value, then the default
// if the value is undefined, then the store. An array pattern walks the
// iterator with the runtime's record and closes it if the pattern is left
// early, like a `for…of` loop. Patterns with no suspension stay as written.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression } from "../recursion.js";
import { explodeMemberParts } from "./calls.js";
import { openIterator, insideIterator, emitIteratorExits } from "../states/iteration.js";
import { runtimeCall } from "../runtime-ref.js";
import { unsupported } from "../unsupported.js";

type Put = (value: t.Expression) => void;

export function explodePatternAssignment(
  ctx: LowerContext,
  pattern: t.ObjectPattern | t.ArrayPattern,
  value: t.Expression,
  ignoreResult: boolean,
): t.Expression {
  const source = ctx.keep(value);
  assignToTarget(ctx, pattern, source);
  return ignoreResult ? t.unaryExpression("void", t.numericLiteral(0)) : t.cloneNode(source);
}

/** Assigns a (stable) value to any assignment target. */
export function assignToTarget(ctx: LowerContext, target: t.LVal, value: t.Expression): void {
  if (!ctx.suspends(target)) {
    ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", target, value)));
    return;
  }
  prepareTarget(ctx, target)(value);
}

/** Evaluates the target's reference now; returns how to store into it later. */
function prepareTarget(ctx: LowerContext, target: t.LVal): Put {
  switch (target.type) {
    case "Identifier":
      return (value) => ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", target, value)));
    case "MemberExpression": {
      const { object, key } = explodeMemberParts(ctx, target);
      const keptObject = object.type === "Super" ? object : ctx.keep(object);
      const keptKey = target.computed ? ctx.keep(key as t.Expression) : key;
      return (value) =>
        ctx.emitter.emit(
          t.expressionStatement(
            t.assignmentExpression("=", t.memberExpression(keptObject as t.Expression, keptKey as t.Expression, target.computed), value),
          ),
        );
    }
    case "ObjectPattern":
      return (value) => assignObjectPattern(ctx, target, value);
    case "ArrayPattern":
      return (value) => assignArrayPattern(ctx, target, value);
    case "AssignmentPattern":
      return withDefault(ctx, target);
    default:
      throw unsupported(target, `destructuring into ${target.type} containing await or yield is not supported`);
  }
}

/** `target = default`: the default is evaluated only when the value is undefined. */
function withDefault(ctx: LowerContext, pattern: t.AssignmentPattern): Put {
  const put = prepareTarget(ctx, pattern.left);
  return (value) => {
    const slot = ctx.spill(value, "value");
    const skip = ctx.emitter.label();
    ctx.emitter.jumpIf(t.binaryExpression("!==", t.cloneNode(slot), t.unaryExpression("void", t.numericLiteral(0))), skip);
    ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.cloneNode(slot), explodeExpression(ctx, pattern.right))));
    ctx.emitter.mark(skip);
    put(t.cloneNode(slot));
  };
}

function assignObjectPattern(ctx: LowerContext, pattern: t.ObjectPattern, value: t.Expression): void {
  const source = ctx.keep(value);
  // RequireObjectCoercible, before any key is evaluated: the native empty pattern does it.
  ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.objectPattern([]), t.cloneNode(source))));
  const usedKeys: t.Expression[] = [];
  for (const property of pattern.properties) {
    if (property.type === "RestElement") {
      const put = prepareTarget(ctx, property.argument);
      put(ctx.spill(runtimeCall(ctx, "objectRest", [t.cloneNode(source), t.arrayExpression(usedKeys.map((k) => t.cloneNode(k)))]), "rest"));
      continue;
    }
    let key: t.Expression;
    if (property.computed) key = ctx.spill(explodeExpression(ctx, property.key as t.Expression), "key");
    else if (property.key.type === "Identifier") key = t.stringLiteral(property.key.name);
    else key = property.key as t.Expression;
    usedKeys.push(key);
    const put = prepareTarget(ctx, property.value as t.LVal);
    const byName = !property.computed && key.type === "StringLiteral" && t.isValidIdentifier(key.value);
    const read = byName
      ? t.memberExpression(t.cloneNode(source), t.identifier((key as t.StringLiteral).value))
      : t.memberExpression(t.cloneNode(source), t.cloneNode(key), true);
    put(ctx.spill(read, "value"));
  }
}

function assignArrayPattern(ctx: LowerContext, pattern: t.ArrayPattern, value: t.Expression): void {
  const record = ctx.temp("iterator");
  ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.identifier(record), runtimeCall(ctx, "iterate", [value]))));
  const open = openIterator(ctx, record, false);
  const take = (method: "take" | "rest") => t.callExpression(t.memberExpression(t.identifier(record), t.identifier(method)), []);
  insideIterator(ctx, open, () => {
    for (const element of pattern.elements) {
      if (element === null) {
        ctx.emitter.emit(t.expressionStatement(take("take")));
        continue;
      }
      if (element.type === "RestElement") {
        const put = prepareTarget(ctx, element.argument);
        put(ctx.spill(take("rest"), "rest"));
        continue;
      }
      const put = prepareTarget(ctx, element as t.LVal);
      put(ctx.spill(take("take"), "value"));
    }
  });
  // Finished normally: close the iterator unless it is exhausted.
  ctx.emitter.emit(t.expressionStatement(t.callExpression(t.memberExpression(t.identifier(record), t.identifier("close")), [])));
  const after = ctx.emitter.label();
  ctx.emitter.jump(after);
  emitIteratorExits(ctx, open);
  ctx.emitter.mark(after);
}
