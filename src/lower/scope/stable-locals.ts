// Which of a function's own locals read the same before and after its
// suspensions. An operand evaluated before a later operand suspends must be
// kept in a temporary (`f(a, await x)` reads `a` first), unless reading it
// again after the suspension gives the same value; then it stays as written:
// `fn(await x)` calls `fn`, not `_fn`, which is less code, and a failing
// call's message names `fn` as it does natively.
//
// While a function is suspended none of its own code runs, so a local of
// its own can change in the meantime only through an assignment from
// somewhere else. Babel's bindings see assignments by name (a binding is
// `constant` when its declaration is its only write); they do not see:
//   - `arguments`: a sloppy function's simple parameters are mapped onto it,
//     so `arguments[0] = v` (in the function or an arrow inside) writes `a`;
//   - direct `eval` and `with`, which reach locals by name at run time;
//   - Annex B's function-level variable of a sloppy block function.
// Lexical bindings (`let`, `const`, `class`) are left out: a read before
// their declaration throws, and must throw before the suspension.

import * as t from "@babel/types";
import type { NodePath } from "../../host/babel.js";
import { traverseValues } from "../../ast/children.js";

export function stableLocals(fn: NodePath<t.Function>): Set<string> {
  const stable = new Set<string>();
  const found = lookInside(fn.node);
  if (found.dynamicScope) return stable;
  const simpleParams = fn.node.params.every((param) => param.type === "Identifier");
  const paramsUnmapped = fn.node.type === "ArrowFunctionExpression" || !found.arguments || fn.get("body").isInStrictMode();
  for (const [name, binding] of Object.entries(fn.scope.bindings)) {
    if (!binding.constant || name === "arguments" || found.blockFunctions.has(name)) continue;
    if (binding.kind === "var" || binding.kind === "hoisted" || (binding.kind === "param" && simpleParams && paramsUnmapped)) stable.add(name);
  }
  return stable;
}

interface Inside {
  /** A direct `eval` call or a `with` statement, anywhere inside. */
  dynamicScope: boolean;
  /** `arguments` mentioned anywhere inside (more than needed: nested functions' own count too). */
  arguments: boolean;
  /** Names of functions declared in blocks (not at the top of a function body). */
  blockFunctions: Set<string>;
}

function lookInside(fn: t.Function): Inside {
  const inside: Inside = { dynamicScope: false, arguments: false, blockFunctions: new Set() };
  traverseValues(fn.body, (node) => {
    if (node.type === "WithStatement" || (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "eval")) {
      inside.dynamicScope = true;
    } else if (node.type === "Identifier" && node.name === "arguments") {
      inside.arguments = true;
    } else if ((node.type === "BlockStatement" && node !== fn.body) || node.type === "SwitchCase") {
      const body = node.type === "BlockStatement" ? node.body : node.consequent;
      for (const statement of body) if (statement.type === "FunctionDeclaration" && statement.id) inside.blockFunctions.add(statement.id.name);
    }
  });
  return inside;
}
