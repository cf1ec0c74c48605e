// What the input of a compilation says about where code is: which lines hold
// code, and on which line the code a state runs begins, read from its AST.

import * as t from "@babel/types";
import type { SourceRange, StateKind } from "../../src/index.js";

/** Nodes that carry nothing of their own to run: their parts (tests, bodies, declarations) do. */
const STRUCTURE = new Set([
  "File",
  "Program",
  "BlockStatement",
  "StaticBlock",
  "ClassBody",
  "EmptyStatement",
  "TryStatement",
  "CatchClause",
  "LabeledStatement",
  "DoWhileStatement",
  "WhileStatement",
  "ForStatement",
  "ForInStatement",
  "ForOfStatement",
  "IfStatement",
  "SwitchStatement",
  "SwitchCase",
  "TemplateElement",
]);

interface Visit {
  node: t.Node;
  parent: t.Node | null;
  /** The statement list holding the node, and its index there. */
  list: t.Node[] | null;
  index: number;
}

function walk(root: t.Node, visit: (v: Visit) => void): void {
  const go = (node: t.Node, parent: t.Node | null, list: t.Node[] | null, index: number) => {
    visit({ node, parent, list, index });
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      // Types are erased: they hold no code.
      if (key === "typeAnnotation" || key === "returnType" || key === "typeParameters" || key === "superTypeParameters") continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) child.forEach((c, i) => c && typeof c === "object" && go(c as t.Node, node, child as t.Node[], i));
      else if (child && typeof child === "object") go(child as t.Node, node, null, -1);
    }
  };
  go(root, null, null, -1);
}

/**
 * Lines (from 1) on which an expression or a simple statement starts: the
 * lines a debugger can stop at. Lines of brackets, `try {`, `} finally {`,
 * `else {`, `do {`, `default:`, a label or `for (;;) {` run nothing of
 * their own.
 */
export function codeLines(ast: t.File): number[] {
  const lines = new Set<number>();
  const labels = new Set<t.Node>();
  walk(ast.program, ({ node }) => {
    if ((t.isLabeledStatement(node) || t.isBreakStatement(node) || t.isContinueStatement(node)) && node.label) labels.add(node.label);
    if (STRUCTURE.has(node.type) || labels.has(node) || node.type.startsWith("TS") || !node.loc) return;
    lines.add(node.loc.start.line);
  });
  return [...lines].sort((a, b) => a - b);
}

export interface InputIndex {
  /** Nodes by their exact range, outermost first, with where they sit. */
  byRange: Map<string, Visit[]>;
  /** Every statement, outermost first. */
  statements: t.Statement[];
  /** Start positions ("line:column") of function declarations, and of their names: where hoisted functions map to. */
  functionDeclarations: Set<string>;
}

const rangeKey = (r: SourceRange) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

export function indexInput(ast: t.File): InputIndex {
  const byRange = new Map<string, Visit[]>();
  const functionDeclarations = new Set<string>();
  const statements: t.Statement[] = [];
  walk(ast.program, (visit) => {
    const { node } = visit;
    if (!node.loc) return;
    if (t.isStatement(node)) statements.push(node);
    const k = rangeKey(node.loc);
    byRange.set(k, [...(byRange.get(k) ?? []), visit]);
    if (t.isFunctionDeclaration(node)) {
      functionDeclarations.add(`${node.loc.start.line}:${node.loc.start.column}`);
      if (node.id?.loc) functionDeclarations.add(`${node.id.loc.start.line}:${node.id.loc.start.column}`);
    }
  });
  return { byRange, statements, functionDeclarations };
}

