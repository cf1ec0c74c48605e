// TypeScript's type positions: annotations, type parameters and arguments,
// interfaces, type aliases, `declare`d and overload declarations, the type
// part of `as`/`satisfies`/`<T>x`, `implements` lists, a `this` parameter.
// None of them runs: lowering only concerns values, so nothing there may be
// renamed, checked or rewritten (a TDZ check written into a function type
// no longer parses). Babel's scopes do count an identifier in a type as a
// reference (`(v: number) => number` "reads" a `v` in scope), so every walk
// that looks for references or rewrites code asks `isTypeOnly` and does not
// enter such a node: Babel traversals through `skipTypes`, plain walks
// through `eachValueChild` or `traverseValues`. (docs/decisions/0009-typescript-output.md)
//
// One exception follows the values: a type query (`typeof v`) names a value,
// so when that value is renamed, the query is renamed with it (renameValue
// for Babel's renamer, followTypeQueries after a rename by hand).
// Walks that only gather names to avoid (names.ts, hollow-functions.ts) still
// read types: avoiding a type's name too costs nothing.

import * as t from "@babel/types";
import type { Binding, NodePath, Scope, Visitor } from "../../host/babel.js";

/** Is `node` a type, or a declaration or part that exists only for the type checker? */
export function isTypeOnly(node: t.Node): boolean {
  switch (node.type) {
    case "TSTypeAnnotation":
    case "TSTypeParameterDeclaration":
    case "TSTypeParameterInstantiation":
    case "TSTypeParameter":
    case "TSInterfaceDeclaration":
    case "TSInterfaceBody":
    case "TSTypeAliasDeclaration":
    case "TSDeclareFunction":
    case "TSDeclareMethod":
    case "TSIndexSignature":
    case "TSPropertySignature":
    case "TSMethodSignature":
    case "TSCallSignatureDeclaration":
    case "TSConstructSignatureDeclaration":
    case "TSNamespaceExportDeclaration":
      return true;
    case "VariableDeclaration":
    case "ClassDeclaration":
    case "TSModuleDeclaration":
    case "TSEnumDeclaration":
      return node.declare === true;
    case "ClassProperty":
    case "ClassAccessorProperty":
      // `declare x: T;` and `abstract x: T;` make no field.
      return node.declare === true || node.abstract === true;
    case "Identifier":
      // Only a function's `this: T` parameter is an identifier named `this`.
      return node.name === "this";
    default:
      // Every type node, and `implements` entries (TSExpressionWithTypeArguments, TSClassImplements).
      return t.isTSType(node) || (node.type as string) === "TSClassImplements" || (node.type as string) === "TSInterfaceHeritage";
  }
}

/**
 * Calls `visit` on each child of `node` that is not type-only, in
 * VISITOR_KEYS order, until it returns true; returns whether one did.
 */
export function eachValueChild(node: t.Node, visit: (child: t.Node) => boolean | void): boolean {
  const keys = t.VISITOR_KEYS[node.type];
  if (!keys) return false;
  for (const key of keys) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (!child || typeof child !== "object") continue;
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === "object" && !isTypeOnly(item as t.Node) && visit(item as t.Node)) return true;
    } else if (!isTypeOnly(child as t.Node) && visit(child as t.Node)) {
      return true;
    }
  }
  return false;
}

/** `t.traverseFast` that does not enter type-only nodes; true if `enter` stopped it. */
export function traverseValues(node: t.Node, enter: (node: t.Node) => typeof t.traverseFast.stop | void): boolean {
  return t.traverseFast(node, (inner) => (isTypeOnly(inner) ? t.traverseFast.skip : enter(inner)));
}

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
