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

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { locate } from "../source-position.js";

interface NativeScope {
  /** Native loops around the current position. */
  loops: number;
  /** Native loops and switches (targets of a bare `break`). */
  breakables: number;
  /** Labels of native statements around the current position. */
  labels: string[];
}

export function rewriteEscapes<T extends t.Statement>(ctx: LowerContext, statement: T): T {
  if (!ctx.leaps.hasTargets()) return statement;
  return rewrite(ctx, statement, { loops: 0, breakables: 0, labels: [] }) as T;
}

/** The blocks that replace a jump: their statements can be spliced into an enclosing list. */
const jumpBlocks = new WeakSet<t.Node>();

export function isJumpBlock(node: t.Node): node is t.BlockStatement {
  return jumpBlocks.has(node);
}

/** Rewrites a list of statements, splicing jump replacements in rather than nesting blocks. */
function rewriteList(ctx: LowerContext, list: t.Statement[], scope: NativeScope): t.Statement[] {
  return list.flatMap((s) => {
    const rewritten = rewrite(ctx, s, scope);
    return isJumpBlock(rewritten) ? rewritten.body : [rewritten];
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
      ctx.emitter.currentState.exits.push({ kind: jump.throughCleanup ? "finally" : "jump", target: jump.first });
      const block = withLoc(t.blockStatement(jump.statements), node);
      jumpBlocks.add(block);
      return block;
    }
    case "ReturnStatement":
      if (!ctx.leaps.returnNeedsCleanup()) return node;
      ctx.emitter.currentState.exits.push({ kind: "finally", target: ctx.leaps.returnEntry(ctx.leaps.innermostCleanup()!) });
      const block = withLoc(
        t.blockStatement(ctx.leaps.returnStatements(node.argument ?? null, scope.loops > 0 ? ctx.dispatchLoopLabel() : null)),
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
    case "TryStatement":
      return {
        ...node,
        block: rewrite(ctx, node.block, scope) as t.BlockStatement,
        handler: node.handler ? { ...node.handler, body: rewrite(ctx, node.handler.body, scope) as t.BlockStatement } : null,
        finalizer: node.finalizer ? (rewrite(ctx, node.finalizer, scope) as t.BlockStatement) : null,
      };
    case "WithStatement":
      return { ...node, body: rewrite(ctx, node.body, scope) };
    default:
      // Expressions cannot hold these statements except inside functions,
      // which are separate; declarations hold none.
      return node;
  }
}

/** The replacement, and each statement in it, maps to the statement it replaces. */
function withLoc(replacement: t.BlockStatement, original: t.Node): t.BlockStatement {
  replacement.loc = original.loc;
  locate(replacement.body, original.loc);
  return replacement;
}
