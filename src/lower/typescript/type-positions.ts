// TypeScript's type positions: annotations, type parameters and arguments,
// interfaces, type aliases, `declare`d and overload declarations, the type
// part of `as`/`satisfies`/`<T>x`, `implements` lists, a `this` parameter.
// None of them runs: lowering only concerns values, so nothing there may be
// renamed, checked or rewritten (a TDZ check written into a function type
// no longer parses). Babel's scopes do count an identifier in a type as a
// reference (`(v: number) => number` "reads" a `v` in scope), so every walk
// that looks for references or rewrites code asks `isTypeOnly` and does not
// enter such a node: Babel traversals through `skipTypes`, plain walks
// through `eachValueChild` or `traverseValues` (ast/children.ts, where
// `isTypeOnly` lives). (docs/decisions/0009-typescript-output.md)
//
// One exception follows the values: a type query (`typeof v`) names a value,
// so when that value is renamed, the query is renamed with it (renameValue
// for Babel's renamer, followTypeQueries after a rename by hand).
// Walks that only gather names to avoid (names.ts, hollow-functions.ts) still
// read types: avoiding a type's name too costs nothing.

import * as t from "@babel/types";
import type { Binding, NodePath, Scope, Visitor } from "../../host/babel.js";
import { isTypeOnly } from "../../ast/children.js";

/** The option that keeps a Babel traversal out of type-only nodes (added to its visitor). */
export function skipTypes<S>(visitor: Visitor<S>): Visitor<S> {
  return { ...visitor, shouldSkip: (path: NodePath) => isTypeOnly(path.node) } as Visitor<S>;
}

/**
 * `scope.rename(from, to)` for a value: Babel renames every identifier it
 * counts as a reference, types included, so the identifiers in type
 * positions get their names back afterwards, except the value a type query
 * names (`typeof from`, `typeof from.x`), which follows the value.
 */
export function renameValue(scope: Scope, from: string, to: string): void {
  const keep: t.Identifier[] = [];
  t.traverseFast(scope.block, (node) => {
    if (isTypeOnly(node)) {
      collectTypeNames(node, from, keep);
      return t.traverseFast.skip;
    }
    return undefined;
  });
  scope.rename(from, to);
  for (const id of keep) id.name = from;
}

/** A value renamed by hand: its binding, as it was found, and its old and new names. */
export interface ValueRename {
  binding: Binding;
  from: string;
  to: string;
}

/**
 * After renaming values by hand (walks that skip types), renames the type
 * queries under `root` that name one of them: `typeof from` where `from`
 * resolves to the renamed binding. Asked before the scopes are crawled again.
 */
export function followTypeQueries(root: NodePath, renames: ValueRename[]): void {
  if (renames.length === 0 || !t.traverseFast(root.node, (node) => (node.type === "TSTypeQuery" ? t.traverseFast.stop : undefined))) return;
  root.traverse({
    TSTypeQuery(query) {
      let head: t.Node = query.node.exprName;
      while (head.type === "TSQualifiedName") head = head.left;
      if (head.type !== "Identifier") return;
      const id = head;
      const rename = renames.find((r) => r.from === id.name && query.scope.getBinding(r.from) === r.binding);
      if (rename) id.name = rename.to;
    },
  });
}

/** The identifiers named `name` in a type-only subtree, except a type query's value. */
function collectTypeNames(root: t.Node, name: string, into: t.Identifier[]): void {
  const queried = new Set<t.Node>();
  t.traverseFast(root, (node) => {
    if (node.type === "TSTypeQuery") {
      let head: t.Node = node.exprName;
      while (head.type === "TSQualifiedName") head = head.left;
      queried.add(head);
    } else if (node.type === "Identifier" && node.name === name && !queried.has(node)) {
      into.push(node);
    }
  });
}
