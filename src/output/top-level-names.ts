// The names a file binds at its top level: the scope the inlined runtime is
// pasted into. A name here hides the global of that name from the runtime
// (`var Promise = require("bluebird")` is hoisted, so the runtime would read
// `undefined`), so the runtime reads those built-ins from the global object
// instead (runtime-binding.ts).
//
// A plain walk that stops at functions and class bodies: what is declared
// inside them is not visible at the top. It errs on the side of more names:
// `let`/`const` in a top-level block count too, though the runtime could not
// see them; an extra name only costs a property read.

import * as t from "@babel/types";
import { eachChild } from "../ast/children.js";

export function topLevelNames(program: t.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: t.Node): void => {
    switch (node.type) {
      case "VariableDeclarator":
        for (const name of Object.keys(t.getBindingIdentifiers(node.id))) names.add(name);
        if (node.init) visit(node.init);
        return;
      case "FunctionDeclaration":
      case "ClassDeclaration":
      case "TSEnumDeclaration":
      case "TSImportEqualsDeclaration":
        // Their bodies are their own scopes (a class's computed keys and heritage run at the top, but declare nothing).
        if (node.id?.type === "Identifier") names.add(node.id.name);
        return;
      case "TSModuleDeclaration":
        if (node.id.type === "Identifier") names.add(node.id.name);
        return;
      case "ImportDeclaration":
        for (const specifier of node.specifiers) names.add(specifier.local.name);
        return;
    }
    if (t.isFunction(node) || node.type === "ClassBody") return;
    eachChild(node, visit);
  };
  visit(program);
  return names;
}
