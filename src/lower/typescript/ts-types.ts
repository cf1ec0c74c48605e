// The types TypeScript output gives to what lowering moves or adds, so that
// the output type-checks as its input did (docs/decisions/0009-typescript-output.md).
//
// A local hoisted to the wrapper is declared `var name: T` there:
//   - T is its own annotation (`let v: number`), or, for a name bound by an
//     annotated destructuring pattern, that annotation indexed along the
//     pattern (`const { a }: P` gives `P["a"]`, `const [x]: P` gives `P[0]`);
//   - without one, T is what TypeScript infers from an initialiser whose type
//     the syntax alone tells: a literal (its literal type for a `const`, the
//     widened primitive for a `let` or `var`), `x as T` and `<T>x`, a
//     negation or comparison (`boolean`), a template (`string`), `new C<A>(…)`
//     of a class `C` (`C<A>`), `new C(…)` of a class without type parameters,
//     a function expression with its return type written (its function type);
//     a `for…in` key is a `string`;
//   - otherwise, and wherever T would name a type declared inside the
//     function (not visible from the wrapper), `any`: only a type checker
//     could say more. Temporaries the compiler adds are `any` too.
//
// A local class or enum moved out of its declaration (`C = class C {…}`, an
// enum's object) no longer declares a type: where the function still names
// that type, it is declared `type C = any` once, at the top of the function.
// Type aliases and interfaces at the top of the function body move to the
// wrapper (hoist.ts), where the hoisted locals' types can name them too.

import * as t from "@babel/types";

export type TypeMap = Map<string, t.TSType>;

/**
 * What a name used with `new` is where the initialiser stands: a class
 * declared with or without type parameters, a global (no binding), or
 * something else (a variable, a parameter), whose instances have no
 * nameable type.
 */
export type ConstructorKind = "class" | "generic class" | "global" | "other";
export type ConstructorLookup = (name: string) => ConstructorKind;

/** Global constructors whose instance type has no type parameters. */
const PLAIN_GLOBALS = new Set(["Date", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "URL", "URLSearchParams", "AbortController", "TextEncoder", "TextDecoder"]);

export function anyType(): t.TSType {
  return t.tsAnyKeyword();
}

/** `id`, declared `any` in TypeScript output: a parameter of a function the compiler writes. */
export function anyIn(id: t.Identifier, typescript: boolean): t.Identifier {
  if (typescript) id.typeAnnotation = t.tsTypeAnnotation(anyType());
  return id;
}

/** The annotation of a binding identifier or pattern, if it has one. */
export function annotationOf(node: t.Node): t.TSType | null {
  const annotation = (node as { typeAnnotation?: t.Node | null }).typeAnnotation;
  return annotation && annotation.type === "TSTypeAnnotation" ? annotation.typeAnnotation : null;
}

/** Removes a binding's annotation (once read): the declaration becomes an assignment, which cannot carry one. */
export function dropAnnotations(target: t.Node): void {
  t.traverseFast(target, (node) => {
    if ("typeAnnotation" in node && node.type !== "TSAsExpression" && node.type !== "TSSatisfiesExpression" && node.type !== "TSTypeAssertion") {
      (node as { typeAnnotation?: unknown }).typeAnnotation = null;
    }
  });
}

/**
 * The type of each name a declaration binds (`kind` of the declaration; `head`
 * when it is a `for…in`/`for…of` head) into `into`, unless already there.
 */
export function declaratorTypes(
  id: t.Node,
  init: t.Expression | null | undefined,
  kind: string,
  head: "in" | "of" | null,
  into: TypeMap,
  constructors: ConstructorLookup = () => "other",
): void {
  const own = annotationOf(id);
  if (id.type === "Identifier") {
    const type = own ?? (head === "in" ? t.tsStringKeyword() : head === "of" ? null : initializerType(init, kind === "const", constructors));
    setOnce(into, id.name, type ?? anyType());
    return;
  }
  patternTypes(id, own, into);
}

/** The names a pattern binds, each typed by `type` indexed along the pattern (or `any`). */
export function patternTypes(pattern: t.Node, type: t.TSType | null, into: TypeMap): void {
  switch (pattern.type) {
    case "Identifier":
      setOnce(into, pattern.name, annotationOf(pattern) ?? type ?? anyType());
      return;
    case "AssignmentPattern": {
      // A default replaces `undefined`: `{ a = 1 }: { a?: number }` binds a number.
      const own = annotationOf(pattern.left) ?? (type ? withoutUndefined(type) : null);
      patternTypes(pattern.left, own ?? initializerType(pattern.right, false), into);
      return;
    }
    case "ObjectPattern":
      for (const property of pattern.properties) {
        if (property.type === "RestElement") {
          patternTypes(property.argument, null, into);
          continue;
        }
        const key = !property.computed && property.key.type === "Identifier" ? property.key.name : property.key.type === "StringLiteral" ? property.key.value : null;
        patternTypes(property.value, type && key !== null ? indexed(type, t.tsLiteralType(t.stringLiteral(key))) : null, into);
      }
      return;
    case "ArrayPattern":
      pattern.elements.forEach((element, i) => {
        if (!element) return;
        if (element.type === "RestElement") patternTypes(element.argument, null, into);
        else patternTypes(element, type ? indexed(type, t.tsLiteralType(t.numericLiteral(i))) : null, into);
      });
      return;
    case "RestElement":
      patternTypes(pattern.argument, annotationOf(pattern), into);
      return;
    default:
      return;
  }
}

