// The names anonymous functions and classes take from where they stand (the
// spec's NamedEvaluation): `const f = async () => {}` is named "f". Lowering
// asks here twice: before wrapping a function in a runtime call (which would
// hide where it stands), and after renaming a binding (which would rename
// the values assigned to it). Both follow `nameGivenBy`.

import * as t from "@babel/types";
import type { NodePath } from "../../host/babel.js";
import { mentions } from "./names.js";
import { skipTypes } from "../typescript/type-positions.js";
import { runtimeCall, type RuntimeRef } from "../runtime-ref.js";

/** The name `holder` gives an anonymous function or class standing as its `value`, or null. */
export function nameGivenBy(holder: t.Node, value: t.Node): string | null {
  switch (holder.type) {
    case "VariableDeclarator":
      return holder.init === value && holder.id.type === "Identifier" ? holder.id.name : null;
    case "AssignmentExpression":
      return holder.right === value && holder.left.type === "Identifier" && NAMING_OPERATORS.has(holder.operator) ? holder.left.name : null;
    case "AssignmentPattern":
      return holder.right === value && holder.left.type === "Identifier" ? holder.left.name : null;
    case "ObjectProperty":
    case "ClassProperty":
      return holder.value === value ? staticKeyName(holder.key, holder.computed) : null;
    case "ClassPrivateProperty":
      return holder.value === value ? `#${holder.key.id.name}` : null;
    case "ExportDefaultDeclaration":
      return "default";
    default:
      return null;
  }
}

/** Compound assignments do not name (`f += () => {}`); the logical ones do. */
const NAMING_OPERATORS = new Set(["=", "&&=", "||=", "??="]);

function staticKeyName(key: t.Node, computed: boolean): string | null {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  return null;
}

/** The name the function or class at `path` takes from where it stands. */
export function inferredName(path: NodePath): string | null {
  return nameGivenBy(path.parent, path.node);
}

/**
 * `value`, if an anonymous function, class or arrow, named `name` as
 * NamedEvaluation would have: by its own id where that changes nothing else
 * (an id is also a binding inside it, so not when the value mentions the
 * name), otherwise through the runtime: `named(() => {}, "f")`.
 */
export function withName(value: t.Expression, name: string, runtime: RuntimeRef): t.Expression {
  const anonymous = (value.type === "FunctionExpression" || value.type === "ClassExpression") && !value.id;
  if (anonymous && t.isValidIdentifier(name) && !mentions(value, name)) {
    value.id = t.identifier(name);
    return value;
  }
  return anonymous || value.type === "ArrowFunctionExpression" ? runtimeCall({ runtime }, "named", [value, t.stringLiteral(name)]) : value;
}

/**
 * After a binding is renamed, the anonymous functions, classes and arrows
 * assigned to it would take the new name: each is given the original.
 */
export function keepInferredNames(scope: NodePath, renamed: string, original: string, runtime: RuntimeRef): void {
  scope.traverse(skipTypes({
    "VariableDeclarator|AssignmentExpression|AssignmentPattern"(path: NodePath) {
      const holder = path.node as t.VariableDeclarator | t.AssignmentExpression | t.AssignmentPattern;
      const slot = holder.type === "VariableDeclarator" ? "init" : "right";
      const value = (holder as unknown as Record<string, t.Expression | null>)[slot];
      // The holder names by the new name now: a value it would name gets the original.
      if (value && nameGivenBy(holder, value) === renamed) (holder as unknown as Record<string, t.Expression>)[slot] = withName(value, original, runtime);
    },
  }));
}
