// Lowers the statements of a body into states.
//
// A statement with no suspension inside is emitted as it was written (a
// "native" statement), so loops, `try` and block scopes that never suspend
// keep running as the engine runs them. Only its `break`, `continue` and
// `return` statements that leave it towards an exploded statement are
// rewritten into jumps (see `rewriteEscapes`).

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression, emitForEffect } from "../expressions/index.js";
import { unsupported } from "../unsupported.js";
import { explodeWhile, explodeDoWhile, explodeFor, explodeForIn } from "./loops.js";
import { explodeForOf } from "./for-of.js";
import { explodeSwitch } from "./switch.js";
import { explodeTry } from "./try.js";
import { rewriteEscapes, isJumpBlock, isGroupBlock } from "./escapes.js";
import { locate } from "../states/source-position.js";

export function explodeStatements(ctx: LowerContext, statements: t.Statement[]): void {
  for (const statement of statements) explodeStatement(ctx, statement);
}

export function explodeStatement(ctx: LowerContext, statement: t.Statement, labels: string[] = []): void {
  if (!ctx.suspends(statement)) {
    emitNative(ctx, statement);
    return;
  }
  switch (statement.type) {
    case "ExpressionStatement":
      ctx.emitter.at(statement.loc, () => emitForEffect(ctx, explodeExpression(ctx, statement.expression, true), statement.loc));
      return;
    case "BlockStatement":
      ctx.enterScope(statement);
      explodeStatements(ctx, statement.body);
      return;
    case "IfStatement":
      explodeIf(ctx, statement);
      return;
    case "ReturnStatement":
      ctx.emitter.at(statement.loc, () => explodeReturn(ctx, statement));
      return;
    case "ThrowStatement":
      ctx.emitter.at(statement.loc, () =>
        ctx.emitter.terminate({ ...t.throwStatement(explodeExpression(ctx, statement.argument)), loc: statement.loc }, "throw"),
      );
      return;
    case "LabeledStatement":
      explodeLabeled(ctx, statement, labels);
      return;
    case "WhileStatement":
      explodeWhile(ctx, statement, labels);
      return;
    case "DoWhileStatement":
      explodeDoWhile(ctx, statement, labels);
      return;
    case "ForStatement":
      explodeFor(ctx, statement, labels);
      return;
    case "ForInStatement":
      explodeForIn(ctx, statement, labels);
      return;
    case "ForOfStatement":
      explodeForOf(ctx, statement, labels);
      return;
    case "SwitchStatement":
      explodeSwitch(ctx, statement, labels);
      return;
    case "TryStatement":
      explodeTry(ctx, statement);
      return;
    case "WithStatement": {
      const object = ctx.emitter.at(statement.object.loc, () => ctx.spill(explodeExpression(ctx, statement.object), "with"));
      ctx.emitter.insideWith(object.name, () => explodeStatement(ctx, statement.body));
      return;
    }
    default:
      throw unsupported(statement);
  }
}

/** Emits a statement that does not suspend, with its escaping jumps rewritten. */
export function emitNative(ctx: LowerContext, statement: t.Statement): void {
  // A block that declares nothing block-scoped needs no braces of its own.
  if (statement.type === "BlockStatement" && !statement.body.some(declaresLexically)) {
    for (const inner of statement.body) emitNative(ctx, inner);
    return;
  }
  const rewritten = rewriteEscapes(ctx, statement);
  if (isGroupBlock(rewritten)) {
    // A deferred region: its jumps were recorded as they were rewritten, and control may go on after it.
    for (const inner of (rewritten as t.BlockStatement).body) ctx.emitter.emit(inner);
    return;
  }
  if (isJumpBlock(rewritten)) {
    // Its exit was recorded when the jump was rewritten.
    for (const inner of locate(rewritten.body, rewritten.loc)) ctx.emitter.emit(inner);
    ctx.emitter.endAfterRecordedJump();
    return;
  }
  if (rewritten.type === "ReturnStatement" || rewritten.type === "ThrowStatement") {
    ctx.emitter.terminate(rewritten, rewritten.type === "ReturnStatement" ? "return" : "throw");
  } else {
    ctx.emitter.emit(rewritten);
  }
}

function declaresLexically(statement: t.Statement): boolean {
  return (
    (statement.type === "VariableDeclaration" && statement.kind !== "var") ||
    statement.type === "ClassDeclaration" ||
    statement.type === "FunctionDeclaration"
  );
}

function explodeIf(ctx: LowerContext, statement: t.IfStatement): void {
  const { emitter } = ctx;
  const test = emitter.at(statement.test.loc, () => explodeExpression(ctx, statement.test));
  if (!ctx.suspends(statement.consequent) && !ctx.suspends(statement.alternate)) {
    emitNative(ctx, { ...statement, test });
    return;
  }
  const otherwise = emitter.label();
  const end = emitter.label();
  emitter.at(statement.test.loc, () => emitter.jumpIf(t.unaryExpression("!", test), statement.alternate ? otherwise : end));
  explodeStatement(ctx, statement.consequent);
  if (statement.alternate) {
    emitter.jump(end);
    emitter.mark(otherwise);
    explodeStatement(ctx, statement.alternate);
  }
  emitter.mark(end);
}

function explodeReturn(ctx: LowerContext, statement: t.ReturnStatement): void {
  let value = statement.argument ? explodeExpression(ctx, statement.argument) : null;
  // In an async generator `return v` awaits `v` first.
  if (value && ctx.kind === "asyncGenerator") value = ctx.emitter.suspend("await", value, statement.loc);
  if (ctx.leaps.returnNeedsCleanup()) {
    if (ctx.emitter.terminated) return;
    for (const jump of ctx.leaps.returnStatements(value, null)) ctx.emitter.emit(jump);
    ctx.emitter.endWithJump("finally", ctx.leaps.returnEntry(ctx.leaps.innermostCleanup()!));
    return;
  }
  ctx.emitter.terminate({ ...t.returnStatement(value), loc: statement.loc }, "return");
}

function explodeLabeled(ctx: LowerContext, statement: t.LabeledStatement, outer: string[]): void {
  const labels = [...outer, statement.label.name];
  const body = statement.body;
  if (t.isLoop(body) || body.type === "LabeledStatement") {
    explodeStatement(ctx, body, labels);
    return;
  }
  const end = ctx.emitter.label();
  ctx.leaps.withBreakable(labels, end, false, () => explodeStatement(ctx, body));
  ctx.emitter.mark(end);
}
