// The name an anonymous function gets from where it stands (the spec's
// NamedEvaluation): `const f = async () => {}` is named "f". Wrapping the
// function in a runtime call would lose that, so lowering asks here first.

import * as t from "@babel/types";
import type { NodePath } from "../../host/babel.js";

export function inferredName(path: NodePath): string | null {
  const parent = path.parent;
  const node = path.node;
  switch (parent.type) {
    case "VariableDeclarator":
      return parent.init === node && parent.id.type === "Identifier" ? parent.id.name : null;
    case "AssignmentExpression":
      return parent.right === node &&
        parent.left.type === "Identifier" &&
        (parent.operator === "=" || parent.operator === "&&=" || parent.operator === "||=" || parent.operator === "??=")
        ? parent.left.name
        : null;
    case "AssignmentPattern":
      return parent.right === node && parent.left.type === "Identifier" ? parent.left.name : null;
    case "ObjectProperty":
    case "ClassProperty":
      return parent.value === node ? staticKeyName(parent.key, parent.computed) : null;
    case "ClassPrivateProperty":
      return parent.value === node ? `#${parent.key.id.name}` : null;
    case "ExportDefaultDeclaration":
      return "default";
    default:
      return null;
  }
}

function staticKeyName(key: t.Node, computed: boolean): string | null {
  if (key.type === "Identifier" && !computed) return key.name;
  if (computed && key.type !== "StringLiteral" && key.type !== "NumericLiteral") return null;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  return null;
}
