// Where a function's own code ends: the one rule every walk that asks "does
// this function do X itself?" follows.
//
// A function evaluates its parameters and body. Inside them, a nested
// function, method, class field initialiser or static block is code that runs
// later, as another function (with its own `this`, `arguments`, `new.target`,
// `super`, and its own suspensions). What the function still evaluates of
// them itself: computed keys, and a class's `extends` clause and decorators.
//
// Arrow functions are the one question of view. An arrow has no `this`,
// `arguments`, `new.target` or `super` of its own: for those ("lexical") its
// code is the enclosing function's. An `await` or `yield` in an arrow
// suspends the arrow, not the function, and its body runs when it is called:
// for what the function evaluates and where it suspends ("evaluated"), an
// arrow is as foreign as any other function.
//
// Type positions never run and are never entered (ast/children.ts).

import * as t from "@babel/types";
import { eachValueChild } from "./children.js";

export type OwnCodeView = "lexical" | "evaluated";

/**
 * Calls `visit` on each child of `node` that belongs to the same function's
 * own code as `node` itself, until it returns true; returns whether one did.
 * (A nested function node is not entered; its computed key is visited.)
 */
export function eachOwnChild(node: t.Node, view: OwnCodeView, visit: (child: t.Node) => boolean | void): boolean {
  switch (node.type) {
    case "ArrowFunctionExpression":
      return view === "lexical" && eachValueChild(node, visit);
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ClassPrivateMethod":
    case "ClassPrivateProperty":
    case "StaticBlock":
      return false;
    case "ObjectMethod":
    case "ClassMethod":
    case "ClassProperty":
    case "ClassAccessorProperty":
      if ((node.type !== "ObjectMethod" && node.decorators?.some((decorator) => visit(decorator) === true)) === true) return true;
      return node.computed ? visit(node.key) === true : false;
  }
  return eachValueChild(node, visit);
}

/**
 * True if `test` holds for a node of the own code that starts at `roots`
 * (a function's body and parameters, or any part of them).
 */
export function someOwnNode(roots: t.Node | readonly t.Node[], view: OwnCodeView, test: (node: t.Node) => boolean): boolean {
  const found = (node: t.Node): boolean => test(node) || eachOwnChild(node, view, found);
  return Array.isArray(roots) ? (roots as readonly t.Node[]).some(found) : found(roots as t.Node);
}

/** True if the function itself (its body and parameters, through its arrows) uses `this`, `super`, … */
export function functionUsesOwn(fn: t.Function, test: (node: t.Node) => boolean): boolean {
  return someOwnNode([...fn.params, fn.body], "lexical", test);
}

/** True if `node` has an `await` or `yield` that suspends the function `node` is part of. */
export function suspendsItsFunction(node: t.Node): boolean {
  return someOwnNode(node, "evaluated", (inner) => inner.type === "AwaitExpression" || inner.type === "YieldExpression");
}