/** Statements that hold other statements: their own code is only their head. */
function isCompound(node: t.Statement): boolean {
  return (
    t.isBlockStatement(node) ||
    t.isStaticBlock(node) ||
    t.isLoop(node) ||
    t.isIfStatement(node) ||
    t.isTryStatement(node) ||
    t.isSwitchStatement(node) ||
    t.isLabeledStatement(node) ||
    t.isWithStatement(node) ||
    t.isFunctionDeclaration(node)
  );
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/**
 * The statement without statements inside (an expression statement, a
 * declaration, a `return`...) that holds a position, if the innermost
 * statement holding it is one.
 */
export function simpleStatementAt(index: InputIndex, position: { line: number; column: number }): t.Statement | null {
  let innermost: t.Statement | null = null;
  for (const statement of index.statements) {
    const { start, end } = statement.loc!;
    if (before(start, position) && before(position, end)) innermost = statement;
  }
  return innermost && !isCompound(innermost) ? innermost : null;
}

export function holds(node: t.Node, position: { line: number; column: number }): boolean {
  return before(node.loc!.start, position) && before(position, node.loc!.end);
}

/**
 * The line where the code a state runs begins, given the state's source
 * range. That is the range's first line, except where the range starts with a
 * construct that runs nothing there itself:
 * - a `finally` block, a `do` loop, a `for (;;)` or `while (true)` loop, a
 *   `try`, a label, a `case`/`default` clause or a `catch` clause without a
 *   binding: the code begins with their first statement (function declarations aside: they are
 *   instantiated where their scope begins);
 * - a resume state after an `await x;` or `yield x;` statement, or any
 *   statement that drops the value as its last act (`a ?? await b;`), or a
 *   state whose first code instantiates a function
 *   declaration: the code begins with the next statement.
 * Null when the code begins outside the range's own statement list (after the
 * last statement of a block, control goes on in the enclosing construct).
 */
export function entryLine(index: InputIndex, range: SourceRange, kind: StateKind): number | null {
  const visits = index.byRange.get(rangeKey(range));
  if (!visits) return range.start.line;
  for (const visit of visits) {
    const { node, parent, list } = visit;
    const resume = kind === "resume-await" || kind === "resume-yield";
    if (resume && (t.isAwaitExpression(node) || t.isYieldExpression(node))) {
      const statement = droppingStatement(index, visit);
      if (statement) return nextIn(statement);
    }
    if (resume && t.isExpressionStatement(node) && (t.isAwaitExpression(node.expression) || t.isYieldExpression(node.expression))) {
      return nextIn(visit);
    }
    // A function declaration is instantiated where its scope begins, which
    // the check skips over: the code of its own begins with what follows it.
    if (t.isFunctionDeclaration(node) && list) return nextIn(visit);
    if (
      t.isBlockStatement(node) ||
      t.isCatchClause(node) ||
      t.isSwitchCase(node) ||
      t.isDoWhileStatement(node) ||
      t.isLabeledStatement(node) ||
      t.isTryStatement(node) ||
      testsNothing(node)
    ) {
      const line = startOf(node);
      if (line !== undefined) return line;
      return t.isSwitchCase(node) && list ? firstOfCases(list as t.SwitchCase[], visit.index + 1) : null;
    }
  }
  return range.start.line;
}

/**
 * The expression statement whose last act is to drop the value of the await
 * or yield visited (`await x;`, `a ?? await b;`, `c ? d : await e;`,
 * `(f(), await x);`): after it resumes, the statement has nothing left to
 * run. Found from the statement's own visit, which knows its place in its list.
 */
function droppingStatement(index: InputIndex, visit: Visit): Visit | null {
  let current = visit;
  for (;;) {
    const { node, parent } = current;
    if (!parent) return null;
    const up = index.byRange.get(rangeKey(parent.loc!))?.find((v) => v.node === parent);
    if (t.isExpressionStatement(parent)) return up ?? null;
    const evaluatedLast =
      (t.isLogicalExpression(parent) && parent.right === node) ||
      (t.isConditionalExpression(parent) && parent.test !== node) ||
      (t.isSequenceExpression(parent) && parent.expressions[parent.expressions.length - 1] === node);
    if (!evaluatedLast || !up) return null;
    current = up;
  }
}

/** The line of the first code of a statement (see entryLine); undefined when it has none. */
function startOf(node: t.Node): number | undefined {
  if (t.isBlockStatement(node)) return firstIn(node.body, 0);
  if (t.isCatchClause(node)) return node.param?.loc ? node.param.loc.start.line : startOf(node.body);
  if (t.isSwitchCase(node)) return firstIn(node.consequent, 0);
  if (t.isDoWhileStatement(node) || t.isLabeledStatement(node)) return startOf(node.body);
  // `for (…; ; …)` and `while (true)` test nothing: each round begins with the body
  // (a `for`'s initialiser runs before, in the state the loop head follows).
  if (testsNothing(node)) return startOf((node as t.ForStatement | t.WhileStatement).body);
  // `try {` runs nothing itself: its block does.
  if (t.isTryStatement(node)) return startOf(node.block);
  return node.loc?.start.line;
}

/** A loop that runs no test of its own before each round. */
function testsNothing(node: t.Node): boolean {
  return (t.isForStatement(node) && !node.test) || (t.isWhileStatement(node) && t.isBooleanLiteral(node.test, { value: true }));
}

/**
 * The first code of a statement list from an index: function declarations
 * are skipped, as they are instantiated when the scope is entered, not where
 * they stand.
 */
function firstIn(list: t.Node[], from: number): number | undefined {
  for (let i = from; i < list.length; i++) {
    if (t.isFunctionDeclaration(list[i])) continue;
    return startOf(list[i]);
  }
  return undefined;
}

/** A `case` without statements falls into the next one. */
function firstOfCases(cases: t.SwitchCase[], from: number): number | null {
  for (let i = from; i < cases.length; i++) {
    const line = startOf(cases[i]);
    if (line !== undefined) return line;
  }
  return null;
}

function nextIn(visit: Visit): number | null {
  return visit.list ? (firstIn(visit.list, visit.index + 1) ?? null) : null;
}
