// Type aliases and interfaces declared in blocks that are exploded into states.
//
// An exploded block's statements all end up in the one `switch` of the step
// function, so two blocks that each declare `type T` would declare it twice
// there (TS2300), and one declared at the top of the function (moved to the
// wrapper) would be shadowed by the other. Types cost nothing at run time:
// each later declaration of a name takes a fresh one, and the type
// references inside its block follow it.

import * as t from "@babel/types";
import type { NameSource } from "../context.js";
import { eachChild } from "../../ast/children.js";

type TypeDeclaration = t.TSTypeAliasDeclaration | t.TSInterfaceDeclaration;

/**
 * Renames the type declarations of `exploded` blocks under `body` whose name
 * is `taken` or declared by such a block before. Nested functions are left
 * alone: they keep their own blocks.
 */
export function renameRepeatedBlockTypes(body: t.BlockStatement, exploded: (block: t.Node) => boolean, taken: Set<string>, names: NameSource): void {
  const seen = new Set(taken);
  const visit = (node: t.Node, parent: t.Node | null): void => {
    if (t.isFunction(node)) return;
    const statements = statementsOf(node);
    // A case's statements belong to its switch's block.
    if (statements && node !== body && exploded(node.type === "SwitchCase" ? parent! : node)) {
      for (const statement of statements) {
        if (!isTypeDeclaration(statement)) continue;
        const name = statement.id.name;
        if (seen.has(name)) renameType(node, name, names.unique(name));
        else seen.add(name);
      }
    }
    eachChild(node, (child) => visit(child, node));
  };
  visit(body, null);
}

function statementsOf(node: t.Node): t.Statement[] | null {
  if (node.type === "BlockStatement") return node.body;
  if (node.type === "SwitchCase") return node.consequent;
  return null;
}

function isTypeDeclaration(statement: t.Node): statement is TypeDeclaration {
  return statement.type === "TSTypeAliasDeclaration" || statement.type === "TSInterfaceDeclaration";
}

/**
 * Renames the declaration of type `from` in `block` and the references to
 * it there, except under a nested block that declares `from` itself.
 */
function renameType(block: t.Node, from: string, to: string): void {
  const visit = (node: t.Node): void => {
    if (node !== block && statementsOf(node)?.some((s) => isTypeDeclaration(s) && s.id.name === from)) return;
    if (isTypeDeclaration(node) && node.id.name === from) node.id.name = to;
    const head = referenceHead(node);
    if (head && head.name === from) head.name = to;
    eachChild(node, (child) => visit(child));
  };
  visit(block);
}

/** The identifier a type reference (`T`, `T.U`, `extends T`) starts with. */
function referenceHead(node: t.Node): t.Identifier | null {
  let name: t.Node | null = null;
  if (node.type === "TSTypeReference") name = node.typeName;
  // An interface's `extends` entry (Babel 7: TSExpressionWithTypeArguments; Babel 8: TSInterfaceHeritage).
  else if ((node.type as string) === "TSExpressionWithTypeArguments" || (node.type as string) === "TSInterfaceHeritage") {
    const entry = node as unknown as { expression?: t.Node; typeName?: t.Node };
    name = entry.expression ?? entry.typeName ?? null;
  }
  while (name && (name.type === "TSQualifiedName" || name.type === "MemberExpression")) name = name.type === "TSQualifiedName" ? name.left : name.object;
  return name?.type === "Identifier" ? name : null;
}