/** What TypeScript infers for a variable from an initialiser whose type its syntax tells, or null. */
export function initializerType(
  init: t.Expression | null | undefined,
  isConst: boolean,
  constructors: ConstructorLookup = () => "other",
): t.TSType | null {
  if (!init) return null;
  switch (init.type) {
    case "NumericLiteral":
    case "StringLiteral":
    case "BooleanLiteral":
    case "BigIntLiteral":
      return isConst ? t.tsLiteralType(t.cloneNode(init)) : widened(init.type);
    case "UnaryExpression":
      if (init.operator === "-" && (init.argument.type === "NumericLiteral" || init.argument.type === "BigIntLiteral")) {
        return isConst ? t.tsLiteralType(t.cloneNode(init) as t.UnaryExpression & { argument: t.NumericLiteral }) : widened(init.argument.type);
      }
      if (init.operator === "!" || init.operator === "delete") return t.tsBooleanKeyword();
      if (init.operator === "typeof") return t.tsStringKeyword();
      return null;
    case "TemplateLiteral":
      return t.tsStringKeyword();
    case "BinaryExpression":
      return ["==", "!=", "===", "!==", "<", "<=", ">", ">=", "instanceof", "in"].includes(init.operator) ? t.tsBooleanKeyword() : null;
    case "TSAsExpression":
    case "TSTypeAssertion":
      // `as const` is the literal's own type, which only a checker spells out.
      return isConstAssertion(init.typeAnnotation) ? null : t.cloneNode(init.typeAnnotation);
    case "TSSatisfiesExpression":
    case "ParenthesizedExpression":
      return initializerType(init.expression, isConst, constructors);
    case "NewExpression":
      return instanceType(init, constructors);
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return functionType(init);
    default:
      return null;
  }
}

/**
 * A function expression whose return type is written is a function of that
 * type: `(box: Box): number => …` gives `(...args: [box: Box]) => number`,
 * the parameter list in the form restTupleType writes for every case
 * (defaults, rest, patterns); an unannotated parameter is `any`, as it is
 * there without a contextual type.
 */
function functionType(init: t.ArrowFunctionExpression | t.FunctionExpression): t.TSType | null {
  const returns = init.returnType?.type === "TSTypeAnnotation" ? init.returnType.typeAnnotation : null;
  if (!returns) return null;
  const params = [...init.params];
  const parameters: t.Identifier[] = [];
  const first = params[0];
  if (first?.type === "Identifier" && first.name === "this") {
    parameters.push(t.cloneNode(first));
    params.shift();
  }
  const rest = t.restElement(t.identifier("args"));
  rest.typeAnnotation = t.tsTypeAnnotation(restTupleType(params));
  const typeParameters = init.typeParameters?.type === "TSTypeParameterDeclaration" ? t.cloneNode(init.typeParameters) : null;
  const type = t.tsFunctionType(typeParameters, [...parameters, rest as unknown as t.Identifier], t.tsTypeAnnotation(t.cloneNode(returns)));
  // Babel 8 names the parts of a function type differently (the plugin may print with its generator).
  return Object.assign(type, { params: type.parameters, returnType: type.typeAnnotation });
}

/**
 * The rest parameter that takes the arguments from the first parameter with
 * a default (or pattern after one) on: `..._args: [b?: number, ...more: T[]]`,
 * so callers see the parameters they saw before.
 */
export function restTupleType(params: t.Function["params"]): t.TSTupleType {
  const lastRequired = params.reduce((last, param, i) => (isRequired(param) ? i : last), -1);
  const labels = new Set<string>();
  const members = params.map((param, i): t.TSNamedTupleMember | t.TSRestType => {
    const label = uniqueLabel(labelOf(param, i), labels);
    if (param.type === "RestElement") {
      // Built by hand: Babel's parser puts a labelled member in a rest type, which its builder refuses.
      const member = t.tsNamedTupleMember(t.identifier(label), annotationOf(param) ?? t.tsArrayType(anyType()), false);
      return { type: "TSRestType", typeAnnotation: member } as unknown as t.TSRestType;
    }
    const optional = i > lastRequired && !isRequired(param);
    let type = parameterType(param);
    // A default before a required parameter: the caller passes `undefined` for it.
    if (!optional && !isRequired(param)) type = t.tsUnionType([type, t.tsUndefinedKeyword()]);
    return t.tsNamedTupleMember(t.identifier(label), type, optional);
  });
  return t.tsTupleType(members);
}

