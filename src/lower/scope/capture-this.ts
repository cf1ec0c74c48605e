// A step function that is a plain function reads its `this` from a copy the
// wrapper makes (`var _this = this`), not from the call that runs it.
//
// Why: the driver would otherwise run the step as `step.call(self, m)`, and on
// Hermes `Function.prototype.call` is a native frame. Hermes allows about 128
// native frames on the stack, so an async method that awaits a call of itself
// stopped at 126 levels. A plain call `step(m)` is an interpreter frame.
//
// The copy is taken when the wrapper is called, which is when the original
// function's `this` is bound (a sloppy function's `this`, already boxed, is
// the same value). A direct `eval` in the function may read `this` where no
// rename reaches: such a function keeps the step called with its `this`.

import * as t from "@babel/types";
import type { NodePath } from "../../host/babel.js";
import { functionUsesOwn } from "../../ast/own-code.js";
import { skipTypes } from "../typescript/type-positions.js";
import type { NameSource } from "../context.js";

/** Replaces the function's own `this` (its arrows' too) by a fresh name; returns the name, or null if it reads none. */
export function captureOwnThis(fn: NodePath<t.Function>, names: NameSource): string | null {
  const own = new Set<t.Node>();
  functionUsesOwn(fn.node, (node) => {
    if (node.type === "ThisExpression") own.add(node);
    return false;
  });
  if (own.size === 0) return null;
  const name = names.unique("this");
  const visit = (path: NodePath) => {
    path.traverse(skipTypes({
      Function(inner) {
        // Only a method's computed key can hold more of them (`own` says which nodes count).
        if (!inner.isArrowFunctionExpression() && !("computed" in inner.node && inner.node.computed)) inner.skip();
      },
      ThisExpression(path) {
        if (own.has(path.node)) path.replaceWith({ ...t.identifier(name), loc: path.node.loc });
      },
    }));
  };
  visit(fn.get("body"));
  for (const param of fn.get("params")) visit(param);
  return name;
}
