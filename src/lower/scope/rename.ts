// Renaming a binding: Babel's renamer, and the two places it is not enough.
//
// Types: Babel counts an identifier in a type as a reference, so its renamer
// would rename a type that only shares the binding's name; renameValue
// (typescript/type-positions.ts) renames values only. Patterns: Babel's
// renamer renames one target per name in an assignment pattern
// (`({ p: e, q: e = 1 } = v)` keeps one `e`), so the others are renamed here.

import * as t from "@babel/types";
import type { Scope } from "../../host/babel.js";
import { renameValue } from "../typescript/type-positions.js";
import { traverseValues } from "../../ast/children.js";

/** Renames the binding `from` of `scope` to `to` (a fresh name) everywhere it is used. */
export function renameBinding(scope: Scope, from: string, to: string): void {
  renameValue(scope, from, to);
  renameRepeatedTargets(scope.block, from, to);
}

/**
 * Babel's rename renames one target per name in an assignment pattern
 * (`({ p: e, q: e } = v)` keeps one `e`): it collects the targets keyed by
 * name. Targets of one pattern resolve in one scope, so where a pattern now
 * has `to`, every `from` in it is the same binding and is renamed too. (`to`
 * is a fresh name: it was in no pattern before the rename.)
 */
function renameRepeatedTargets(block: t.Node, from: string, to: string): void {
  traverseValues(block, (node) => {
    let pattern: t.Node | null = null;
    if (node.type === "AssignmentExpression") pattern = node.left;
    else if ((node.type === "ForOfStatement" || node.type === "ForInStatement") && node.left.type !== "VariableDeclaration") pattern = node.left;
    if (!pattern || pattern.type === "Identifier" || pattern.type === "MemberExpression") return;
    const targets = patternTargets(pattern);
    if (targets.some((id) => id.name === to)) for (const id of targets) if (id.name === from) id.name = to;
  });
}

/** The identifiers a destructuring pattern assigns (not those in its default values or computed keys). */
function patternTargets(pattern: t.Node, into: t.Identifier[] = []): t.Identifier[] {
  switch (pattern.type) {
    case "Identifier":
      into.push(pattern);
      break;
    case "ObjectPattern":
      for (const property of pattern.properties) patternTargets(property.type === "RestElement" ? property.argument : property.value, into);
      break;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element) patternTargets(element, into);
      break;
    case "RestElement":
      patternTargets(pattern.argument, into);
      break;
    case "AssignmentPattern":
      patternTargets(pattern.left, into);
      break;
  }
  return into;
}
