// Babel builds the scopes of a whole file before anything can be asked of
// one function: a traversal that makes a path for every node and records
// every binding and reference. In a typical file most of that work is for
// functions with nothing to lower (on the mongodb driver's lib/ three
// quarters of the nodes lie outside the functions lowered), and it is
// about a third of the time `transform` takes.
//
// So before that traversal, each function that is not lowered, holds nothing
// to lower and lies inside no lowered function gets an empty body, and gets
// its own body back once lowering is done. Lowering never looks into such a
// body: a lowered function's analysis covers its own code (closures inside it
// included, and those keep their bodies), and what it adds goes into the
// scopes around lowered functions, never into another function. What the
// missing bodies would have told Babel is which names the file uses, which
// `generateUid` avoids: every identifier of the file is reserved in the
// program scope instead.

import * as t from "@babel/types";
import type { Scope } from "../host/babel.js";
import { eachChild } from "../ast/children.js";
import { isResourceDeclaration } from "../lower/using.js";

export interface Hollowed {
  /** Every identifier name in the file, for reserveNames. */
  names: Set<string>;
  /** Gives every emptied function its body back. */
  restore(): void;
}

/**
 * Empties the bodies described above; `lowered(fn)` says whether a function
 * is lowered itself.
 */
export function hollowFunctions(program: t.Program, lowered: (fn: t.Function) => boolean): Hollowed {
  const names = new Set<string>();
  const bodies = new Map<t.Function, t.Function["body"]>();
  /** Walks `node`; true if a lowered function is in it (or is it). */
  const visit = (node: t.Node, insideLowered: boolean): boolean => {
    if (node.type === "Identifier" || node.type === "JSXIdentifier") names.add(node.name);
    const isFunction = t.isFunction(node);
    const lowersItself = isFunction && lowered(node);
    let holds = false;
    eachChild(node, (child) => {
      if (visit(child, insideLowered || lowersItself)) holds = true;
    });
    if (isFunction && !lowersItself && !holds && !insideLowered) {
      bodies.set(node, node.body);
      node.body = t.blockStatement([]);
    }
    // A `using` declaration is lowered where it stands, in any function (lower/using.ts).
    return holds || lowersItself || isResourceDeclaration(node);
  };
  visit(program, false);
  return {
    names,
    restore() {
      for (const [fn, body] of bodies) fn.body = body as t.BlockStatement;
      bodies.clear();
    },
  };
}

/** Makes `generateUid` on `scope`'s program avoid `names` (Babel 7 keeps them in `references`). */
export function reserveNames(scope: Scope, names: Iterable<string>): void {
  const program = scope.getProgramParent() as unknown as { references: Record<string, boolean> };
  for (const name of names) program.references[name] = true;
}
