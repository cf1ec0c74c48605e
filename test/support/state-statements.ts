// Reads a compiled file back to find the statements of every state of the
// model that `inspect` returned: the statements of its `case` (or of the step
// function's body when it has no `switch`). The state model gives the output
// range of each `case`; the statements inside it come from parsing the output.

import { parse, type ParserPlugin } from "@babel/parser";
import * as t from "@babel/types";
import type { FunctionModel, SourceRange, StateModel } from "../../src/index.js";

export interface StateStatements {
  fn: FunctionModel;
  state: StateModel;
  /** The state's statements in order, blocks entered; empty when its `case` is. */
  statements: t.Statement[];
}

export function parserPlugins(filename: string | undefined): ParserPlugin[] {
  return /\.[cm]?tsx?$/.test(filename ?? "") ? ["typescript"] : ["jsx"];
}

export function parseCode(code: string, options: { sourceType?: string; filename?: string }, tokens = false): t.File {
  return parse(code, { sourceType: options.sourceType === "script" ? "script" : "module", plugins: parserPlugins(options.filename), tokens });
}

function key(range: { start: { line: number; column: number }; end: { line: number; column: number } }): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/**
 * Every state that has an output range, with its statements. Throws when an
 * output range names no `case` or block of the output (the model and the code
 * disagree).
 */
export function stateStatements(output: t.File, functions: FunctionModel[]): StateStatements[] {
  const containers = new Map<string, t.Statement[]>();
  t.traverseFast(output.program, (node) => {
    if (!node.loc) return;
    if (t.isSwitchCase(node)) containers.set(key(node.loc), node.consequent);
    else if (t.isBlockStatement(node) && !containers.has(key(node.loc))) containers.set(key(node.loc), node.body);
  });
  const found: StateStatements[] = [];
  for (const fn of functions) {
    for (const state of fn.states) {
      if (!state.output) continue;
      const body = containers.get(key(state.output));
      if (!body) throw new Error(`function ${fn.id} (${fn.name || "anonymous"}), state ${state.id}: no case or block at output ${key(state.output)}`);
      found.push({ fn, state, statements: flatten(body) });
    }
  }
  return found;
}

/** Blocks, labelled blocks and `try` statements (`try {` and a label run nothing) are entered. */
function flatten(body: t.Statement[]): t.Statement[] {
  return body.flatMap((statement): t.Statement[] => {
    if (t.isBlockStatement(statement)) return flatten(statement.body);
    if (t.isLabeledStatement(statement) && t.isBlockStatement(statement.body)) return flatten(statement.body.body);
    if (t.isTryStatement(statement)) {
      return [statement.block, statement.handler?.body, statement.finalizer].flatMap((block) => (block ? flatten(block.body) : []));
    }
    return t.isEmptyStatement(statement) ? [] : [statement];
  });
}

export function describeRange(range: SourceRange | null | undefined): string {
  return range ? `${range.start.line}:${range.start.column}` : "none";
}
