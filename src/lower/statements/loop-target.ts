// The assignment target of a `for…in`/`for…of` head. Hoisting has already
// turned `for (let x of …)` into `for (x of …)`; a declaration that is still
// here declares a binding hoisting left in place.

import * as t from "@babel/types";

export function loopTarget(left: t.VariableDeclaration | t.LVal): t.LVal {
  if (left.type !== "VariableDeclaration") return left;
  return left.declarations[0].id as t.LVal;
}
