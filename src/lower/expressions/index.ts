// Lowers an expression that contains a suspension.
//
// The rule that keeps evaluation order: the operands of an expression are
// evaluated left to right, so any operand evaluated before a later operand
// that suspends is kept in a temporary first (`a + await b` becomes
// `_a = a; ...await b...; _a + <awaited>`). What is left after the last
// suspension is returned as an expression for the caller to place.
//
// Expressions without a suspension come back unchanged, so the output keeps
// the user's own code wherever it can.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import type { KeepRole, Operand } from "../recursion.js";
import { explodeCall, explodeNew, explodeTaggedTemplate, explodeOptionalChain, explodeMemberParts } from "./calls.js";
import { explodeAssignment, explodeUpdate, explodeDelete } from "./assignments.js";
import { explodeLogical, explodeConditional } from "./control.js";
import { unsupported } from "../unsupported.js";
import { eachOwnChild } from "../../ast/own-code.js";

export function explodeExpression(ctx: LowerContext, node: t.Expression, ignoreResult = false): t.Expression {
  if (!ctx.suspends(node)) return node;
  switch (node.type) {
    case "AwaitExpression":
      return ctx.emitter.suspend("await", explodeExpression(ctx, node.argument), node.loc);
    case "YieldExpression": {
      const argument = node.argument ? explodeExpression(ctx, node.argument) : t.unaryExpression("void", t.numericLiteral(0));
      return ctx.emitter.suspend(yieldMethod(ctx, node), argument, node.loc);
    }
    case "SequenceExpression":
      return explodeSequence(ctx, node, ignoreResult);
    case "LogicalExpression":
      return explodeLogical(ctx, node, ignoreResult);
    case "ConditionalExpression":
      return explodeConditional(ctx, node, ignoreResult);
    case "AssignmentExpression":
      return explodeAssignment(ctx, node, ignoreResult);
    case "UpdateExpression":
      return explodeUpdate(ctx, node);
    case "UnaryExpression":
      if (node.operator === "delete") return explodeDelete(ctx, node);
      return rebuild(ctx, node, [["argument"]]);
    case "CallExpression":
      return explodeCall(ctx, node);
    case "NewExpression":
      return explodeNew(ctx, node);
    case "OptionalCallExpression":
    case "OptionalMemberExpression":
      return explodeOptionalChain(ctx, node, ignoreResult);
    case "TaggedTemplateExpression":
      return explodeTaggedTemplate(ctx, node);
    case "MemberExpression": {
      const { object, key } = explodeMemberParts(ctx, node);
      return { ...node, object, property: key };
    }
    case "BinaryExpression":
      return node.left.type === "PrivateName"
        ? rebuild(ctx, node, [["right"]])
        : rebuild(ctx, node, [["left"], ["right"]]);
    case "ArrayExpression":
      return explodeArray(ctx, node);
    case "ObjectExpression":
      return explodeObject(ctx, node);
    case "TemplateLiteral":
      return explodeTemplate(ctx, node);
    case "ClassExpression":
      return explodeClass(ctx, node);
    case "ParenthesizedExpression":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
    case "TSTypeAssertion":
    case "TSInstantiationExpression":
      return rebuild(ctx, node, [["expression"]]);
    case "JSXElement":
    case "JSXFragment":
      return explodeJsx(ctx, node);
    case "ImportExpression":
      return rebuild(ctx, node, node.options ? [["source"], ["options"]] : [["source"]]);
    default:
      throw unsupported(node);
  }
}

/**
 * Lowers operands evaluated left to right. Each operand evaluated before the
 * last one that suspends is kept in a temporary (spreads are copied out and
 * template parts converted to strings at their own turn, as natively).
 */
export function explodeOperands(ctx: LowerContext, operands: Operand[]): t.Expression[] {
  let last = -1;
  for (let i = 0; i < operands.length; i++) if (ctx.suspends(operands[i].node)) last = i;
  return operands.map((operand, i) => {
    const value = explodeExpression(ctx, operand.node);
    return i < last ? keepOperand(ctx, value, operand.role) : value;
  });
}

