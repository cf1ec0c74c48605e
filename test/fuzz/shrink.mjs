// Shrinks a program tree while a predicate stays true (the mismatch persists).
//
// Greedy delta debugging over the tree of ast.mjs: each round lists every
// edit of the current tree — remove a run of statements (halves first, down
// to single ones), replace a compound statement by one of its bodies, replace
// an expression by one of its operands or by a literal, drop an optional part
// (else, catch, finally, a default, a loop condition), lower a loop count —
// biggest first, and keeps the first edit whose result still satisfies the
// predicate. A round with no accepted edit ends the search. Candidates that
// do not parse are skipped without running them, and every program text is
// tried at most once.
//
// The predicate is asynchronous and may be called for several candidates at
// once (`parallel`); the first success in list order wins, so the result does
// not depend on timing.

import { parse } from "@babel/parser";
import traverseModule from "@babel/traverse";
import { SCHEMA, EXPRESSION_TYPES, countNodes, num, lit } from "./ast.mjs";

const traverse = traverseModule.default ?? traverseModule;

/**
 * @param {object} root the tree (not modified)
 * @param {object} options
 * @param {(tree: object, text: string) => Promise<boolean>} options.predicate true while the tree still shows the problem
 * @param {(tree: object) => string} options.print
 * @param {"module" | "script"} [options.sourceType]
 * @param {boolean} [options.ts] the program is TypeScript
 * @param {number} [options.parallel] candidates checked at once
 * @param {number} [options.maxChecks] stop after this many predicate calls
 * @param {number} [options.maxMs] stop after this long
 * @returns {Promise<{ tree: object, checks: number, rounds: number, stopped: string | null }>}
 */
export async function shrink(root, { predicate, print, sourceType = "module", ts = false, parallel = 1, maxChecks = 5000, maxMs = 10 * 60_000 }) {
  let tree = structuredClone(root);
  const tried = new Set([print(tree)]);
  const started = Date.now();
  let checks = 0;
  let rounds = 0;
  let stopped = null;

  for (;;) {
    rounds++;
    let accepted = false;
    const pending = [];
    // Candidates are produced lazily: building every clone up front would be slow on big trees.
    for (const edit of edits(tree)) {
      if (checks >= maxChecks) {
        stopped = `after ${checks} checks`;
        break;
      }
      if (Date.now() - started > maxMs) {
        stopped = `after ${Math.round((Date.now() - started) / 1000)} s`;
        break;
      }
      const candidate = edit();
      if (!candidate) continue;
      const text = print(candidate);
      if (tried.has(text)) continue;
      tried.add(text);
      if (!acceptable(text, sourceType, ts)) continue;
      pending.push({ candidate, text });
      if (pending.length < parallel) continue;
      const winner = await firstTrue(pending, predicate);
      checks += pending.length;
      pending.length = 0;
      if (winner) {
        tree = winner;
        accepted = true;
        break;
      }
    }
    if (!accepted && pending.length && !stopped) {
      const winner = await firstTrue(pending, predicate);
      checks += pending.length;
      if (winner) {
        tree = winner;
        accepted = true;
      }
    }
    if (!accepted || stopped) break;
  }
  return { tree, checks, rounds, stopped };
}

async function firstTrue(pending, predicate) {
  const results = await Promise.all(pending.map(({ candidate, text }) => predicate(candidate, text)));
  const index = results.indexOf(true);
  return index === -1 ? null : pending[index].candidate;
}

/**
 * Whether a candidate is worth running: it parses, and every name it reads is
 * declared (or a global the programs use). Removing a declaration but not its
 * uses tends to turn one mismatch into another about a missing variable.
 */
function acceptable(text, sourceType, ts) {
  let ast;
  try {
    ast = parse(text, { sourceType, errorRecovery: false, plugins: ts ? ["typescript"] : [] });
  } catch {
    return false;
  }
  // Babel's scopes do not hold enums and namespaces; names in types are not values.
  const declared = new Set();
  if (ts) {
    traverse(ast, {
      "TSEnumDeclaration|TSModuleDeclaration"(path) {
        declared.add(path.node.id.name);
      },
    });
  }
  let undeclared = false;
  traverse(ast, {
    ReferencedIdentifier(path) {
      const name = path.node.name;
      if (ts && (declared.has(name) || inType(path))) return;
      if (!GLOBALS.has(name) && !path.scope.hasBinding(name, true)) {
        undeclared = true;
        path.stop();
      }
    },
  });
  return !undeclared;
}

function inType(path) {
  return Boolean(path.findParent((p) => p.isTSType() || p.isTSTypeAnnotation() || p.isTSTypeParameterDeclaration() || p.isTSInterfaceDeclaration() ||
    p.isTSTypeAliasDeclaration() || p.isTSEnumDeclaration() || p.isTSModuleDeclaration() || p.isTSDeclareFunction()));
}

const GLOBALS = new Set([
  "Promise", "Error", "TypeError", "RangeError", "ReferenceError", "Symbol", "Object", "Array", "JSON", "String",
  "Number", "Boolean", "Math", "console", "globalThis", "undefined", "NaN", "Infinity", "arguments",
]);

