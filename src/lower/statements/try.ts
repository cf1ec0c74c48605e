// `try` whose block, catch or finally suspends.
//
// Layout, in state order:
//
//   try block        region: exceptions go to the catch (or, without one,
//                    to the finally's exception entry)
//   catch block      region (when there is a finally): exceptions go to the
//                    finally's exception entry
//   finally block    ends with `m.s = slot; continue;` — the slot says where
//                    to go next: after the try, on along a break/return
//                    route, or to the rethrow state
//   rethrow          `throw error;` (in the enclosing region)
//   exception entry  `error = m.v; slot = rethrow;` → finally
//   return entry     `slot = <next return entry or exit>;` → finally
//
// A `return`, `break` or `continue` inside that leaves the try is routed
// through the finally by the leap stack; one inside the finally simply
// overrides whatever was pending, as in the language.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { lazyName, type Cleanup } from "../states/leaps.js";
import { assignToTarget } from "../expressions/patterns.js";
import { explodeStatement } from "../recursion.js";

export function explodeTry(ctx: LowerContext, statement: t.TryStatement): void {
  const { emitter } = ctx;
  const handler = statement.handler;
  const finalizer = statement.finalizer;
  const after = emitter.label();
  const catchEntry = emitter.label();
  // Not after a jump, return or throw: the target would count as reachable from here.
  const setSlot = (cleanup: Cleanup, target: ReturnType<typeof emitter.label>) => {
    if (!emitter.terminated) emitter.emit(ctx.leaps.assignSlot(cleanup, target));
  };

  const fin: Cleanup | null = finalizer
    ? {
        kind: "finally",
        entry: emitter.label(),
        slot: lazyName(() => ctx.temp("finally")),
        returnEntry: null,
        outer: ctx.leaps.innermostCleanup(),
        continuations: [],
      }
    : null;
  const finallyOnThrow = emitter.label();

  const protectedPart = () => {
    const finallyRegion = fin ? emitter.enterRegion(finallyOnThrow, null) : null;
    const tryRegion = handler ? emitter.enterRegion(catchEntry, null) : null;
    explodeStatement(ctx, statement.block);
    if (fin) {
      setSlot(fin, after);
      if (handler) emitter.jump(fin.entry, "finally");
    } else {
      emitter.jump(after);
    }
    if (tryRegion) emitter.exitRegion(tryRegion);
    if (handler) {
      emitter.mark(catchEntry, "catch", handler.loc);
      ctx.enterScope(handler);
      const param = handler.param;
      // (A parameter kept in an environment object has lost its own place.)
      if (param) emitter.at(param.loc ?? handler.loc, () => assignToTarget(ctx, param, emitter.machineField("v")));
      explodeStatement(ctx, handler.body);
      if (fin) setSlot(fin, after);
    }
    if (finallyRegion) emitter.exitRegion(finallyRegion);
    return finallyRegion;
  };

  if (!fin) {
    protectedPart();
    emitter.mark(after);
    return;
  }
  const finallyRegion = ctx.leaps.withCleanup(fin, protectedPart)!;
  emitter.mark(fin.entry, "finally", finalizer!.loc);
  explodeStatement(ctx, finalizer!);
  ctx.leaps.emitCleanupEnd(fin);

  const rethrow = emitter.label();
  const error = ctx.temp("error");
  emitter.mark(rethrow);
  emitter.terminate(t.throwStatement(t.identifier(error)), "throw");
  emitter.mark(finallyOnThrow, "catch");
  emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.identifier(error), emitter.machineField("v"))));
  setSlot(fin, rethrow);
  emitter.jump(fin.entry, "finally");
  if (ctx.kind !== "async") ctx.leaps.returnEntry(fin);
  ctx.leaps.emitReturnEntry(fin);
  emitter.setReturnHandler(finallyRegion, fin.returnEntry);
  emitter.mark(after);
}
