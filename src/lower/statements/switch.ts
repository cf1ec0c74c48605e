// `switch` whose discriminant, a case test or a body suspends. The tests run
// in source order, each only if the ones before did not match (skipping
// `default`, which is taken when none matches); bodies follow one another so
// that falling through works as written.

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";
import { explodeExpression, explodeStatement } from "../recursion.js";

export function explodeSwitch(ctx: LowerContext, statement: t.SwitchStatement, labels: string[]): void {
  const { emitter } = ctx;
  const discriminant = emitter.at(statement.discriminant.loc, () => ctx.spill(explodeExpression(ctx, statement.discriminant), "discriminant"));
  ctx.enterScope(statement);
  const entries = statement.cases.map(() => emitter.label());
  const end = emitter.label();
  statement.cases.forEach((clause, i) => {
    const test = clause.test;
    if (!test) return;
    emitter.at(test.loc, () => emitter.jumpIf(t.binaryExpression("===", t.cloneNode(discriminant), explodeExpression(ctx, test)), entries[i]));
  });
  const fallback = statement.cases.findIndex((clause) => !clause.test);
  emitter.jump(fallback >= 0 ? entries[fallback] : end);
  ctx.leaps.withBreakable(labels, end, true, () => {
    statement.cases.forEach((clause, i) => {
      emitter.mark(entries[i], "plain", clause.loc);
      for (const body of clause.consequent) explodeStatement(ctx, body);
    });
  });
  emitter.mark(end);
}
