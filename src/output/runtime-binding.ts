// The file-level binding through which compiled code calls the runtime.
//
//   inline:  var _awaitless = (function () { ...only the chunks used... return { async: runAsync }; })();
//            When the file binds a name the runtime reads as a built-in (its own
//            `var Promise`, `function Symbol`), the runtime reads that one from the
//            global object instead, through a name the file does not bind:
//            var _awaitless = (function (globalObject) { var Promise = globalObject.Promise; ... })(<global object>);
//   import:  import * as _awaitless from "awaitless/runtime";   (a require() in a script)
//   global:  var _awaitless = awaitlessRuntime;

import * as t from "@babel/types";
import { parse } from "@babel/parser";
import type { NormalizedOptions } from "../pipeline/options.js";
import type { RuntimeRef } from "../lower/runtime-ref.js";
import { units, helpers } from "../generated/runtime-chunks.js";
import { NO_SOURCE } from "../lower/states/source-position.js";
import { topLevelNames } from "./top-level-names.js";
import { typeInlineRuntime } from "./typed-runtime.js";

/**
 * The declaration of the runtime binding. `shared`: the inlined runtime's
 * tree may be one shared by every file (transform() prints its tree and
 * drops it); a Babel plugin's tree is handed on to other plugins, so it gets
 * a copy.
 */
export function runtimeDeclaration(runtime: RuntimeRef, opts: NormalizedOptions, program: t.Program, shared = false): t.Statement {
  // The binding, and all of an inlined runtime, maps to nothing in the user's file.
  return { ...bindingStatement(runtime, opts, program, shared), loc: NO_SOURCE };
}

function bindingStatement(runtime: RuntimeRef, opts: NormalizedOptions, program: t.Program, shared: boolean): t.Statement {
  const sourceType = program.sourceType;
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
      return t.variableDeclaration("var", [t.variableDeclarator(id, inlineRuntime(runtime.used, topLevelNames(program), shared, opts.typescript))]);
  }
}

/**
 * Source of a self-contained runtime object providing the `used` helpers:
 * the runtime units they need, each after the units it depends on (so a
 * `var` is initialised before anything uses it), inside one function scope.
 * `fileNames`: the names the file binds at its top level (top-level-names.ts);
 * the built-ins the runtime reads under one of those names come from the
 * global object.
 */
export function inlineRuntimeSource(used: Iterable<string>, fileNames: ReadonlySet<string> = new Set()): string {
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
  const hidden = hiddenBuiltins(visited, fileNames);
  // Strict, as the runtime module is: in sloppy code a primitive `this` would be boxed.
  if (hidden.length === 0) return `(function () {\n"use strict";\n${code.join("\n")}\nreturn { ${exported} };\n})()`;
  const locals = hidden.map((name) => `${name} = ${BY_SYNTAX[name] ?? `globalObject.${name}`}`).join(", ");
  return (
    `(function (globalObject) {\n"use strict";\nvar ${locals};\n${code.join("\n")}\nreturn { ${exported} };\n})` +
    `(${globalObjectSource(fileNames)})`
  );
}

/**
 * Built-ins that syntax reaches without any name. They come from there rather
 * than from the global object, which a sloppy script's own top-level
 * `function Function() {}` or `var Object` replaces: native async functions
 * and generators are not affected by that, so neither may the runtime be.
 */
const BY_SYNTAX: Record<string, string> = {
  Function: "function () {}.constructor",
  Object: "{}.constructor",
  Array: "[].constructor",
  String: '"".constructor',
  undefined: "void 0",
};

/** The built-ins the included units read that the file's own top-level names would hide. */
function hiddenBuiltins(included: Iterable<(typeof units)[number]>, fileNames: ReadonlySet<string>): string[] {
  const hidden = new Set<string>();
  for (const unit of included) for (const name of unit.globals) if (fileNames.has(name)) hidden.add(name);
  return [...hidden].sort();
}

/**
 * An expression for the global object that goes through no name the file
 * binds and uses neither `eval` nor `Function` (CSP). A sloppy function's
 * `this` is the global object in any engine; in strict code (modules, or a
 * sloppy file later bundled into strict code) the first of the usual global
 * names the engine has and the file does not bind. Failing all of those (a
 * strict file on an engine with none of them, such as mujs) an empty object:
 * the runtime then finds no Promise or Symbol there, as if the engine had none.
 */
const GLOBAL_NAMES = ["globalThis", "self", "window", "global"];

function globalObjectSource(fileNames: ReadonlySet<string>): string {
  const candidates = GLOBAL_NAMES.filter((name) => !fileNames.has(name));
  const chain = candidates.map((name) => `typeof ${name} === "object" && ${name} ? ${name} : `).join("");
  return `function () { return this; }() || (${chain}{})`;
}

/** Parsed inline runtimes by helper set: parsing it for every file would cost as much as a small file. */
const parsedRuntimes = new Map<string, t.Expression>();

/** Every name whose binding in the file can change the inlined runtime's text. */
const namesThatMatter = new Set([...units.flatMap((unit) => unit.globals), ...GLOBAL_NAMES]);

/** `typescript`: the output is TypeScript, and the runtime is its typed variant (typed-runtime.ts). */
function inlineRuntime(used: Set<string>, fileNames: ReadonlySet<string>, shared: boolean, typescript: boolean): t.Expression {
  const relevant = new Set([...namesThatMatter].filter((name) => fileNames.has(name)));
  const key = `${[...used].sort().join(",")}|${[...relevant].sort().join(",")}|${typescript ? "ts" : "js"}`;
  let parsed = parsedRuntimes.get(key);
  if (!parsed) {
    parsed = parseRuntime(inlineRuntimeSource(used, relevant));
    if (typescript) typeInlineRuntime(parsed);
    parsedRuntimes.set(key, parsed);
  }
  return shared ? parsed : t.cloneNode(parsed, true);
}

function parseRuntime(source: string): t.Expression {
  const program = parse(source, { sourceType: "script" }).program;
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
