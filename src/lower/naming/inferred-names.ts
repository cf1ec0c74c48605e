// Names that functions and classes take from where they stand.

import * as t from "@babel/types";
import type { NodePath } from "../../host/babel.js";
import { mentions } from "./names.js";
import { skipTypes } from "../typescript/type-positions.js";
import { runtimeCall, type RuntimeRef } from "../runtime-ref.js";

/**
 * An anonymous function assigned to a binding is named after it (`let f =
 * () => {}` has name "f"), so renaming the binding would rename the
 * function. Where the renamed binding receives an anonymous function, class
 * or arrow, the value is given the original name: a function or class as its
 * own name, an arrow (or a function that refers to that name) through the
 * runtime: `named(() => {}, "f")`.
 */
export function keepInferredNames(scope: NodePath, renamed: string, original: string, runtime: RuntimeRef): void {
  const fix = (value: t.Expression): t.Expression => {
    if ((value.type === "FunctionExpression" || value.type === "ClassExpression") && !value.id && !mentions(value, original)) {
      value.id = t.identifier(original);
      return value;
    }
    if (value.type === "ArrowFunctionExpression" || ((value.type === "FunctionExpression" || value.type === "ClassExpression") && !value.id)) {
      return runtimeCall({ runtime }, "named", [value, t.stringLiteral(original)]);
    }
    return value;
  };
  scope.traverse(skipTypes({
    AssignmentExpression(path) {
      const { left, operator } = path.node;
      if (left.type === "Identifier" && left.name === renamed && (operator === "=" || operator === "&&=" || operator === "||=" || operator === "??=")) {
        path.node.right = fix(path.node.right);
      }
    },
    AssignmentPattern(path) {
      if (path.node.left.type === "Identifier" && path.node.left.name === renamed) path.node.right = fix(path.node.right);
    },
    VariableDeclarator(path) {
      if (path.node.id.type === "Identifier" && path.node.id.name === renamed && path.node.init) path.node.init = fix(path.node.init);
    },
  }));
}
