// Questions the page asks of the state model: which function and which state
// hold a place in the input, and where a model range is in an editor's text.

import type { Text } from "@codemirror/state";
import type { FunctionModel, SourcePosition, SourceRange, StateModel } from "../../src/index.ts";

export interface OffsetRange {
  from: number;
  to: number;
}

/** A model position (1-based line, 0-based column) as an offset into `doc`, clamped to it. */
export function toOffset(doc: Text, position: SourcePosition): number {
  const line = doc.line(Math.min(Math.max(position.line, 1), doc.lines));
  return Math.min(line.from + Math.max(position.column, 0), line.to);
}

export function toOffsets(doc: Text, range: SourceRange): OffsetRange {
  const from = toOffset(doc, range.start);
  return { from, to: Math.max(from, toOffset(doc, range.end)) };
}

/** An offset as a model position. */
export function toPosition(doc: Text, offset: number): SourcePosition {
  const line = doc.lineAt(Math.min(Math.max(offset, 0), doc.length));
  return { line: line.number, column: offset - line.from };
}

function compare(a: SourcePosition, b: SourcePosition): number {
  return a.line - b.line || a.column - b.column;
}

export function contains(range: SourceRange | null | undefined, position: SourcePosition): boolean {
  return !!range && compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

/** A rough size, to prefer the innermost of nested ranges. */
function extent(range: SourceRange): number {
  return (range.end.line - range.start.line) * 100_000 + (range.end.column - range.start.column);
}

/** The innermost function whose source holds `position`, or null. */
export function functionAt(functions: FunctionModel[], position: SourcePosition): FunctionModel | null {
  let best: FunctionModel | null = null;
  for (const fn of functions) {
    if (fn.source && contains(fn.source, position) && (!best || extent(fn.source) < extent(best.source!))) best = fn;
  }
  return best;
}

/**
 * The state of `fn` whose source range holds `position`: the narrowest one,
 * the first by number among equals (an await's own state before the state
 * that resumes after it).
 */
export function stateAtSource(fn: FunctionModel, position: SourcePosition): StateModel | null {
  return narrowest(fn.states, (state) => state.source, position);
}

/** The state whose `case` in the output holds `position`. */
export function stateAtOutput(functions: FunctionModel[], position: SourcePosition): { fn: FunctionModel; state: StateModel } | null {
  let best: { fn: FunctionModel; state: StateModel } | null = null;
  for (const fn of functions) {
    const state = narrowest(fn.states, (s) => s.output ?? null, position);
    if (state && (!best || extent(state.output!) < extent(best.state.output!))) best = { fn, state };
  }
  return best;
}

function narrowest(states: StateModel[], rangeOf: (s: StateModel) => SourceRange | null, position: SourcePosition): StateModel | null {
  let best: StateModel | null = null;
  for (const state of states) {
    const range = rangeOf(state);
    if (!range || !contains(range, position)) continue;
    if (!best || extent(range) < extent(rangeOf(best)!)) best = state;
  }
  return best;
}

/** How a function is named in menus: "main (async, line 3)". */
export function describeFunction(fn: FunctionModel): string {
  const name = fn.name || "(anonymous)";
  const line = fn.source ? `, line ${fn.source.start.line}` : "";
  return `${name} (${fn.kind}${line})`;
}

export function describeState(state: StateModel): string {
  const line = state.source ? `line ${state.source.start.line}` : "compiler-made";
  return `state ${state.id} · ${state.kind} · ${line}`;
}
