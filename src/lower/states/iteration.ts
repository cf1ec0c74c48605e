// An open iterator as a cleanup: code that runs while an iterator is open
// (a `for…of` body, the elements of an array pattern) is a protected region.
// Leaving it early closes the iterator, as the spec's IteratorClose does:
//
//   - on an exception: call `return()`, ignore anything it throws, rethrow the
//     original exception (the region's throw handler);
//   - on `break`, `return` or an outer `continue`: call `return()`, and let its
//     exception or a non-object result propagate (the cleanup entry, reached
//     through the leap chain, then on to the slot's state);
//   - on a generator's `return()`: the return entry, which closes and goes on
//     to the next cleanup outward.
//
// For an async iterator (`for await`) the result of `return()` is awaited in
// both cases; on the exception path a rejection of that await is ignored.
// The handler states sit after the region, in the enclosing region, so an
// exception from closing propagates outward rather than re-entering them.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import type { Label, Region } from "./emitter.js";
import { lazyName, type Cleanup } from "./leaps.js";

export interface OpenIterator {
  record: string;
  isAsync: boolean;
  cleanup: Cleanup;
  onThrow: Label;
  region: Region | null;
}

/** Sets up the cleanup of the iterator record held in `record` (not yet entered). */
export function openIterator(ctx: LowerContext, record: string, isAsync: boolean): OpenIterator {
  const cleanup: Cleanup = {
    kind: "iterator",
    entry: ctx.emitter.label(),
    slot: lazyName(() => ctx.temp("next")),
    returnEntry: null,
    outer: ctx.leaps.innermostCleanup(),
    continuations: [],
  };
  return { record, isAsync, cleanup, onThrow: ctx.emitter.label(), region: null };
}

/** Runs `body` inside the iterator's protected region. */
export function insideIterator(ctx: LowerContext, open: OpenIterator, body: () => void): void {
  ctx.leaps.withCleanup(open.cleanup, () => {
    open.region = ctx.emitter.enterRegion(open.onThrow, null);
    body();
    ctx.emitter.exitRegion(open.region);
  });
  if (ctx.kind !== "async") ctx.leaps.returnEntry(open.cleanup);
  ctx.emitter.setReturnHandler(open.region!, open.cleanup.returnEntry);
}

function call(record: string, method: string, args: t.Expression[] = []): t.CallExpression {
  return t.callExpression(t.memberExpression(t.identifier(record), t.identifier(method)), args);
}

/**
 * Emits the states that close the iterator when its region is left early.
 * Control must not fall into them: the caller ends the region with a jump.
 */
export function emitIteratorExits(ctx: LowerContext, open: OpenIterator): void {
  const { emitter } = ctx;
  const { record, cleanup } = open;
  // Exception: close quietly, rethrow.
  emitter.mark(open.onThrow, "catch");
  if (open.isAsync) {
    // `closeQuietly()` calls `return()` if there is one, swallowing what it
    // throws, and says whether there is a result to await; a rejection of
    // that await is swallowed too (the region around it rethrows instead).
    const error = ctx.spill(emitter.machineField("v"), "error");
    const rethrow = emitter.label();
    emitter.jumpIf(t.unaryExpression("!", call(record, "closeQuietly")), rethrow);
    const region = emitter.enterRegion(rethrow, null);
    emitter.suspend("await", t.memberExpression(t.identifier(record), t.identifier("result")));
    emitter.exitRegion(region);
    emitter.mark(rethrow);
    emitter.terminate(t.throwStatement(error), "throw");
  } else {
    emitter.emit(t.expressionStatement(call(record, "closeQuietly")));
    emitter.terminate(t.throwStatement(emitter.machineField("v")), "throw");
  }
  const used = cleanup.entry.refs.length > 0 || cleanup.returnEntry !== null;
  if (!used) return;
  // Break, return or outer continue: close, then go where the slot says.
  emitter.mark(cleanup.entry, "finally");
  if (open.isAsync) {
    const skip = emitter.label();
    emitter.jumpIf(t.unaryExpression("!", call(record, "hasReturn")), skip);
    const result = emitter.suspend("await", call(record, "callReturn"));
    emitter.emit(t.expressionStatement(call(record, "checkReturn", [result])));
    emitter.mark(skip);
  } else {
    emitter.emit(t.expressionStatement(call(record, "close")));
  }
  ctx.leaps.emitCleanupEnd(cleanup);
  ctx.leaps.emitReturnEntry(cleanup);
}