/** True if the type mentions one of `names` (types declared inside the function, unseen from the wrapper). */
export function mentionsAny(type: t.TSType, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  return t.traverseFast(type, (node) => (node.type === "Identifier" && names.has(node.name) ? t.traverseFast.stop : undefined));
}

/** `new C<A>(…)` is a `C<A>`, `new C(…)` a `C` when C is a class without type parameters or a plain global. */
function instanceType(init: t.NewExpression, constructors: ConstructorLookup): t.TSType | null {
  if (init.callee.type !== "Identifier") return null;
  const name = init.callee.name;
  const kind = constructors(name);
  // (Babel 8 calls them typeArguments.)
  const args = init.typeParameters ?? (init as { typeArguments?: t.TSTypeParameterInstantiation | null }).typeArguments ?? null;
  if (args && args.type === "TSTypeParameterInstantiation" && (kind === "class" || kind === "generic class" || kind === "global")) {
    return typeReference(name, t.cloneNode(args));
  }
  if (!args && (kind === "class" || (kind === "global" && PLAIN_GLOBALS.has(name)))) return typeReference(name, null);
  return null;
}

function typeReference(name: string, args: t.TSTypeParameterInstantiation | null): t.TSTypeReference {
  const reference = t.tsTypeReference(t.identifier(name), args);
  // Babel 8 keeps a reference's arguments under this name (the plugin may print with its generator).
  if (args) Object.assign(reference, { typeArguments: args });
  return reference;
}

function parameterType(param: t.Function["params"][number]): t.TSType {
  if (param.type === "AssignmentPattern") return annotationOf(param.left) ?? initializerType(param.right, false) ?? anyType();
  if (param.type === "TSParameterProperty") return anyType();
  return annotationOf(param) ?? anyType();
}

function isRequired(param: t.Function["params"][number]): boolean {
  if (param.type === "AssignmentPattern" || param.type === "RestElement") return false;
  return !(param.type === "Identifier" && param.optional);
}

function labelOf(param: t.Function["params"][number], index: number): string {
  const target = param.type === "AssignmentPattern" ? param.left : param.type === "RestElement" ? param.argument : param;
  return target.type === "Identifier" ? target.name : `arg${index}`;
}

function uniqueLabel(label: string, taken: Set<string>): string {
  let name = label;
  for (let i = 2; taken.has(name); i++) name = label + i;
  taken.add(name);
  return name;
}

function widened(type: "NumericLiteral" | "StringLiteral" | "BooleanLiteral" | "BigIntLiteral"): t.TSType {
  switch (type) {
    case "NumericLiteral":
      return t.tsNumberKeyword();
    case "StringLiteral":
      return t.tsStringKeyword();
    case "BooleanLiteral":
      return t.tsBooleanKeyword();
    case "BigIntLiteral":
      return t.tsBigIntKeyword();
  }
}

function indexed(type: t.TSType, key: t.TSLiteralType): t.TSType {
  return t.tsIndexedAccessType(parenthesized(type), key);
}

function withoutUndefined(type: t.TSType): t.TSType {
  return typeReference("Exclude", t.tsTypeParameterInstantiation([t.cloneNode(type), t.tsUndefinedKeyword()]));
}

/** An indexed type's object in parentheses where the printer would not add them (`(A | B)["k"]`). */
function parenthesized(type: t.TSType): t.TSType {
  const copy = t.cloneNode(type);
  return copy.type === "TSUnionType" || copy.type === "TSIntersectionType" || copy.type === "TSFunctionType" || copy.type === "TSConditionalType"
    ? t.tsParenthesizedType(copy)
    : copy;
}

function isConstAssertion(type: t.TSType): boolean {
  return type.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "const";
}

function setOnce(into: TypeMap, name: string, type: t.TSType): void {
  if (!into.has(name)) into.set(name, type);
}

/**
 * `type Name = any;` for each of `names` that `fn` uses as a type, once each
 * (two blocks' classes of one name would otherwise declare it twice).
 */
export function anyTypeAliases(fn: t.Function, names: Iterable<string>): t.TSTypeAliasDeclaration[] {
  const wanted = new Set(names);
  // Most functions move no class or enum: no walk for them.
  if (wanted.size === 0) return [];
  const used = typeReferencesIn(fn);
  return [...wanted].filter((name) => used.has(name)).map((name) => t.tsTypeAliasDeclaration(t.identifier(name), null, anyType()));
}

/** Names used as the head of a type reference anywhere in `fn` (`C`, `C.Member`). */
function typeReferencesIn(fn: t.Function): Set<string> {
  const names = new Set<string>();
  t.traverseFast(fn, (node) => {
    if (node.type !== "TSTypeReference") return;
    let head: t.TSEntityName = node.typeName;
    while (head.type === "TSQualifiedName") head = head.left;
    if (head.type === "Identifier") names.add(head.name);
  });
  return names;
}