// ---------------------------------------------------------------------------
// Edits

/**
 * Every edit of `tree`, biggest first: functions that return a modified clone
 * (or null when the edit does not apply).
 */
export function edits(tree) {
  const found = [];
  const visit = (node, path) => {
    const schema = SCHEMA[node.t];
    if (!schema) return;
    for (const [key, kind] of Object.entries(schema)) {
      const value = node[key];
      const here = [...path, key];
      if (kind === "n") {
        if (value > 1) found.push({ size: 1, make: () => setAt(tree, here, 1) });
        continue;
      }
      if (value == null) continue;
      if (Array.isArray(value)) {
        listEdits(found, tree, here, value, kind);
        value.forEach((child, i) => child && typeof child === "object" && visit(child, [...here, i]));
      } else if (typeof value === "object") {
        if (kind.endsWith("?")) found.push({ size: countNodes(value), make: () => setAt(tree, here, null) });
        if (kind === "e" || kind === "e?") expressionEdits(found, tree, here, value);
        if (kind === "p" && value.t === "pdef") found.push({ size: countNodes(value.d), make: () => setAt(tree, here, value.p) });
        visit(value, here);
      }
    }
  };
  visit(tree, []);
  // The program printed with the short helpers (see prelude.mjs).
  if (tree.t === "program" && !tree.lite) found.push({ size: 0, make: () => ({ ...structuredClone(tree), lite: true }) });
  // Stable: equal sizes keep their order in the tree (outer and earlier first).
  found.sort((a, b) => b.size - a.size);
  return found.map((e) => e.make);
}

function listEdits(found, tree, path, list, kind) {
  // Runs of items: halves, quarters, ... down to single items.
  for (let chunk = highestPowerOfTwo(list.length); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < list.length; start += chunk) {
      const len = Math.min(chunk, list.length - start);
      if (chunk > 1 && len < 2) continue;
      let size = 0;
      for (let i = start; i < start + len; i++) size += list[i] && typeof list[i] === "object" ? countNodes(list[i]) : 1;
      found.push({ size, make: () => spliceAt(tree, path, start, len, []) });
    }
  }
  if (kind === "s" || kind === "s?") {
    // A compound statement replaced by one of its bodies (if → then, try → block, loop → body, ...).
    list.forEach((stmt, i) => {
      for (const body of innerBodies(stmt)) {
        const size = countNodes(stmt) - body.reduce((n, s) => n + countNodes(s), 0);
        found.push({ size, make: () => spliceAt(tree, path, i, 1, structuredClone(body)) });
      }
    });
  }
  if (kind === "es") {
    // An item replaced by a plain literal.
    list.forEach((item, i) => {
      if (item && EXPRESSION_TYPES.has(item.t) && !isLeaf(item)) {
        found.push({ size: countNodes(item) - 1, make: () => spliceAt(tree, path, i, 1, [num(0)]) });
      }
    });
  }
}

function innerBodies(stmt) {
  if (!stmt || stmt.t === "fndecl" || stmt.t === "classdecl") return [];
  const bodies = [];
  const schema = SCHEMA[stmt.t] ?? {};
  for (const [key, kind] of Object.entries(schema)) {
    if ((kind === "s" || kind === "s?") && Array.isArray(stmt[key])) bodies.push(stmt[key]);
  }
  if (stmt.t === "switch") for (const c of stmt.cases) bodies.push(c.body);
  return bodies;
}

function expressionEdits(found, tree, path, node) {
  if (!EXPRESSION_TYPES.has(node.t) || isLeaf(node)) return;
  const size = countNodes(node);
  // By one of its operands.
  const schema = SCHEMA[node.t];
  for (const [key, kind] of Object.entries(schema)) {
    const value = node[key];
    // Not a call's callee: a function value would print as its source, which the compiler changes.
    if (key === "callee" || key === "tag") continue;
    if (kind === "e" || kind === "e?") {
      if (value && EXPRESSION_TYPES.has(value.t)) found.push({ size: size - countNodes(value), make: () => setAt(tree, path, structuredClone(value)) });
    } else if (kind === "es" && Array.isArray(value)) {
      for (const item of value) {
        if (item && EXPRESSION_TYPES.has(item.t)) found.push({ size: size - countNodes(item), make: () => setAt(tree, path, structuredClone(item)) });
      }
    }
  }
  // By a literal.
  found.push({ size: size - 1, make: () => setAt(tree, path, num(0)) });
  found.push({ size: size - 1, make: () => setAt(tree, path, lit("undefined")) });
}

function isLeaf(node) {
  return ["num", "str", "lit", "id", "this", "args"].includes(node.t);
}

function highestPowerOfTwo(n) {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

function setAt(tree, path, value) {
  const copy = structuredClone(tree);
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]];
  node[path.at(-1)] = value;
  return copy;
}

function spliceAt(tree, path, start, count, items) {
  const copy = structuredClone(tree);
  let list = copy;
  for (const key of path) list = list[key];
  list.splice(start, count, ...items);
  return copy;
}
