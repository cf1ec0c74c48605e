// Calls, `new`, tagged templates and optional chains with suspensions.
//
// A method call evaluates the object, the key, reads the method, and only
// then the arguments; it calls with the object as `this`. When an argument
// suspends, the method is read into a temporary first and called with the
// runtime's `call(method, object, ...)`, so `obj.m(await x)` still reads
// `obj.m` before the await and still calls it on `obj`. Not `method.call(…)`:
// that reads `call` from the method before the arguments are evaluated (a
// missing method would throw too early), and a method's own `call` property
// or a patched Function.prototype.call would be called instead.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression, explodeOperands, type Operand } from "../recursion.js";
import { unsupported } from "../unsupported.js";
import { runtimeMember, type RuntimeRef } from "../runtime-ref.js";
import { asPlainCallee } from "../plain-callee.js";

/** `method` called with `self` as `this`, through the runtime (see above). */
function callWithThis(
  runtime: RuntimeRef,
  method: t.Expression,
  self: t.Expression,
  args: Array<t.Expression | t.SpreadElement>,
): t.CallExpression {
  return t.callExpression(runtimeMember(runtime, "call"), [method, self, ...args]);
}

type Argument = t.Expression | t.SpreadElement | t.ArgumentPlaceholder;

function argumentOperands(args: Argument[]): Operand[] {
  return args.map((arg) => {
    if (arg.type === "SpreadElement") return { node: arg.argument, role: "arraySpread" as const };
    if (arg.type === "ArgumentPlaceholder") throw unsupported(arg, "partial application is not supported");
    return { node: arg, role: "value" as const };
  });
}

function rebuildArguments(args: Argument[], values: t.Expression[]): Array<t.Expression | t.SpreadElement> {
  return args.map((arg, i) => (arg.type === "SpreadElement" ? t.spreadElement(values[i]) : values[i]));
}

export function explodeCall(ctx: LowerContext, node: t.CallExpression): t.Expression {
  const callee = node.callee;
  const argsSuspend = ctx.finder.any(node.arguments);
  if (callee.type === "MemberExpression" && argsSuspend) {
    const { object, key } = explodeMemberParts(ctx, callee);
    const self = object.type === "Super" ? t.thisExpression() : ctx.keep(object);
    const method = ctx.spill(t.memberExpression(object.type === "Super" ? object : t.cloneNode(self), key, callee.computed), tempHintOfKey(callee));
    const args = explodeOperands(ctx, argumentOperands(node.arguments));
    return callWithThis(ctx.runtime, method, self, rebuildArguments(node.arguments, args));
  }
  if (callee.type === "MemberExpression") {
    const { object, key } = explodeMemberParts(ctx, callee);
    return { ...node, callee: t.memberExpression(object as t.Expression, key, callee.computed) };
  }
  if (callee.type === "OptionalMemberExpression") {
    // `(o?.m)(…)`: a parenthesised chain is still a reference, so `o` is `this` (when the chain
    // is skipped, the method is undefined and the call throws whatever `this` is).
    const receiver: { self: t.Expression | null } = { self: null };
    const method = explodeOptionalChain(ctx, callee, false, false, receiver);
    const args = explodeOperands(ctx, argumentOperands(node.arguments));
    return callWithThis(ctx.runtime, method, receiver.self!, rebuildArguments(node.arguments, args));
  }
  if (callee.type === "Super" || callee.type === "Import" || callee.type === "V8IntrinsicIdentifier") {
    const args = explodeOperands(ctx, argumentOperands(node.arguments));
    return { ...node, arguments: rebuildArguments(node.arguments, args) };
  }
  // A plain call. `eval` stays in place: spilling it would make a direct eval indirect.
  const isEval = callee.type === "Identifier" && callee.name === "eval";
  const operands: Operand[] = [{ node: callee as t.Expression, role: "value" }, ...argumentOperands(node.arguments)];
  const values = isEval ? [callee, ...explodeOperands(ctx, operands.slice(1))] : explodeOperands(ctx, operands);
  return { ...node, callee: asPlainCallee(values[0] as t.Expression), arguments: rebuildArguments(node.arguments, values.slice(1)) };
}

/** The object and key of a member expression, the object kept when the key suspends. */
export function explodeMemberParts(
  ctx: LowerContext,
  member: t.MemberExpression,
): { object: t.Expression | t.Super; key: t.Expression | t.PrivateName } {
  if (member.object.type === "Super") {
    const key = member.computed ? explodeExpression(ctx, member.property as t.Expression) : member.property;
    return { object: member.object, key: key as t.Expression };
  }
  if (!member.computed) {
    return { object: explodeExpression(ctx, member.object), key: member.property as t.Expression | t.PrivateName };
  }
  const [object, key] = explodeOperands(ctx, [
    { node: member.object, role: "value" },
    { node: member.property as t.Expression, role: "value" },
  ]);
  return { object, key };
}

function tempHintOfKey(member: t.MemberExpression): string {
  return !member.computed && member.property.type === "Identifier" ? member.property.name : "method";
}

export function explodeNew(ctx: LowerContext, node: t.NewExpression): t.Expression {
  const values = explodeOperands(ctx, [
    { node: node.callee as t.Expression, role: "value" },
    ...argumentOperands(node.arguments),
  ]);
  return { ...node, callee: values[0], arguments: rebuildArguments(node.arguments, values.slice(1)) };
}