function keepOperand(ctx: LowerContext, value: t.Expression, role: KeepRole): t.Expression {
  switch (role) {
    case "value":
      return ctx.keep(value);
    case "arraySpread":
      return ctx.spill(t.arrayExpression([t.spreadElement(value)]), "spread");
    case "objectSpread":
      return ctx.spill(t.objectExpression([t.spreadElement(value)]), "spread");
    case "templatePart":
      return ctx.spill(
        t.templateLiteral([t.templateElement({ raw: "", cooked: "" }), t.templateElement({ raw: "", cooked: "" }, true)], [value]),
        "string",
      );
  }
}

/** Re-creates `node` with the listed fields (paths of keys) lowered in order. */
function rebuild<N extends t.Node>(ctx: LowerContext, node: N, fields: string[][]): N {
  const copy = { ...node } as Record<string, unknown>;
  const operands = fields.map((path) => ({ node: readPath(node, path) as t.Expression, role: "value" as const }));
  const values = explodeOperands(ctx, operands);
  fields.forEach((path, i) => writePath(copy, path, values[i]));
  return copy as N;
}

function readPath(node: unknown, path: string[]): unknown {
  let value = node;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value;
}

function writePath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let holder = target;
  for (let i = 0; i < path.length - 1; i++) holder = holder[path[i]] as Record<string, unknown>;
  holder[path[path.length - 1]] = value;
}

function explodeSequence(ctx: LowerContext, node: t.SequenceExpression, ignoreResult: boolean): t.Expression {
  const items = node.expressions;
  let result: t.Expression = t.unaryExpression("void", t.numericLiteral(0));
  items.forEach((item, i) => {
    const isLast = i === items.length - 1;
    const value = explodeExpression(ctx, item, !isLast || ignoreResult);
    if (isLast) result = value;
    else emitForEffect(ctx, value, item.loc);
  });
  return result;
}

/** Emits an expression evaluated only for its effects, skipping ones that have none. */
export function emitForEffect(ctx: LowerContext, value: t.Expression, loc?: t.SourceLocation | null): void {
  if (hasNoEffect(value, ctx)) return;
  const statement = t.expressionStatement(value);
  if (loc) statement.loc = loc;
  ctx.emitter.emit(statement);
}

function hasNoEffect(node: t.Expression, ctx: LowerContext): boolean {
  if (ctx.isTemp(node)) return true;
  if (node.type === "UnaryExpression" && node.operator === "void" && node.argument.type === "NumericLiteral") return true;
  if (t.isLiteral(node) && node.type !== "TemplateLiteral") return true;
  // The value sent into the machine (`_m.v`) read for nothing.
  return (
    node.type === "MemberExpression" &&
    node.object.type === "Identifier" &&
    node.object.name === ctx.machine &&
    node.property.type === "Identifier" &&
    node.property.name === "v"
  );
}

function explodeArray(ctx: LowerContext, node: t.ArrayExpression): t.Expression {
  const present = node.elements.filter((e): e is t.Expression | t.SpreadElement => e !== null);
  const values = explodeOperands(
    ctx,
    present.map((element) =>
      element.type === "SpreadElement"
        ? { node: element.argument, role: "arraySpread" as const }
        : { node: element, role: "value" as const },
    ),
  );
  let next = 0;
  const elements = node.elements.map((element) => {
    if (element === null) return null;
    const value = values[next++];
    return element.type === "SpreadElement" ? t.spreadElement(value) : value;
  });
  return { ...node, elements };
}

