// Jumps out of native code.
//
// A native statement (one that does not suspend) is emitted unchanged, but a
// `break`/`continue` inside it may target an exploded loop, switch or label
// around it, and a `return` inside it may have to run exploded `finally`
// blocks or close iterators first. Those statements are replaced by the jump
// the leap stack computes. Inside a native loop the replacement continues the
// dispatch loop by its label, since a bare `continue` would hit the native
// loop. Native `finally` blocks on the way still run, because the jump is an
// ordinary `continue` that leaves them.
//
// Leaving a native `try` that has a `finally` must not change the state before
// that `finally` has run: if it throws, the runtime picks the handler by the
// current state, and the new state may lie outside the exploded `try` (or the
// `for…of` whose iterator must be closed) that covers this code. So there the
// jump records its target in a temporary and breaks out of a label around the
// outermost such `try`; after it, the target becomes the state:
//
//     _jump = -1;
//     deferred: { try { …; _jump = 7; break deferred; } finally { … } }
//     if (_jump !== -1) { _m.s = _jump; continue; }

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { locate } from "../states/source-position.js";

interface NativeScope {
  /** Native loops around the current position. */
  loops: number;
  /** Native loops and switches (targets of a bare `break`). */
  breakables: number;
  /** Labels of native statements around the current position. */
  labels: string[];
  /** Set inside a native `try` with a `finally`: jumps out wait for it (see above). */
  deferral: Deferral | null;
}

/** The label and temporary of one deferred region, made when a jump first needs them. */
interface Deferral {
  label: string | null;
  slot: string | null;
}

export function rewriteEscapes<T extends t.Statement>(ctx: LowerContext, statement: T): T {
  if (!ctx.leaps.hasTargets()) return statement;
  return rewrite(ctx, statement, { loops: 0, breakables: 0, labels: [], deferral: null }) as T;
}

/** The blocks that replace a jump: their statements can be spliced into an enclosing list. */
const jumpBlocks = new WeakSet<t.Node>();

export function isJumpBlock(node: t.Node): node is t.BlockStatement {
  return jumpBlocks.has(node);
}

/** Blocks that only group statements for splicing (a deferred region): control may go on after them. */
const groupBlocks = new WeakSet<t.Node>();

export function isGroupBlock(node: t.Node): boolean {
  return groupBlocks.has(node);
}

/** Rewrites a list of statements, splicing jump replacements in rather than nesting blocks. */
function rewriteList(ctx: LowerContext, list: t.Statement[], scope: NativeScope): t.Statement[] {
  return list.flatMap((s) => {
    const rewritten = rewrite(ctx, s, scope);
    return isJumpBlock(rewritten) || isGroupBlock(rewritten) ? (rewritten as t.BlockStatement).body : [rewritten];
  });
}