export function explodeTaggedTemplate(ctx: LowerContext, node: t.TaggedTemplateExpression): t.Expression {
  // The template object must stay tied to one call site, so the template is
  // rebuilt as a tagged template with its substitutions lowered. A member
  // tag is read before the substitutions, as a method call's callee is
  // before its arguments: when they suspend, the method goes into a
  // temporary and the tag becomes `methodTag(method, object)`, which calls it
  // with the object (or, for `super.tag`, `this`) as `this`.
  const tag = node.tag;
  const parts: Operand[] = node.quasi.expressions.map((e) => ({ node: e as t.Expression, role: "value" as const }));
  if (tag.type === "MemberExpression") {
    const partsSuspend = ctx.finder.any(node.quasi.expressions);
    const { object, key } = explodeMemberParts(ctx, tag);
    if (!partsSuspend) return { ...node, tag: t.memberExpression(object as t.Expression, key, tag.computed) };
    const self = object.type === "Super" ? t.thisExpression() : ctx.keep(object);
    const method = ctx.spill(t.memberExpression(object.type === "Super" ? object : t.cloneNode(self), key, tag.computed), tempHintOfKey(tag));
    const subs = explodeOperands(ctx, parts);
    return { ...node, tag: t.callExpression(runtimeMember(ctx.runtime, "methodTag"), [method, self]), quasi: { ...node.quasi, expressions: subs } };
  }
  const values = explodeOperands(ctx, [{ node: tag, role: "value" }, ...parts]);
  return { ...node, tag: asPlainCallee(values[0]), quasi: { ...node.quasi, expressions: values.slice(1) } };
}

type ChainLink =
  | { type: "member"; optional: boolean; computed: boolean; property: t.Expression | t.PrivateName }
  | { type: "call"; optional: boolean; args: Argument[] };

/**
 * `a?.b(await c)`: the whole chain is evaluated step by step into
 * temporaries; each `?.` tests its base for null or undefined and, if so,
 * skips the rest of the chain with `undefined` as the result. Under `delete`
 * the last member is deleted instead of read, and a skipped chain gives true.
 * With `receiver`, a chain ending in a member reports the temporary holding
 * that member's object (the `this` of a call of the chain's value).
 */
export function explodeOptionalChain(
  ctx: LowerContext,
  node: t.OptionalCallExpression | t.OptionalMemberExpression,
  ignoreResult: boolean,
  deleting = false,
  receiver?: { self: t.Expression | null },
): t.Expression {
  const links: ChainLink[] = [];
  let base: t.Expression = node;
  for (;;) {
    // Inside a chain every link is an Optional* node (`optional` marks the
    // `?.` ones); a plain member or call ends it, as `(a?.b).c` does.
    if (base.type === "OptionalMemberExpression") {
      links.unshift({ type: "member", optional: base.optional, computed: base.computed, property: base.property as t.Expression });
      base = base.object;
    } else if (base.type === "OptionalCallExpression") {
      links.unshift({ type: "call", optional: base.optional, args: base.arguments as Argument[] });
      base = base.callee;
      // `o.m?.()`: the callee is a plain member, and the call still needs `o` as `this`.
      if (base.type === "MemberExpression" && base.object.type !== "Super") {
        links.unshift({ type: "member", optional: false, computed: base.computed, property: base.property as t.Expression });
        base = base.object;
      }
    } else break;
  }
  const nullish = ctx.emitter.label();
  const end = ctx.emitter.label();
  const result = ignoreResult ? null : ctx.temp("value");
  let current: t.Expression = ctx.spill(explodeExpression(ctx, base), "base");
  let self: t.Expression | null = null;
  links.forEach((link, i) => {
    if (link.optional) ctx.emitter.jumpIf(isNullish(current), nullish);
    if (link.type === "member") {
      const key = link.computed ? ctx.keep(explodeExpression(ctx, link.property as t.Expression)) : link.property;
      const nextIsCall = links[i + 1]?.type === "call";
      self = nextIsCall ? current : null;
      const member = t.memberExpression(t.cloneNode(current), key as t.Expression, link.computed);
      const isLast = i === links.length - 1;
      if (isLast && receiver) receiver.self = current;
      current = ctx.spill(deleting && isLast ? t.unaryExpression("delete", member) : member, nextIsCall ? "method" : "value");
    } else {
      const args = rebuildArguments(link.args, explodeOperands(ctx, argumentOperands(link.args)));
      const call = self
        ? callWithThis(ctx.runtime, t.cloneNode(current), t.cloneNode(self), args)
        : t.callExpression(asPlainCallee(t.cloneNode(current)), args);
      self = null;
      current = i === links.length - 1 && ignoreResult ? call : ctx.spill(call, "value");
    }
  });
  if (result) ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.identifier(result), current)));
  else if (!ctx.isTemp(current)) ctx.emitter.emit(t.expressionStatement(current));
  ctx.emitter.jump(end);
  ctx.emitter.mark(nullish);
  const skipped = deleting ? t.booleanLiteral(true) : t.unaryExpression("void", t.numericLiteral(0));
  if (result) ctx.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.identifier(result), skipped)));
  ctx.emitter.mark(end);
  return result ? t.identifier(result) : t.unaryExpression("void", t.numericLiteral(0));
}

function isNullish(value: t.Expression): t.Expression {
  return t.logicalExpression(
    "||",
    t.binaryExpression("===", t.cloneNode(value), t.nullLiteral()),
    t.binaryExpression("===", t.cloneNode(value), t.unaryExpression("void", t.numericLiteral(0))),
  );
}
