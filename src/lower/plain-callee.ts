// A call through a member expression passes the object as `this`. Lowering
// puts member expressions where the source had none: the machine's resume
// value (`_m.v` for `(await getFn())()`), a per-iteration environment's
// binding (`_env.fn()`), a hoisted catch parameter. Called as they stand, they
// would hand the runtime's own objects to user code as `this`; natively the
// callee gets `undefined` (the global object when it is sloppy). `(0, _m.v)()`
// reads the same value and calls it with no `this`.

import * as t from "@babel/types";

/** `callee` as the callee of a call that passes no `this`. */
export function asPlainCallee(callee: t.Expression): t.Expression {
  if (callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") {
    return t.sequenceExpression([t.numericLiteral(0), callee]);
  }
  return callee;
}

/** Whether `node` is called where it stands (a call's callee, a tagged template's tag). */
export function isCalled(node: t.Node, parent: t.Node): boolean {
  switch (parent.type) {
    case "CallExpression":
    case "OptionalCallExpression":
      return parent.callee === node;
    case "TaggedTemplateExpression":
      return parent.tag === node;
    default:
      return false;
  }
}
