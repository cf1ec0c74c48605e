// Turns the finished states into the step function's body:
//
//     for (;;) switch (_m.s) {
//       case 0: ...
//       case 1: ...
//     }
//
// The `for (;;)` is only there when some state jumps (`m.s = n; continue;`);
// it gets a label when a jump has to leave a native loop. A body that never
// suspends is a single state and needs no switch at all.

import * as t from "@babel/types";
import type { LowerContext } from "./context.js";

export function buildStepBody(ctx: LowerContext): t.Statement[] {
  const states = ctx.emitter.states;
  if (states.length === 1) return states[0].body;
  const cases = states.map((state) => t.switchCase(t.numericLiteral(state.id), state.body));
  const dispatch = t.switchStatement(ctx.machineField("s"), cases);
  if (!ctx.emitter.usesJumps && !ctx.dispatchLabel) return [dispatch];
  // Falling off the last state must leave the loop, not run it again.
  const last = states[states.length - 1];
  if (!last.terminated) last.body.push(t.returnStatement());
  const loop = t.forStatement(null, null, null, dispatch);
  return [ctx.dispatchLabel ? t.labeledStatement(t.identifier(ctx.dispatchLabel), loop) : loop];
}
