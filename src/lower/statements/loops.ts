// Loops whose test, update or body suspends. Each becomes a loop head state
// that tests and either enters the body or jumps past the loop; `continue`
// goes to the update (or the head), `break` past the end.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import type { Label } from "../states/emitter.js";
import { explodeExpression, emitForEffect, explodeStatement } from "../recursion.js";
import { assignToTarget } from "../expressions/patterns.js";
import { runtimeCall } from "../runtime-ref.js";
import { loopTarget } from "./loop-target.js";
import { traverseValues } from "../../ast/children.js";

function exitUnless(ctx: LowerContext, test: t.Expression | null | undefined, end: ReturnType<LowerContext["emitter"]["label"]>): void {
  if (!test || (test.type === "BooleanLiteral" && test.value)) return;
  ctx.emitter.at(test.loc, () => ctx.emitter.jumpIf(t.unaryExpression("!", explodeExpression(ctx, test)), end));
}

function containsClosure(node: t.Node): boolean {
  return traverseValues(node, (inner) => (t.isFunction(inner) || t.isClass(inner) ? t.traverseFast.stop : undefined));
}

export function explodeWhile(ctx: LowerContext, loop: t.WhileStatement, labels: string[]): void {
  const { emitter } = ctx;
  const head = emitter.label();
  const end = emitter.label();
  emitter.mark(head, "loop-head", loop.loc);
  exitUnless(ctx, loop.test, end);
  ctx.leaps.withLoop(labels, end, head, () => explodeStatement(ctx, loop.body));
  backEdge(ctx, head, loop.test);
  emitter.mark(end);
}

/** The jump back to a loop's head, mapped to the part of the loop that runs there next. */
function backEdge(ctx: LowerContext, head: Label, next: t.Node | null | undefined): void {
  ctx.emitter.jump(head, "jump", next?.loc ?? undefined);
}

export function explodeDoWhile(ctx: LowerContext, loop: t.DoWhileStatement, labels: string[]): void {
  const { emitter } = ctx;
  const body = emitter.label();
  const test = emitter.label();
  const end = emitter.label();
  emitter.mark(body, "loop-head", loop.loc);
  ctx.leaps.withLoop(labels, end, test, () => explodeStatement(ctx, loop.body));
  emitter.mark(test);
  emitter.at(loop.test.loc, () => emitter.jumpIf(explodeExpression(ctx, loop.test), body));
  emitter.mark(end);
}

export function explodeFor(ctx: LowerContext, loop: t.ForStatement, labels: string[]): void {
  const { emitter } = ctx;
  ctx.enterScope(loop);
  if (loop.init) {
    if (loop.init.type === "VariableDeclaration") explodeStatement(ctx, loop.init);
    else {
      const init = loop.init;
      emitter.at(init.loc, () => emitForEffect(ctx, explodeExpression(ctx, init, true), init.loc));
    }
  }
  // CreatePerIterationEnvironment: after the initialiser (which matters only
  // if the initialiser made closures), and before each update.
  if (loop.init && containsClosure(loop.init)) ctx.copyIteration(loop);
  const head = emitter.label();
  const update = emitter.label();
  const end = emitter.label();
  emitter.mark(head, "loop-head", loop.loc);
  exitUnless(ctx, loop.test, end);
  ctx.leaps.withLoop(labels, end, update, () => explodeStatement(ctx, loop.body));
  emitter.mark(update);
  ctx.copyIteration(loop);
  if (loop.update) {
    const update = loop.update;
    emitter.at(update.loc, () => emitForEffect(ctx, explodeExpression(ctx, update, true), update.loc));
  }
  backEdge(ctx, head, loop.test);
  emitter.mark(end);
}

/**
 * `for (k in o)`: the keys are collected when the loop starts (as engines
 * do), and a key deleted before its turn is skipped, as the spec requires.
 */
export function explodeForIn(ctx: LowerContext, loop: t.ForInStatement, labels: string[]): void {
  const { emitter } = ctx;
  const headLoc = loop.left.loc ?? loop.loc;
  // The head's bindings exist, uninitialised, while the expression runs.
  if (ctx.scopes.headReadBeforeInit.has(loop)) ctx.enterScope(loop);
  const keys = emitter.at(loop.right.loc, () => ctx.spill(runtimeCall(ctx, "keys", [explodeExpression(ctx, loop.right)]), "keys"));
  const head = emitter.label();
  const end = emitter.label();
  emitter.mark(head, "loop-head", loop.loc);
  emitter.at(headLoc, () =>
    emitter.jumpIf(t.unaryExpression("!", t.callExpression(t.memberExpression(t.cloneNode(keys), t.identifier("step")), [])), end),
  );
  ctx.leaps.withLoop(labels, end, head, () => {
    ctx.enterScope(loop);
    emitter.at(headLoc, () => assignToTarget(ctx, loopTarget(loop.left), t.memberExpression(t.cloneNode(keys), t.identifier("value"))));
    explodeStatement(ctx, loop.body);
  });
  ctx.emitter.jump(head, "jump", headLoc ?? undefined);
  emitter.mark(end);
}
