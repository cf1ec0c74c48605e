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
import type { LowerContext } from "../context.js";
import { NO_SOURCE } from "./source-position.js";

export function buildStepBody(ctx: LowerContext): t.Statement[] {
  const states = ctx.emitter.states;
  if (states.length === 1) return states[0].body;
  // The dispatch is the machine's own: it maps to nothing (so do the `case` labels).
  const cases = states.map((state) => ({ ...t.switchCase(t.numericLiteral(state.id), state.body), loc: NO_SOURCE }));
  const dispatch = { ...t.switchStatement(ctx.machineField("s"), cases), loc: NO_SOURCE };
  if (!ctx.emitter.usesJumps && !ctx.dispatchLabel) return [dispatch];
  // Falling off the last state must leave the loop, not run it again.
  const last = states[states.length - 1];
  if (!last.terminated) last.body.push({ ...t.returnStatement(), loc: NO_SOURCE });
  const loop = { ...t.forStatement(null, null, null, dispatch), loc: NO_SOURCE };
  return [ctx.dispatchLabel ? { ...t.labeledStatement(t.identifier(ctx.dispatchLabel), loop), loc: NO_SOURCE } : loop];
}
