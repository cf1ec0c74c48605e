// Parameters with defaults, patterns or rest.
//
// Simple parameter lists stay on the wrapper as they are. Otherwise their
// initialisation has to move: an async function must reject (not throw) when
// a default throws, so the initialisation goes into the first state of the
// machine; a generator evaluates its parameters at call time, so it goes into
// the wrapper before the generator object is made. Either way the wrapper
// keeps as many parameters as the function's `length` counts, so
// `fn.length` is unchanged, and reads the rest from `arguments`.

import * as t from "@babel/types";
import type { NameSource } from "./context.js";
import { unsupported } from "./unsupported.js";
import { locate } from "./states/source-position.js";
import { annotationOf, initializerType, patternTypes, type TypeMap } from "./typescript/ts-types.js";
import { isTypeOnly } from "../ast/children.js";

export interface LoweredParams {
  /** The wrapper's own parameters. */
  params: Array<t.Identifier | t.RestElement>;
  /** Statements that bind the original parameters, in order. */
  init: t.Statement[];
  /** Names to declare in the wrapper. */
  vars: string[];
  /** For TypeScript output: the type of each of `vars` that has one. */
  types: TypeMap;
}

/** Parameters whose binding cannot run code or throw: plain names and a plain rest. */
export function isSimpleParameterList(params: t.Function["params"]): boolean {
  return params.every(
    (param, i) =>
      param.type === "Identifier" ||
      (param.type === "RestElement" && i === params.length - 1 && param.argument.type === "Identifier"),
  );
}

/**
 * Where arguments past the wrapper's own parameters come from: `arguments`
 * in a function, a rest parameter in an arrow (which has no `arguments`).
 * `counted` is the number of the wrapper's own parameters.
 */
export interface ArgumentSource {
  at(index: number, counted: number): t.Expression;
  from(index: number, counted: number): t.Expression;
  /** An expression that throws the ReferenceError of reading `name` in its TDZ. */
  uninitialized(name: string): t.Expression;
}

export function lowerParams(params: t.Function["params"], names: NameSource, source: ArgumentSource): LoweredParams {
  const result: LoweredParams = { params: [], init: [], vars: [], types: new Map() };
  if (isSimpleParameterList(params)) {
    result.params = params as Array<t.Identifier | t.RestElement>;
    return result;
  }
  const counted = countedParams(params);
  const assign = (target: t.LVal, value: t.Expression) =>
    result.init.push(t.expressionStatement(t.assignmentExpression("=", target, value)));

  // Parameters are initialised left to right: a default reading its own or a later parameter throws.
  const laterNames = params.map((_, i) => new Set(params.slice(i).flatMap((p) => Object.keys(t.getBindingIdentifiers(p)))));
  params.forEach((param, i) => {
    if (param.type !== "Identifier") forbidLaterReferences(param, laterNames[i], source);
  });

  const lowerParam = (param: t.Function["params"][number], i: number): void => {
    if (param.type === "TSParameterProperty") throw unsupported(param, "parameter properties are only allowed in constructors");
    for (const name of Object.keys(t.getBindingIdentifiers(param))) result.vars.push(name);
    paramTypes(param, result.types);
    // The value passed in: the wrapper's own parameter, or `arguments[i]`.
    let incoming: t.Expression;
    if (i < counted) {
      const own = param.type === "Identifier" ? param : t.identifier(names.unique("param"));
      // A pattern's annotation types the value passed in.
      if (own !== param) own.typeAnnotation = (param as t.ObjectPattern).typeAnnotation ?? null;
      result.params.push(own);
      if (param.type === "Identifier") {
        result.vars = result.vars.filter((v) => v !== param.name);
        return;
      }
      incoming = t.identifier(own.name);
    } else if (param.type === "RestElement") {
      assign(param.argument as t.LVal, source.from(i, counted));
      return;
    } else {
      incoming = source.at(i, counted);
    }
    if (param.type === "AssignmentPattern") {
      // `if (x === undefined) x = default;` keeps name inference for `x = function () {}`.
      const slot = param.left.type === "Identifier" ? param.left : t.identifier(names.unique("param"));
      if (slot !== param.left) result.vars.push(slot.name);
      assign(t.identifier(slot.name), incoming);
      result.init.push(
        t.ifStatement(
          t.binaryExpression("===", t.identifier(slot.name), t.unaryExpression("void", t.numericLiteral(0))),
          t.expressionStatement(t.assignmentExpression("=", t.identifier(slot.name), param.right)),
        ),
      );
      if (slot !== param.left) assign(param.left as t.LVal, t.identifier(slot.name));
      return;
    }
    assign(param as t.LVal, incoming);
  };
  // Each parameter's set-up maps to the parameter.
  params.forEach((param, i) => {
    const first = result.init.length;
    lowerParam(param, i);
    locate(result.init.slice(first), param.loc);
  });
  return result;
}

