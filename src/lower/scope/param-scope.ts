// Keeps a function's parameters and its body in separate scopes, as the
// language does when the parameters hold expressions.
//
// With a default value or a computed key among the parameters, the body's
// declarations live in an environment of their own, below the parameters'
// (FunctionDeclarationInstantiation, steps 27–28): a closure in a default
// sees the parameters and the scope outside the function, never the body's
// variables, and a body `var` named like a parameter is a second binding
// that starts with the parameter's value.
//
//     async function f(a, g = () => a) { var a = 2; return g(); }   // 1 for f(1)
//
// Lowering puts parameters and body locals side by side in the wrapper, where
// they would be one binding. So each body binding that could be confused —
// one named like a parameter, or one whose name the parameters mention — is
// renamed throughout the body, and a `var` named like a parameter starts as
// a copy of it:
//
//     function f(a, g = () => a) { var _a = a; _a = 2; return g(); }
//
// (The copy is made where the body starts: for a generator, at its first
// `next()` rather than at the call, which differs only if a closure from the
// parameters assigns the parameter in between.)

import * as t from "@babel/types";
import type { NodePath, Binding } from "../../host/babel.js";
import type { NameSource } from "../context.js";
import { keepInferredNames } from "../naming/inferred-names.js";
import { skipTypes, followTypeQueries } from "../typescript/type-positions.js";
import { traverseValues } from "../../ast/children.js";
import type { RuntimeRef } from "../runtime-ref.js";

/** Renames the body's bindings that the parameters' scope would see; returns the copies to make at the body's start. */
export function separateBodyFromParams(fn: NodePath<t.Function>, names: NameSource, runtime: RuntimeRef): t.Statement[] {
  const node = fn.node;
  if (!hasParameterExpressions(node.params) || node.body.type !== "BlockStatement") return [];
  const body = fn.get("body") as NodePath<t.BlockStatement>;
  const paramNames = new Set(node.params.flatMap((param) => Object.keys(t.getBindingIdentifiers(param))));
  const mentioned = identifiersIn(node.params);
  const renames: Array<{ binding: Binding; from: string; to: string }> = [];
  const copies: t.Statement[] = [];
  for (const [name, binding] of Object.entries(fn.scope.bindings)) {
    const isParam = paramNames.has(name);
    // Declared in the body: by its own declaration there, or (a parameter, the function's own name) again there.
    const declaration = binding.path.isDescendant(body) ? { kind: "own" as const, path: binding.path } : bodyDeclarationOf(binding, body);
    if (!declaration) continue;
    if (!isParam && !mentioned.has(name)) continue;
    const to = names.unique(name);
    renames.push({ binding, from: name, to });
    if (isParam && declaration.kind === "var") {
      // The copy is what the `var` does here: it maps to that declaration.
      const copy = t.expressionStatement(t.assignmentExpression("=", t.identifier(to), t.identifier(name)));
      copy.loc = declaration.path.parent.loc ?? null;
      copies.push(copy);
    }
  }
  if (renames.length === 0) return [];
  body.traverse(skipTypes({
    Identifier(path) {
      const rename = renames.find((r) => r.from === path.node.name);
      if (rename && path.scope.getBinding(rename.from) === rename.binding) path.node.name = rename.to;
    },
  }));
  followTypeQueries(body, renames);
  for (const { from, to } of renames) keepInferredNames(body, to, from, runtime);
  // Bindings are read again by name from here on: the function's scope must know the new ones.
  fn.scope.crawl();
  return copies;
}

/** ContainsExpression of the formal parameters: a default value or a computed key anywhere in them. */
function hasParameterExpressions(params: t.Function["params"]): boolean {
  return params.some((param) =>
    traverseValues(param, (node) =>
      node.type === "AssignmentPattern" || ((node.type === "ObjectProperty" || node.type === "ObjectMethod") && node.computed)
        ? t.traverseFast.stop
        : undefined,
    ),
  );
}

/**
 * How the body declares a name bound outside it again, if it does:
 * "function" (a function declaration, which starts as that function), "var"
 * (which, for a parameter, starts as the parameter's value), or null.
 */
function bodyDeclarationOf(binding: Binding, body: NodePath): { kind: "function" | "var"; path: NodePath } | null {
  let found: { kind: "function" | "var"; path: NodePath } | null = null;
  for (const path of binding.constantViolations) {
    if (!path.isDescendant(body)) continue;
    if (path.isFunctionDeclaration()) found = { kind: "function", path };
    else if (path.isVariableDeclarator() && found === null) found = { kind: "var", path };
  }
  return found;
}

/** Every identifier name written in `nodes` (a superset of what they refer to: renaming more is harmless). */
function identifiersIn(nodes: t.Node[]): Set<string> {
  const found = new Set<string>();
  for (const node of nodes) {
    t.traverseFast(node, (inner) => {
      if (inner.type === "Identifier") found.add(inner.name);
    });
  }
  return found;
}
