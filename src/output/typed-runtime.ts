// The inlined runtime as strict TypeScript, for TypeScript output.
//
// A TypeScript file that carries the runtime is type-checked with it, under
// the user's settings, which are often `strict`. The runtime is ES5 code
// without types, so its copy in a TypeScript file is annotated the plain way:
// every parameter, variable, catch binding and return type is `any`, a
// function that reads `this` declares `this: any`, and a runtime function
// used as a constructor is called through `as any` (a function declaration
// has no construct signature), as is an object indexed by a computed key;
// the look-up of the global object under names the project's declarations
// may lack (`global`, `window`) is left unchecked (`@ts-ignore`). The runtime's behaviour does not change: these
// are types only, and the user's code sees the runtime's members as `any`,
// as it would see `awaitless/runtime`'s loosely typed exports.

import * as t from "@babel/types";
import { functionUsesOwn } from "../ast/own-code.js";

/** Annotates the parsed inline runtime (an expression, in place). */
export function typeInlineRuntime(runtime: t.Expression): void {
  const constructors = new Set<string>();
  t.traverseFast(runtime, (node) => {
    if (node.type === "FunctionDeclaration" && node.id) constructors.add(node.id.name);
  });
  // A `for…in` head's variable cannot carry a type (it is a string).
  const heads = new Set<t.Node>();
  t.traverseFast(runtime, (node) => {
    if (t.isFunction(node)) annotateFunction(node);
    else if ((node.type === "ForInStatement" || node.type === "ForOfStatement") && node.left.type === "VariableDeclaration") {
      for (const declarator of node.left.declarations) heads.add(declarator);
    } else if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && !heads.has(node)) node.id.typeAnnotation = anyAnnotation();
    else if (node.type === "CatchClause" && node.param?.type === "Identifier") node.param.typeAnnotation = anyAnnotation();
    else if (node.type === "NewExpression" && node.callee.type === "Identifier" && constructors.has(node.callee.name)) {
      node.callee = asAny(node.callee);
    } else if (node.type === "BinaryExpression" && node.operator === "instanceof" && node.right.type === "Identifier" && constructors.has(node.right.name)) {
      // Narrowed by a function's instance type, an `any` would lose its properties.
      node.right = asAny(node.right);
    } else if (node.type === "ConditionalExpression" && readsGlobalName(node.test)) {
      // `typeof global === "object" && global ? global : …`, finding the global object under
      // a name the project's declarations may lack (`global` without Node's types): unchecked.
      node.leadingComments = [{ type: "CommentLine", value: " @ts-ignore" } as t.CommentLine];
    } else if (node.type === "MemberExpression" && node.computed && !t.isLiteral(node.property) && node.object.type !== "TSAsExpression") {
      // Indexed by a symbol or a computed key: only `any` takes every key.
      node.object = asAny(node.object);
    }
  });
}

function annotateFunction(fn: t.Function): void {
  // A setter's parameter may not be optional, nor may it declare a return type.
  const setter = (fn.type === "ObjectMethod" || fn.type === "ClassMethod") && fn.kind === "set";
  // Optional too: the runtime leaves off trailing arguments (`defineHidden(target, key)`).
  for (const param of fn.params) {
    if (param.type !== "Identifier" || param.typeAnnotation) continue;
    param.typeAnnotation = anyAnnotation();
    if (!setter) param.optional = true;
  }
  if (fn.type !== "ArrowFunctionExpression" && functionUsesOwn(fn, (node) => node.type === "ThisExpression")) {
    const self = t.identifier("this");
    self.typeAnnotation = anyAnnotation();
    fn.params.unshift(self);
  }
  if (!setter) fn.returnType = anyAnnotation();
}

/** The names the inlined runtime may find the global object under (runtime-binding.ts). */
const GLOBAL_OBJECT_NAMES = new Set(["globalThis", "self", "window", "global"]);

/** Is `test` the `typeof name === "object" && name` of one of them? */
function readsGlobalName(test: t.Expression): boolean {
  return (
    test.type === "LogicalExpression" &&
    test.right.type === "Identifier" &&
    GLOBAL_OBJECT_NAMES.has(test.right.name) &&
    test.left.type === "BinaryExpression" &&
    test.left.left.type === "UnaryExpression" &&
    test.left.left.operator === "typeof"
  );
}

function asAny(expression: t.Expression): t.TSAsExpression {
  return t.tsAsExpression(expression, t.tsAnyKeyword());
}

function anyAnnotation(): t.TSTypeAnnotation {
  return t.tsTypeAnnotation(t.tsAnyKeyword());
}
