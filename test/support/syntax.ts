// What syntax a compiled file still has, read from its AST (comments and
// strings that mention `await` or `class` do not count).

import { parse } from "@babel/parser";
import * as t from "@babel/types";

function describeNode(node: t.Node, what: string): string {
  return `${what} at ${node.loc?.start.line ?? "?"}:${node.loc?.start.column ?? "?"}`;
}

function walk(code: string, sourceType: "module" | "script", visit: (node: t.Node, found: string[]) => void): string[] {
  const ast = parse(code, { sourceType, errorRecovery: false, plugins: ["explicitResourceManagement"] });
  const found: string[] = [];
  t.traverseFast(ast.program, (node) => visit(node, found));
  return found;
}

/** Async functions, generators, `await`, `yield` and `for await` left in `code`. */
export function suspendingSyntax(code: string, sourceType: "module" | "script" = "module"): string[] {
  return walk(code, sourceType, (node, found) => {
    if (t.isFunction(node) && (node.async || node.generator)) found.push(describeNode(node, node.async ? "async function" : "generator"));
    else if (t.isAwaitExpression(node)) found.push(describeNode(node, "await"));
    else if (t.isYieldExpression(node)) found.push(describeNode(node, "yield"));
    else if (t.isForOfStatement(node) && node.await) found.push(describeNode(node, "for await"));
  });
}

/** `using` and `await using` declarations left in `code`. */
export function resourceDeclarations(code: string, sourceType: "module" | "script" = "module"): string[] {
  return walk(code, sourceType, (node, found) => {
    if (t.isVariableDeclaration(node) && (node.kind === "using" || node.kind === "await using")) found.push(describeNode(node, node.kind));
  });
}

/** Syntax ES5 does not have, left in `code`. */
export function syntaxAfterEs5(code: string, sourceType: "module" | "script" = "script"): string[] {
  return walk(code, sourceType, (node, found) => {
    if (t.isVariableDeclaration(node) && node.kind !== "var") found.push(describeNode(node, node.kind));
    else if (t.isFunction(node) && (node.async || node.generator)) found.push(describeNode(node, "async function or generator"));
    else if (
      t.isArrowFunctionExpression(node) ||
      t.isClass(node) ||
      t.isTemplateLiteral(node) ||
      t.isForOfStatement(node) ||
      t.isSpreadElement(node) ||
      t.isRestElement(node) ||
      t.isObjectPattern(node) ||
      t.isArrayPattern(node) ||
      t.isAssignmentPattern(node) ||
      (t.isObjectMethod(node) && node.kind === "method") ||
      t.isOptionalMemberExpression(node) ||
      t.isOptionalCallExpression(node) ||
      t.isMetaProperty(node) ||
      t.isModuleDeclaration(node) ||
      (t.isObjectProperty(node) && (node.computed || node.shorthand)) ||
      (t.isLogicalExpression(node) && node.operator === "??") ||
      (t.isBinaryExpression(node) && node.operator === "**")
    ) {
      found.push(describeNode(node, node.type));
    }
  });
}
