// Sloppy-mode block functions and the function-level variable they also
// assign (Annex B.3.3).
//
// In sloppy code, `{ function g() {} }` declares `g` in its block and also
// a `var g` of the enclosing function, assigned when the declaration is
// evaluated, so `g` can be called after the block. A block that does not
// suspend stays native code inside the step function, where the engine would
// make that `var g` a local of the step function: gone at the next resume.
// So the function's own references to `g` (those outside such blocks) are
// renamed to a variable of the wrapper, and the block assigns it where the
// declaration stands:
//
//     { function g() {} }  await x;  g();
//  →  { function g() {} _g = g; }  …  _g();
//
// Where Annex B does not apply — `g` is a parameter, or a `let`, `const` or
// `class` of an enclosing block or of the body — the step function must not
// make that variable either (its own `g` would hide the wrapper's), so the
// declaration stops being one:
//
//     { function g() {} }  →  { var _g = function g() {}; }   (`g` in the block read as `_g`)
//
// A block that suspends is exploded: hoisting moves its functions into the
// wrapper as block bindings, initialised when the block is entered. The
// function-level variable is still a variable of its own, assigned where the
// declaration stands, so the same renaming and assignment apply there; where
// Annex B does not apply, hoisting alone keeps the function in its block.

import * as t from "@babel/types";
import type { NodePath, Scope } from "../../host/babel.js";
import type { NameSource } from "../context.js";
import { skipTypes, followTypeQueries } from "../typescript/type-positions.js";

type Finder = { has(node: t.Node | null | undefined): boolean };

/** Applies Annex B's function-level variables for block functions; returns the wrapper variables it named. */
export function bindBlockFunctionVars(fn: NodePath<t.Function>, finder: Finder, names: NameSource): string[] {
  // (Asked of the body: Babel starts at the parent, so a function's own "use strict" would not count.)
  if (fn.get("body").isInStrictMode()) return [];
  const byName = new Map<string, NodePath<t.FunctionDeclaration>[]>();
  fn.get("body").traverse(skipTypes({
    Function(path) {
      if (path.isFunctionDeclaration() && isBlockFunction(path, fn)) {
        const name = path.node.id!.name;
        byName.set(name, [...(byName.get(name) ?? []), path]);
      }
      path.skip();
    },
  }));
  const vars: string[] = [];
  for (const [name, declarations] of byName) {
    if (!annexBApplies(name, declarations, fn)) {
      for (const declaration of declarations) if (!isExploded(declaration, finder)) makeBlockLocal(declaration, names);
      continue;
    }
    const wrapperName = names.unique(name);
    renameFunctionLevelReferences(fn, name, wrapperName);
    for (const declaration of declarations) {
      // What the declaration does when it runs: it maps to the declaration.
      const assign = t.expressionStatement(t.assignmentExpression("=", t.identifier(wrapperName), t.identifier(name)));
      assign.loc = declaration.node.loc ?? null;
      declaration.insertAfter(assign);
    }
    vars.push(wrapperName);
  }
  return vars;
}

/** Turns a block function into a function expression held by a variable that the block's code reads instead. */
function makeBlockLocal(declaration: NodePath<t.FunctionDeclaration>, names: NameSource): void {
  const node = declaration.node;
  const name = node.id!.name;
  // (In a `switch`, the function is made when the whole switch block is
  // entered, before any case runs: there is no place to put it. Left alone.)
  if (!declaration.parentPath.isBlockStatement()) return;
  const block = declaration.parentPath;
  const binding = block.scope.getBinding(name);
  const local = names.unique(name);
  block.traverse(skipTypes({
    Identifier(id) {
      if (id.node.name === name && id.node !== node.id && id.scope.getBinding(name) === binding) id.node.name = local;
    },
  }));
  if (binding) followTypeQueries(block, [{ binding, from: name, to: local }]);
  const expression = t.functionExpression(t.identifier(name), node.params, node.body, false, false);
  declaration.remove();
  // Initialised where the block begins, as the declaration was.
  const holder = t.variableDeclaration("var", [t.variableDeclarator(t.identifier(local), expression)]);
  holder.loc = node.loc ?? null;
  block.unshiftContainer("body", holder);
}

/** A plain function declared in a block or a `case` (not at the top of the body). */
function isBlockFunction(path: NodePath<t.FunctionDeclaration>, fn: NodePath<t.Function>): boolean {
  const node = path.node;
  if (!node.id || node.async || node.generator) return false;
  const parent = path.parentPath;
  return parent !== fn.get("body") && (parent.isBlockStatement() || parent.isSwitchCase());
}

/** Whether the declaration's block (or switch) suspends, and so is exploded into states. */
function isExploded(path: NodePath<t.FunctionDeclaration>, finder: Finder): boolean {
  const parent = path.parentPath;
  return finder.has(parent.isSwitchCase() ? parent.parentPath!.node : parent.node);
}

/**
 * B.3.3.1: the var is made only if replacing each declaration with `var g`
 * would be valid — no parameter, and no lexical declaration of `g` in an
 * enclosing block or the body — and the body does not declare `g` as a
 * function at its top (hoisted there already, which this leaves alone).
 */
function annexBApplies(name: string, declarations: NodePath<t.FunctionDeclaration>[], fn: NodePath<t.Function>): boolean {
  const own = fn.scope.getOwnBinding(name);
  if (own && (own.kind === "param" || own.kind === "let" || own.kind === "const" || own.kind === "hoisted")) return false;
  return declarations.every((declaration) => {
    // From the scope around the declaration's own block up to the function.
    let scope: Scope | undefined = declaration.parentPath.scope.parent;
    while (scope && scope !== fn.scope) {
      if (scope.getOwnBinding(name)) return false;
      scope = scope.parent;
    }
    return true;
  });
}

/** Renames `name` wherever in the function it means the function-level (or an outer) binding. */
function renameFunctionLevelReferences(fn: NodePath<t.Function>, name: string, to: string): void {
  const visit = (path: NodePath) =>
    path.traverse(skipTypes({
      Identifier(id) {
        if (id.node.name !== name) return;
        if (!(id.isReferencedIdentifier() || (id as NodePath).isBindingIdentifier())) return;
        const binding = id.scope.getBinding(name);
        if (!binding || binding.scope === fn.scope || !isInside(binding.scope, fn.scope)) id.node.name = to;
      },
    }));
  visit(fn.get("body"));
}

function isInside(scope: Scope, ancestor: Scope): boolean {
  for (let current: Scope | undefined = scope; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
