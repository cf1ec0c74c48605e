// `for…of` and `for await…of` whose body or head suspends.
//
//   record = iterate(xs)              GetIterator (async: with the
//                                     async-from-sync wrapper when needed)
//   head:  if (!record.step()) → end  IteratorStep; for await, the result of
//                                     next() is awaited, then checked
//          x = record.value           ┐ the iterator's region: leaving it
//          ...body...                 │ early closes the iterator
//          → head                     ┘
//   end:

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression, explodeStatement } from "../recursion.js";
import { assignToTarget } from "../expressions/patterns.js";
import { openIterator, insideIterator, emitIteratorExits } from "../states/iteration.js";
import { runtimeCall } from "../runtime-ref.js";
import { loopTarget } from "./loop-target.js";

export function explodeForOf(ctx: LowerContext, loop: t.ForOfStatement, labels: string[]): void {
  const { emitter } = ctx;
  const isAsync = loop.await === true;
  const record = ctx.temp("iterator");
  // The head's bindings exist, uninitialised, while the expression runs.
  if (ctx.scopes.headReadBeforeInit.has(loop)) ctx.enterScope(loop);
  emitter.at(loop.right.loc, () => {
    const source = explodeExpression(ctx, loop.right);
    emitter.emit(
      t.expressionStatement(
        t.assignmentExpression("=", t.identifier(record), runtimeCall(ctx, isAsync ? "asyncIterate" : "iterate", [source])),
      ),
    );
  });
  const method = (name: string, args: t.Expression[] = []) =>
    t.callExpression(t.memberExpression(t.identifier(record), t.identifier(name)), args);
  // The loop's head, where each round begins (its variable may have been replaced by an environment's field).
  const headLoc = loop.left.loc ?? loop.loc;
  const head = emitter.label();
  const end = emitter.label();
  const open = openIterator(ctx, record, isAsync);
  emitter.mark(head, "loop-head", loop.loc);
  emitter.at(headLoc, () => {
    if (isAsync) {
      const result = emitter.suspend("await", method("next"), loop.loc);
      emitter.jumpIf(t.unaryExpression("!", method("settle", [result])), end);
    } else {
      emitter.jumpIf(t.unaryExpression("!", method("step")), end);
    }
  });
  ctx.leaps.withLoop(
    labels,
    end,
    head,
    () =>
      insideIterator(ctx, open, () => {
        ctx.enterScope(loop);
        emitter.at(headLoc, () => assignToTarget(ctx, loopTarget(loop.left), t.memberExpression(t.identifier(record), t.identifier("value"))));
        explodeStatement(ctx, loop.body);
        emitter.jump(head, "jump", headLoc ?? undefined);
      }),
    open.cleanup,
  );
  emitIteratorExits(ctx, open);
  emitter.mark(end);
}
