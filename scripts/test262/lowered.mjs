// Finds suspending syntax left in compiled output. A compiled test can pass
// just because the engine still runs an async function the compiler skipped;
// that proves nothing about the compiler, so such output counts as a failure.
// The output is parsed again and every node visited, rather than searched as
// text, because `await` and `yield` are also ordinary identifiers and property
// names (the runtime itself has a method called `await`).

import { parse } from "@babel/parser";

const PARSER_PLUGINS = ["explicitResourceManagement", "importAttributes"];

/**
 * A description of the first construct that still suspends ("async function
 * at 12:3"), or null when the code is fully lowered. Throws the parser's
 * SyntaxError when the output does not parse at all.
 */
export function findUnlowered(code, sourceType) {
  const ast = parse(code, {
    sourceType,
    plugins: PARSER_PLUGINS,
    allowAwaitOutsideFunction: sourceType === "module",
    // Comments play no part in the check; not attaching them saves time on every test.
    attachComment: false,
  });
  const stack = [ast.program];
  while (stack.length > 0) {
    const node = stack.pop();
    const what = suspendingKind(node);
    if (what) return `${what} at ${node.loc.start.line}:${node.loc.start.column + 1}`;
    pushChildren(node, stack);
  }
  return null;
}

/** What makes `node` a suspending construct, or null. */
function suspendingKind(node) {
  switch (node.type) {
    case "AwaitExpression":
      return "await";
    case "YieldExpression":
      return "yield";
    case "ForOfStatement":
      return node.await ? "for await" : null;
    case "VariableDeclaration":
      return node.kind === "await using" || node.kind === "using" ? node.kind : null;
    default:
      if (!isFunction(node)) return null;
      if (node.async && node.generator) return "async generator";
      if (node.async) return "async function";
      if (node.generator) return "generator";
      return null;
  }
}

function isFunction(node) {
  return (
    node.type === "FunctionDeclaration" ||
    node.type === "FunctionExpression" ||
    node.type === "ArrowFunctionExpression" ||
    node.type === "ObjectMethod" ||
    node.type === "ClassMethod" ||
    node.type === "ClassPrivateMethod"
  );
}

/**
 * Pushes every child node, last first so they come off the stack in source
 * order; an explicit stack keeps deeply nested output from overflowing ours.
 */
function pushChildren(node, stack) {
  const children = [];
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item.type === "string") children.push(item);
    } else if (value && typeof value.type === "string") {
      children.push(value);
    }
  }
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}