function rewrite(ctx: LowerContext, node: t.Statement, scope: NativeScope): t.Statement {
  switch (node.type) {
    case "BreakStatement":
    case "ContinueStatement": {
      const label = node.label?.name ?? null;
      const native = label
        ? scope.labels.includes(label)
        : node.type === "BreakStatement"
          ? scope.breakables > 0
          : scope.loops > 0;
      if (native) return node;
      const kind = node.type === "BreakStatement" ? "break" : "continue";
      const jump = ctx.leaps.jumpStatements(kind, label, scope.loops > 0 ? ctx.dispatchLoopLabel() : null);
      if (!jump) return node;
      ctx.emitter.recordExit(jump.throughCleanup ? "finally" : "jump", jump.first);
      const block = withLoc(t.blockStatement(deferred(ctx, jump.statements, scope.deferral)), node);
      jumpBlocks.add(block);
      return block;
    }
    case "ReturnStatement":
      if (!ctx.leaps.returnNeedsCleanup()) return node;
      ctx.emitter.recordExit("finally", ctx.leaps.returnEntry(ctx.leaps.innermostCleanup()!));
      const block = withLoc(
        t.blockStatement(
          deferred(ctx, ctx.leaps.returnStatements(node.argument ?? null, scope.loops > 0 ? ctx.dispatchLoopLabel() : null), scope.deferral),
        ),
        node,
      );
      jumpBlocks.add(block);
      return block;
    case "BlockStatement":
      return { ...node, body: rewriteList(ctx, node.body, scope) };
    case "IfStatement":
      return {
        ...node,
        consequent: rewrite(ctx, node.consequent, scope),
        alternate: node.alternate ? rewrite(ctx, node.alternate, scope) : null,
      };
    case "LabeledStatement":
      return { ...node, body: rewrite(ctx, node.body, { ...scope, labels: [...scope.labels, node.label.name] }) };
    case "WhileStatement":
    case "DoWhileStatement":
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement":
      return { ...node, body: rewrite(ctx, node.body, { ...scope, loops: scope.loops + 1, breakables: scope.breakables + 1 }) };
    case "SwitchStatement": {
      const inner = { ...scope, breakables: scope.breakables + 1 };
      return {
        ...node,
        cases: node.cases.map((c) => ({ ...c, consequent: rewriteList(ctx, c.consequent, inner) })),
      };
    }
    case "TryStatement": {
      // The outermost native `try` with a `finally` opens a deferred region; inner ones share it.
      const opens = node.finalizer != null && scope.deferral === null;
      const inside: NativeScope = opens ? { ...scope, deferral: { label: null, slot: null } } : scope;
      const rewritten: t.TryStatement = {
        ...node,
        block: rewrite(ctx, node.block, inside) as t.BlockStatement,
        handler: node.handler ? { ...node.handler, body: rewrite(ctx, node.handler.body, inside) as t.BlockStatement } : null,
        finalizer: node.finalizer ? (rewrite(ctx, node.finalizer, scope) as t.BlockStatement) : null,
      };
      return opens ? closeDeferral(ctx, rewritten, inside.deferral!, scope) : rewritten;
    }
    case "WithStatement":
      return { ...node, body: rewrite(ctx, node.body, scope) };
    default:
      // Expressions cannot hold these statements except inside functions,
      // which are separate; declarations hold none.
      return node;
  }
}

/**
 * A jump's statements, ending `_m.s = target; continue;`, as they run inside
 * a deferred region: `slot = target; break label;`.
 */
function deferred(ctx: LowerContext, statements: t.Statement[], deferral: Deferral | null): t.Statement[] {
  if (!deferral) return statements;
  const [setState, leave] = statements.slice(-2);
  if (leave?.type !== "ContinueStatement" || setState?.type !== "ExpressionStatement" || setState.expression.type !== "AssignmentExpression") {
    throw new Error("awaitless internal error: a jump does not end by setting the state");
  }
  deferral.slot ??= ctx.temp("jump");
  deferral.label ??= ctx.names.unique("deferred");
  return [
    ...statements.slice(0, -2),
    t.expressionStatement(t.assignmentExpression("=", t.identifier(deferral.slot), setState.expression.right)),
    t.breakStatement(t.identifier(deferral.label)),
  ];
}

/** Wraps the `try` that opened `deferral` so its jumps take effect after it (see above). */
function closeDeferral(ctx: LowerContext, statement: t.TryStatement, deferral: Deferral, scope: NativeScope): t.Statement {
  if (!deferral.label || !deferral.slot) return statement;
  const none = () => t.unaryExpression("-", t.numericLiteral(1));
  const slot = () => t.identifier(deferral.slot!);
  const commit = t.ifStatement(
    t.binaryExpression("!==", slot(), none()),
    t.blockStatement([
      t.expressionStatement(t.assignmentExpression("=", ctx.machineField("s"), slot())),
      t.continueStatement(scope.loops > 0 ? t.identifier(ctx.dispatchLoopLabel()) : null),
    ]),
  );
  // Only the labeled `try` maps to the input; the bookkeeping around it maps
  // nowhere, so a state that begins here begins, in the map, with the try's code.
  const region = t.labeledStatement(t.identifier(deferral.label), t.blockStatement([statement]));
  region.loc = statement.loc;
  const block = t.blockStatement([t.expressionStatement(t.assignmentExpression("=", slot(), none())), region, commit]);
  groupBlocks.add(block);
  return block;
}

/** The replacement, and each statement in it, maps to the statement it replaces. */
function withLoc(replacement: t.BlockStatement, original: t.Node): t.BlockStatement {
  replacement.loc = original.loc;
  locate(replacement.body, original.loc);
  return replacement;
}
