// The `annotate` option: each state's first statement gets a comment with
// the source line the state comes from — for a resume state, the line of the
// await or yield it resumes after — so a reader can follow the machine back
// to the code.
//
//     case 3:
//       // line 12: const res = await fetch(url);
//       res = _m.v;

import * as t from "@babel/types";
import type { LowerContext } from "../context.js";

const MAX_LENGTH = 72;

export function annotateStates(ctx: LowerContext, source: string): void {
  const lines = source.split(/\r\n?|\n/);
  for (const state of ctx.emitter.states) {
    const first = state.body[0];
    if (!first || !state.loc) continue;
    const line = state.loc.start.line;
    let text = (lines[line - 1] ?? "").trim();
    if (text.length > MAX_LENGTH) text = text.slice(0, MAX_LENGTH - 1) + "…";
    t.addComment(first, "leading", ` line ${line}: ${text.replace(/\*\//g, "* /")}`, true);
  }
}