function explodeObject(ctx: LowerContext, node: t.ObjectExpression): t.Expression {
  // Operands in evaluation order: each computed key, then the property's value.
  const operands: Operand[] = [];
  for (const property of node.properties) {
    if (property.type === "SpreadElement") {
      operands.push({ node: property.argument, role: "objectSpread" });
      continue;
    }
    if (property.computed) operands.push({ node: property.key as t.Expression, role: "value" });
    if (property.type === "ObjectProperty") operands.push({ node: property.value as t.Expression, role: "value" });
  }
  const values = explodeOperands(ctx, operands);
  let next = 0;
  const properties = node.properties.map((property) => {
    if (property.type === "SpreadElement") return t.spreadElement(values[next++]);
    const copy = { ...property } as t.ObjectProperty | t.ObjectMethod;
    if (property.computed) copy.key = values[next++];
    if (copy.type === "ObjectProperty") {
      copy.value = values[next++];
      // `{ a }` whose value is now a temporary must spell the key out.
      if (copy.shorthand && !(copy.value.type === "Identifier" && copy.key.type === "Identifier" && copy.value.name === copy.key.name))
        copy.shorthand = false;
    }
    return copy;
  });
  return { ...node, properties };
}

function explodeTemplate(ctx: LowerContext, node: t.TemplateLiteral): t.Expression {
  const values = explodeOperands(
    ctx,
    node.expressions.map((expression) => ({ node: expression as t.Expression, role: "templatePart" as const })),
  );
  return { ...node, expressions: values };
}

function explodeClass(ctx: LowerContext, node: t.ClassExpression): t.Expression {
  const operands: Operand[] = [];
  if (node.superClass) operands.push({ node: node.superClass, role: "value" });
  const keyed = node.body.body.filter(
    (member): member is t.ClassMethod | t.ClassProperty | t.ClassAccessorProperty =>
      (member.type === "ClassMethod" || member.type === "ClassProperty" || member.type === "ClassAccessorProperty") &&
      member.computed,
  );
  for (const member of keyed) operands.push({ node: member.key as t.Expression, role: "value" });
  const values = explodeOperands(ctx, operands);
  let next = 0;
  const copy = { ...node, body: { ...node.body, body: [...node.body.body] } };
  if (node.superClass) copy.superClass = values[next++];
  copy.body.body = copy.body.body.map((member) => (keyed.includes(member as never) ? { ...member, key: values[next++] } : member)) as typeof copy.body.body;
  return copy;
}

/** JSX attribute values, spreads and children, in the order they evaluate. */
function explodeJsx(ctx: LowerContext, node: t.JSXElement | t.JSXFragment): t.Expression {
  const holders: Array<{ holder: Record<string, unknown>; key: string }> = [];
  const collect = (current: t.Node) => {
    if (current.type === "JSXExpressionContainer") {
      if (current.expression.type !== "JSXEmptyExpression") holders.push({ holder: current as never, key: "expression" });
      return;
    }
    if (current.type === "JSXSpreadAttribute" || current.type === "JSXSpreadChild") {
      holders.push({ holder: current as never, key: current.type === "JSXSpreadAttribute" ? "argument" : "expression" });
      return;
    }
    eachOwnChild(current, "evaluated", collect);
  };
  collect(node);
  const values = explodeOperands(
    ctx,
    holders.map(({ holder, key }) => ({ node: holder[key] as t.Expression, role: "value" as const })),
  );
  holders.forEach(({ holder, key }, i) => (holder[key] = values[i]));
  return node;
}

/**
 * `yield*` delegates; in an async generator, a `yield` of a value made right
 * there (an object or array literal, a function or class expression) uses
 * `m.yieldObject`: that value cannot be a promise, and awaiting it needs no
 * PromiseResolve (awaitObject in the runtime).
 */
function yieldMethod(ctx: LowerContext, node: t.YieldExpression): "yield" | "yieldObject" | "delegate" {
  if (node.delegate) return "delegate";
  if (ctx.kind !== "asyncGenerator" || !node.argument) return "yield";
  switch (node.argument.type) {
    case "ObjectExpression":
    case "ArrayExpression":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "ClassExpression":
      return "yieldObject";
    default:
      return "yield";
  }
}

