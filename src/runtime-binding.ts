// The file-level binding through which compiled code calls the runtime.
//
//   inline:  var _awaitless = (function () { ...only the chunks used... return { async: runAsync }; })();
//   import:  import * as _awaitless from "awaitless/runtime";   (a require() in a script)
//   global:  var _awaitless = awaitlessRuntime;

import * as t from "@babel/types";
import { parse } from "@babel/parser";
import type { NormalizedOptions } from "./options.js";
import type { RuntimeRef } from "./lower/runtime-ref.js";
import { chunks, helpers } from "./generated/runtime-chunks.js";

export function runtimeDeclaration(runtime: RuntimeRef, opts: NormalizedOptions, sourceType: "module" | "script"): t.Statement {
  const id = t.identifier(runtime.name);
  switch (opts.runtime) {
    case "import":
      if (sourceType === "module") return t.importDeclaration([t.importNamespaceSpecifier(id)], t.stringLiteral(opts.runtimeModule));
      return t.variableDeclaration("var", [
        t.variableDeclarator(id, t.callExpression(t.identifier("require"), [t.stringLiteral(opts.runtimeModule)])),
      ]);
    case "global":
      return t.variableDeclaration("var", [t.variableDeclarator(id, t.identifier(opts.globalName))]);
    case "inline":
      return t.variableDeclaration("var", [t.variableDeclarator(id, inlineRuntime(runtime.used))]);
  }
}

/** Source of a self-contained runtime object providing `used` helpers. */
export function inlineRuntimeSource(used: Iterable<string>): string {
  const order: string[] = [];
  const visit = (chunk: string) => {
    if (order.includes(chunk)) return;
    for (const dep of chunks[chunk].deps) visit(dep);
    order.push(chunk);
  };
  const names = [...used].sort();
  for (const name of names) {
    const helper = helpers[name];
    if (!helper) throw new Error(`awaitless internal error: unknown runtime helper ${name}`);
    visit(helper.chunk);
  }
  const body = order.map((chunk) => chunks[chunk].code).join("\n");
  const exported = names.map((name) => `${JSON.stringify(name)}: ${helpers[name].local}`).join(", ");
  return `(function () {\n${body}\nreturn { ${exported} };\n})()`;
}

function inlineRuntime(used: Set<string>): t.Expression {
  const program = parse(inlineRuntimeSource(used), { sourceType: "script" }).program;
  const statement = program.body[0] as t.ExpressionStatement;
  return statement.expression;
}
