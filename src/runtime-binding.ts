// The file-level binding through which compiled code calls the runtime.
//
//   inline:  var _awaitless = (function () { ...only the chunks used... return { async: runAsync }; })();
//   import:  import * as _awaitless from "awaitless/runtime";   (a require() in a script)
//   global:  var _awaitless = awaitlessRuntime;

import * as t from "@babel/types";
import { parse } from "@babel/parser";
import type { NormalizedOptions } from "./options.js";
import type { RuntimeRef } from "./lower/runtime-ref.js";
import { units, helpers } from "./generated/runtime-chunks.js";
import { NO_SOURCE } from "./lower/source-position.js";

/**
 * The declaration of the runtime binding. `shared`: the inlined runtime's
 * tree may be one shared by every file (transform() prints its tree and
 * drops it); a Babel plugin's tree is handed on to other plugins, so it gets
 * a copy.
 */
export function runtimeDeclaration(runtime: RuntimeRef, opts: NormalizedOptions, sourceType: "module" | "script", shared = false): t.Statement {
  // The binding, and all of an inlined runtime, maps to nothing in the user's file.
  return { ...bindingStatement(runtime, opts, sourceType, shared), loc: NO_SOURCE };
}

function bindingStatement(runtime: RuntimeRef, opts: NormalizedOptions, sourceType: "module" | "script", shared: boolean): t.Statement {
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
      return t.variableDeclaration("var", [t.variableDeclarator(id, inlineRuntime(runtime.used, shared))]);
  }
}

/**
 * Source of a self-contained runtime object providing the `used` helpers:
 * the runtime units they need, each after the units it depends on (so a
 * `var` is initialised before anything uses it), inside one function scope.
 */
export function inlineRuntimeSource(used: Iterable<string>): string {
  type Unit = (typeof units)[number];
  const declaring = new Map<string, Unit>();
  const setups = new Map<string, Unit[]>();
  for (const unit of units) {
    for (const name of unit.names) declaring.set(name, unit);
    if (unit.setupOf) setups.set(unit.setupOf, [...(setups.get(unit.setupOf) ?? []), unit]);
  }
  const visited = new Set<Unit>();
  const code: string[] = [];
  const include = (unit: Unit) => {
    if (visited.has(unit)) return;
    visited.add(unit);
    for (const dep of unit.deps) include(declaring.get(dep)!);
    code.push(unit.code);
    for (const name of unit.names) for (const setup of setups.get(name) ?? []) include(setup);
  };
  const names = [...used].sort();
  for (const name of names) {
    const local = helpers[name];
    if (!local) throw new Error(`awaitless internal error: unknown runtime helper ${name}`);
    include(declaring.get(local)!);
  }
  const exported = names.map((name) => `${JSON.stringify(name)}: ${helpers[name]}`).join(", ");
  // Strict, as the runtime module is: in sloppy code a primitive `this` would be boxed.
  return `(function () {\n"use strict";\n${code.join("\n")}\nreturn { ${exported} };\n})()`;
}

/** Parsed inline runtimes by helper set: parsing it for every file would cost as much as a small file. */
const parsedRuntimes = new Map<string, t.Expression>();

function inlineRuntime(used: Set<string>, shared: boolean): t.Expression {
  const key = [...used].sort().join(",");
  let parsed = parsedRuntimes.get(key);
  if (!parsed) {
    parsed = parseRuntime(used);
    parsedRuntimes.set(key, parsed);
  }
  return shared ? parsed : t.cloneNode(parsed, true);
}

function parseRuntime(used: Set<string>): t.Expression {
  const program = parse(inlineRuntimeSource(used), { sourceType: "script" }).program;
  // The runtime's code maps to nothing in the user's file: its locations are dropped.
  t.traverseFast(program, (node) => {
    node.loc = null;
    node.start = node.end = null;
    delete node.leadingComments;
    delete node.trailingComments;
  });
  const statement = program.body[0] as t.ExpressionStatement;
  return statement.expression;
}
