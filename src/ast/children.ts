// Plain walks over Babel nodes, shared by every stage: the children of a
// node, and which of them are values. A type annotation, interface or
// `declare`d declaration never runs, so walks that look for references or
// rewrite code do not enter one (lower/typescript/type-positions.ts says why,
// and how Babel traversals skip them too). Walks that only gather names to
// avoid read types as well, through `eachChild`.

import * as t from "@babel/types";

/**
 * Calls `visit` on each child of `node`, in VISITOR_KEYS order (the order
 * they evaluate), until it returns true; returns whether one did.
 */
export function eachChild(node: t.Node, visit: (child: t.Node) => boolean | void): boolean {
  const keys = t.VISITOR_KEYS[node.type];
  if (!keys) return false;
  for (const key of keys) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (!child || typeof child !== "object") continue;
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === "object" && visit(item as t.Node)) return true;
    } else if (visit(child as t.Node)) {
      return true;
    }
  }
  return false;
}

/** Is `node` a type, or a declaration or part that exists only for the type checker? */
export function isTypeOnly(node: t.Node): boolean {
  switch (node.type) {
    case "TSTypeAnnotation":
    case "TSTypeParameterDeclaration":
    case "TSTypeParameterInstantiation":
    case "TSTypeParameter":
    case "TSInterfaceDeclaration":
    case "TSInterfaceBody":
    case "TSTypeAliasDeclaration":
    case "TSDeclareFunction":
    case "TSDeclareMethod":
    case "TSIndexSignature":
    case "TSPropertySignature":
    case "TSMethodSignature":
    case "TSCallSignatureDeclaration":
    case "TSConstructSignatureDeclaration":
    case "TSNamespaceExportDeclaration":
      return true;
    case "VariableDeclaration":
    case "ClassDeclaration":
    case "TSModuleDeclaration":
    case "TSEnumDeclaration":
      return node.declare === true;
    case "ClassProperty":
    case "ClassAccessorProperty":
      // `declare x: T;` and `abstract x: T;` make no field.
      return node.declare === true || node.abstract === true;
    case "Identifier":
      // Only a function's `this: T` parameter is an identifier named `this`.
      return node.name === "this";
    default:
      // Every type node, and `implements` entries (TSExpressionWithTypeArguments, TSClassImplements).
      return t.isTSType(node) || (node.type as string) === "TSClassImplements" || (node.type as string) === "TSInterfaceHeritage";
  }
}

/**
 * Calls `visit` on each child of `node` that is not type-only, in
 * VISITOR_KEYS order, until it returns true; returns whether one did.
 */
export function eachValueChild(node: t.Node, visit: (child: t.Node) => boolean | void): boolean {
  return eachChild(node, (child) => !isTypeOnly(child) && visit(child));
}

/** `t.traverseFast` that does not enter type-only nodes; true if `enter` stopped it. */
export function traverseValues(node: t.Node, enter: (node: t.Node) => typeof t.traverseFast.stop | void): boolean {
  return t.traverseFast(node, (inner) => (isTypeOnly(inner) ? t.traverseFast.skip : enter(inner)));
}