/** How many parameters `length` counts: those before the first default or rest. */
export function countedParams(params: t.Function["params"]): number {
  const length = params.findIndex((p) => p.type === "AssignmentPattern" || p.type === "RestElement");
  return length < 0 ? params.length : length;
}

/** The types of the names a parameter binds, for TypeScript output (ts-types.ts). */
function paramTypes(param: t.Function["params"][number], into: TypeMap): void {
  if (param.type === "AssignmentPattern" && param.left.type === "Identifier" && !annotationOf(param.left)) {
    const inferred = initializerType(param.right, false);
    if (inferred) into.set(param.left.name, inferred);
    return;
  }
  patternTypes(param, param.type === "AssignmentPattern" || param.type === "TSParameterProperty" ? null : annotationOf(param), into);
}

/**
 * Replaces, in the default values and computed keys inside `param`, each
 * direct reference to a parameter not yet initialised with the ReferenceError
 * it would throw. Bindings are made in evaluation order, so a default may
 * read a name bound earlier in the same pattern (`{ a, b = a }`), never its
 * own or a later one. A closure in a default may read them later, once they
 * are set, so closures are left alone.
 */
function forbidLaterReferences(param: t.Node, fromHere: Set<string>, source: ArgumentSource): void {
  const bound = new Set<string>();
  const notYetBound = () => new Set([...fromHere].filter((name) => !bound.has(name)));
  const visit = (node: t.Node): void => {
    switch (node.type) {
      case "Identifier":
        bound.add(node.name);
        return;
      case "AssignmentPattern":
        // The default runs before its target is bound.
        replaceIn(node, "right", notYetBound(), source);
        visit(node.left);
        return;
      case "ObjectPattern":
        for (const property of node.properties) {
          if (property.type === "RestElement") {
            visit(property.argument);
            continue;
          }
          if (property.computed) replaceIn(property, "key", notYetBound(), source);
          visit(property.value);
        }
        return;
      case "ArrayPattern":
        for (const element of node.elements) if (element) visit(element);
        return;
      case "RestElement":
        visit(node.argument);
        return;
      default:
        return;
    }
  };
  visit(param);
}

/** Replaces the references under `holder[key]`, not descending into functions or classes. */
function replaceIn(holder: t.Node, key: string, names: Set<string>, source: ArgumentSource): void {
  const slot = holder as unknown as Record<string, unknown>;
  const visit = (value: unknown, set: (replacement: t.Node) => void) => {
    if (!value || typeof value !== "object") return;
    const node = value as t.Node;
    if (node.type === "Identifier") {
      if (names.has(node.name) && t.isReferenced(node, holder)) set(source.uninitialized(node.name));
      return;
    }
    if (t.isFunction(node) || t.isClass(node) || isTypeOnly(node)) return;
    for (const childKey of t.VISITOR_KEYS[node.type] ?? []) replaceIn(node, childKey, names, source);
  };
  const child = slot[key];
  if (Array.isArray(child)) child.forEach((value, i) => visit(value, (r) => (child[i] = r)));
  else visit(child, (r) => (slot[key] = r));
}
