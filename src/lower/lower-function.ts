// Lowers one async function, generator or async generator in place.
//
//     async function f(a) { const r = await g(a); return r + 1; }
//
// becomes a wrapper with the same name, parameters and `length`, whose locals
// are hoisted out of a step function that the runtime drives:
//
//     function f(a) {
//       var r;
//       return _awaitless.async(function (_m) {
//         switch (_m.s) {
//           case 0:
//             return _m.await(g(a), 1);
//           case 1:
//             r = _m.v;
//             return r + 1;
//         }
//       });
//     }
//
// The step function is a `function` that reads the wrapper's copy of `this`
// (scope/capture-this.ts), or an arrow when the original is an arrow or uses
// `super` (an arrow is the only way to keep `super` working inside it; such
// input is ES2015 already).

import * as t from "@babel/types";
import type { NodePath } from "../host/babel.js";
import { SuspensionFinder, suspendsAtMostOnce, type FunctionKind } from "./suspension.js";
import { LowerContext } from "./context.js";
import { hoistScope } from "./scope/hoist.js";
import { stableLocals } from "./scope/stable-locals.js";
import { captureOwnThis } from "./scope/capture-this.js";
import { separateBodyFromParams } from "./scope/param-scope.js";
import { lowerParams, countedParams, type LoweredParams } from "./params.js";
import { anyIn, anyType, restTupleType } from "./typescript/ts-types.js";
import { explodeStatements, explodeStatement, emitNative } from "./statements/index.js";
import { explodeExpression, explodeOperands, emitForEffect } from "./expressions/index.js";
import type { Lowering } from "./recursion.js";
import { buildStepBody } from "./states/step-function.js";
import { startHelper } from "./start-helpers.js";
import { annotateStates } from "./states/annotate.js";
import { MARK_HELPERS, runtimeCall, runtimeMember, type RuntimeRef } from "./runtime-ref.js";
import { describeFunction } from "./states/describe.js";
import { inferredName, withName } from "./naming/inferred-names.js";
import { FunctionNames, namesIn, mentions } from "./naming/names.js";
import type { MethodMarks } from "./method-marks.js";
import type { FunctionModel } from "../pipeline/model.js";
import { NO_SOURCE } from "./states/source-position.js";
import { functionUsesOwn } from "../ast/own-code.js";

export interface FileContext {
  runtime: RuntimeRef;
  /** The step function each model belongs to, to put the models in output order. */
  steps: Map<t.Node, FunctionModel>;
  /** The source text, to annotate states with their lines (set when `annotate` is on). */
  annotateFrom: string | null;
  /** Object-literal methods to mark once lowering is done. */
  methodMarks: MethodMarks;
  /** Statements to run where a function declaration is hoisted (its scope's start). */
  atScopeStart(scope: NodePath, statement: t.Statement): void;
  /** The output is TypeScript: what lowering moves or adds is typed (ts-types.ts). */
  typescript?: boolean;
}

type LowerablePath = NodePath<
  t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod
>;

/** The dispatchers, given to every context so the lowerings they call can call them back. */
const LOWERING: Lowering = { explodeExpression, explodeOperands, emitForEffect, explodeStatement };

export function kindOf(node: t.Function): FunctionKind | null {
  if (node.async && node.generator) return "asyncGenerator";
  if (node.generator) return "generator";
  if (node.async) return "async";
  return null;
}

export function lowerFunction(path: LowerablePath, file: FileContext): void {
  const node = path.node;
  const kind = kindOf(node)!;
  const isArrow = node.type === "ArrowFunctionExpression";
  const inferred = node.type === "FunctionExpression" || isArrow ? ((node as t.FunctionExpression).id ? null : inferredName(path)) : null;
  withBlockBody(node);
  const typescript = file.typescript === true;
  // Parameter initialisers run in the step function too (async functions), so `super` there counts.
  // In TypeScript an arrow also keeps the type of `this`, where a function would need it written out.
  const stepIsArrow = isArrow || typescript || functionUsesOwn(node, (inner) => inner.type === "Super");
  // A step function that is not an arrow reads the wrapper's copy of `this` (scope/capture-this.ts);
  // only where a direct eval might read it is the step called with the wrapper's `this`.
  const passThis = !stepIsArrow && functionUsesOwn(node, isDirectEval);
  const names = new FunctionNames(namesIn(node, new Set([file.runtime.name])));
  const thisName = stepIsArrow || passThis ? null : captureOwnThis(path as NodePath<t.Function>, names);
  node.body.body.unshift(...separateBodyFromParams(path as NodePath<t.Function>, names, file.runtime));
  const finder = new SuspensionFinder(kind);
  // Before hoisting rewrites the body; nested functions are already lowered (their awaits are calls now).
  const once = kind === "async" && suspendsAtMostOnce(node.body);
  // Asked before hoisting, while Babel's bindings still describe the source.
  const stable = stableLocals(path as NodePath<t.Function>);
  if (thisName) stable.add(thisName);
  const hoist = hoistScope(path as NodePath<t.Function>, finder, names, !stepIsArrow, file.runtime, typescript);
  // In TypeScript, a rest parameter typed as the parameters it stands for
  // keeps the signature callers see (`arguments` would leave them out).
  const incoming = lowerIncoming(node, names, file, hoist.argumentsName, isArrow || typescript, typescript);

  const ctx = new LowerContext(kind, finder, names, names.unique("m"), file.runtime, LOWERING);
  ctx.scopes = hoist.scopes;
  ctx.stableLocals = stable;
  // An async function rejects when a parameter initialiser throws, so that
  // code runs inside the machine; a generator's runs at call time.
  const paramsInMachine = kind === "async";
  const tries = buildStates(ctx, node, paramsInMachine ? incoming.params.init : [], file);
  const step = stepFunction(ctx, stepIsArrow, typescript);
  nameStep(step, node, displayName(node, inferred));

  const self =
    node.type === "ObjectMethod" || node.type === "ClassMethod"
      ? file.methodMarks.register(path as NodePath<t.ObjectMethod | t.ClassMethod>, kind) ?? null
      : selfReference(path, kind, inferred, names);
  const start = runtimeCall(file, startHelper(kind, once), startArguments(kind, step, passThis, tries, self));
  // A sloppy function with default values, patterns or a rest among its
  // parameters has an unmapped `arguments`; the wrapper's plain parameters
  // would map its own. (A plain rest kept on the wrapper would not, but a
  // later Babel transform of the wrapper's rest parameter would.)
  const argumentsValue =
    hoist.argumentsName && !node.params.every((param) => param.type === "Identifier") && !path.isInStrictMode()
      ? runtimeCall(file, "unmapped", [t.identifier("arguments")])
      : t.identifier("arguments");
  const preamble = buildPreamble(hoist, incoming.params, ctx, thisName, incoming.argumentsName, argumentsValue, incoming.restName, paramsInMachine, typescript);
  becomeWrapper(node, incoming, preamble, start, typescript);
  const model = describeFunction(path, kind, ctx, tries, inferred);
  file.steps.set(step, model);
  markIdentity(path, file, inferred, kind, computedKeyOf(path));
}

/** `async (x) => expr` gets the body `{ return expr; }`, so statements can go before it. */
function withBlockBody(node: t.Function): asserts node is t.Function & { body: t.BlockStatement } {
  if (node.body.type === "BlockStatement") return;
  const body = node.body;
  node.body = t.blockStatement([{ ...t.returnStatement(body), loc: body.loc }]);
  (node as t.ArrowFunctionExpression).expression = false;
}

/** The wrapper's parameters, and how the original ones are bound from them. */
interface Incoming {
  params: LoweredParams;
  /** The wrapper's copy of `arguments`, when the body or the parameters read it. */
  argumentsName: string | null;
  /** The wrapper's rest parameter standing for the parameters after the counted ones, if any. */
  restName: string | null;
  /** A `this: T` parameter (TypeScript), put back first on the wrapper. */
  thisParam: t.Function["params"][number] | null;
  /** The source parameters the rest parameter stands for (its tuple type). */
  sourceParams: t.Function["params"];
}

/**
 * Lowers the parameters: the wrapper keeps the ones counted in `length`; the
 * others are read from `arguments`, or, for an arrow (which has none) and in
 * TypeScript, from a rest parameter.
 */
function lowerIncoming(node: t.Function, names: FunctionNames, file: FileContext, argumentsName: string | null, fromRest: boolean, typescript: boolean): Incoming {
  let restName: string | null = null;
  const argumentsList = (): string => (restName ??= names.unique("args"));
  const argumentsCopy = (): string => (argumentsName ??= names.unique("arguments"));
  // A `this: T` parameter is a type, not a parameter: it takes no argument.
  const thisParam = isThisParameter(node.params[0]) ? node.params.shift()! : null;
  const sourceParams = node.params.slice(countedParams(node.params));
  const params = lowerParams(node.params, names, {
    at: (i, counted) =>
      fromRest
        ? nonNull(t.memberExpression(t.identifier(argumentsList()), t.numericLiteral(i - counted), true), typescript)
        : t.memberExpression(t.identifier(argumentsCopy()), t.numericLiteral(i), true),
    from: (i, counted) =>
      fromRest
        ? runtimeCall(file, "rest", [t.identifier(argumentsList()), t.numericLiteral(i - counted)])
        : runtimeCall(file, "rest", [t.identifier(argumentsCopy()), t.numericLiteral(i)]),
    uninitialized: (name) => runtimeCall(file, "uninitialized", [t.stringLiteral(name)]),
  });
  return { params, argumentsName, restName, thisParam, sourceParams };
}

/** Lowers the body (after `paramsInit`) into states; returns the try table. */
function buildStates(ctx: LowerContext, node: t.Function & { body: t.BlockStatement }, paramsInit: t.Statement[], file: FileContext): number[] {
  for (const statement of paramsInit) emitNative(ctx, statement);
  ctx.enterScope(node);
  explodeStatements(ctx, node.body.body);
  const exit = ctx.leaps.exitUsed;
  if (exit) {
    // Falling off the end returns undefined, not whatever `return` a
    // `finally` abandoned on the way (`m.rv` may still hold it).
    if (!ctx.emitter.atUnreachableEnd()) ctx.emitter.terminate(t.returnStatement(), "return");
    ctx.emitter.mark(exit, "exit");
    ctx.emitter.terminate(t.returnStatement(ctx.machineField("rv")), "return");
  }
  const tries = ctx.emitter.finish();
  if (file.annotateFrom !== null) annotateStates(ctx, file.annotateFrom);
  return tries;
}

/** The step function: the states in their switch, taking the machine (when there is more than one state). */
function stepFunction(ctx: LowerContext, isArrow: boolean, typescript: boolean): t.ArrowFunctionExpression | t.FunctionExpression {
  const stepBody = buildStepBody(ctx);
  // (Typed `any` in TypeScript: the runtime inlined into a TypeScript file types its parameters `any`, which types no argument.)
  const stepParams = ctx.emitter.states.length > 1 ? [anyIn(t.identifier(ctx.machine), typescript)] : [];
  return isArrow ? t.arrowFunctionExpression(stepParams, t.blockStatement(stepBody)) : t.functionExpression(null, stepParams, t.blockStatement(stepBody));
}

/** The function itself becomes the wrapper: plain, its parameters, the preamble, and the start of its machine. */
function becomeWrapper(node: t.Function & { body: t.BlockStatement }, incoming: Incoming, preamble: t.Statement[], start: t.Expression, typescript: boolean): void {
  const directives = node.body.directives;
  node.async = false;
  node.generator = false;
  const rest = incoming.restName ? t.restElement(t.identifier(incoming.restName)) : null;
  if (rest && typescript) rest.typeAnnotation = t.tsTypeAnnotation(restTupleType(incoming.sourceParams));
  node.params = rest ? [...incoming.params.params, rest] : incoming.params.params;
  if (incoming.thisParam) node.params.unshift(incoming.thisParam as t.Identifier);
  if (node.type === "ArrowFunctionExpression" && preamble.length === 0 && directives.length === 0) {
    const arrow: t.ArrowFunctionExpression = node;
    arrow.body = start;
    arrow.expression = true;
  } else {
    // Calling the function starts the machine: that `return` maps to the function.
    node.body = t.blockStatement([...preamble, { ...t.returnStatement(start), loc: node.loc ?? null }], directives);
  }
}

function buildPreamble(
  hoist: ReturnType<typeof hoistScope>,
  params: LoweredParams,
  ctx: LowerContext,
  thisName: string | null,
  argumentsName: string | null,
  argumentsValue: t.Expression,
  restName: string | null,
  paramsInMachine: boolean,
  typescript: boolean,
): t.Statement[] {
  const preamble: t.Statement[] = [];
  const declarators: t.VariableDeclarator[] = [];
  if (thisName) declarators.push(t.variableDeclarator(t.identifier(thisName), t.thisExpression()));
  if (argumentsName && !restName) declarators.push(t.variableDeclarator(t.identifier(argumentsName), argumentsValue));
  if (hoist.newTargetName) {
    declarators.push(t.variableDeclarator(t.identifier(hoist.newTargetName), t.metaProperty(t.identifier("new"), t.identifier("target"))));
  }
  const seen = new Set<string>(params.params.map((p) => (p.type === "Identifier" ? p.name : (p.argument as t.Identifier).name)));
  for (const name of [...params.vars, ...hoist.vars, ...ctx.hoisted]) {
    if (seen.has(name)) continue;
    seen.add(name);
    const id = t.identifier(name);
    // A local keeps its type; what has none the syntax can tell, and the compiler's temporaries, are `any`.
    if (typescript) id.typeAnnotation = t.tsTypeAnnotation(hoist.types.get(name) ?? params.types.get(name) ?? anyType());
    declarators.push(t.variableDeclarator(id));
  }
  preamble.push(...hoist.typeDeclarations);
  if (declarators.length) preamble.push({ ...t.variableDeclaration("var", declarators), loc: NO_SOURCE });
  preamble.push(...hoist.functions);
  if (!paramsInMachine) preamble.push(...params.init);
  return preamble;
}

/**
/**
 * `_args[i]!` in TypeScript: the parameter's own type, not the tuple's
 * optional one (`T | undefined`); where it is undefined, its default replaces it.
 */
function nonNull(value: t.Expression, typescript: boolean): t.Expression {
  return typescript ? t.tsNonNullExpression(value) : value;
}

function isThisParameter(param: t.Function["params"][number] | undefined): boolean {
  return param?.type === "Identifier" && param.name === "this";
}

/** A direct call of `eval`, which may read `this`. */
function isDirectEval(node: t.Node): boolean {
  return node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "eval";
}

/**
 * The step function runs the original body, so stack traces should name it
 * as the original: it gets the original's name when nothing inside uses that
 * name (a recursive call must still reach the wrapper), and the original's
 * location with that name, which source-mapped stack traces report.
 */
function nameStep(step: t.FunctionExpression | t.ArrowFunctionExpression, original: t.Function, name: string): void {
  if (original.loc) step.loc = { ...original.loc, identifierName: name || undefined };
  if (step.type === "FunctionExpression" && name && t.isValidIdentifier(name) && !mentions(original, name)) {
    step.id = t.identifier(name);
  }
}

function displayName(node: t.Function, inferred: string | null): string {
  if ((node.type === "FunctionDeclaration" || node.type === "FunctionExpression") && node.id) return node.id.name;
  if ((node.type === "ObjectMethod" || node.type === "ClassMethod") && !node.computed && node.key.type === "Identifier") return node.key.name;
  return inferred ?? "";
}



/** `(step, [fn,] tries)`, trailing arguments left off when not needed. */
function startArguments(
  kind: FunctionKind,
  step: t.Expression,
  passThis: boolean,
  tries: number[],
  self: t.Identifier | null,
): t.Expression[] {
  // The driver calls the step as `m.step(m)`: where a direct eval may read `this`, the step is bound to it.
  const args: t.Expression[] = [passThis ? boundToThis(step) : step];
  if (kind !== "async") args.push(self ?? t.unaryExpression("void", t.numericLiteral(0)));
  if (tries.length) args.push(t.arrayExpression(tries.map((n) => t.numericLiteral(n))));
  while (args.length > 1 && isVoid0(args[args.length - 1])) args.pop();
  return args;
}

/** `step.bind(this)` */
function boundToThis(step: t.Expression): t.Expression {
  return t.callExpression(t.memberExpression(step, t.identifier("bind")), [t.thisExpression()]);
}

function isVoid0(node: t.Expression): boolean {
  return node.type === "UnaryExpression" && node.operator === "void" && node.argument.type === "NumericLiteral";
}

/**
 * How a generator's wrapper names itself, so that each call can give its
 * generator object `fn.prototype`. A declaration or named expression has its
 * name; an anonymous expression is given the name it would have had (or a
 * fresh one, the right `name` then restored by the marking call). Methods
 * cannot name themselves: their generators inherit the shared prototype.
 */
function selfReference(path: LowerablePath, kind: FunctionKind, inferred: string | null, names: FunctionNames): t.Identifier | null {
  if (kind === "async") return null;
  const node = path.node;
  if (node.type !== "FunctionDeclaration" && node.type !== "FunctionExpression") return null;
  if (!node.id) {
    const wanted = node.type === "FunctionDeclaration" ? "default" : inferred;
    node.id =
      wanted !== null && t.isValidIdentifier(wanted) && !mentions(node, wanted)
        ? t.identifier(wanted)
        : t.identifier(names.unique(kind === "generator" ? "generator" : "asyncGenerator"));
    restoredNames.set(node, wanted ?? "");
  }
  return t.identifier(node.id.name);
}

/**
 * When the function is the value of a property with a computed key (named
 * from it natively), the key is first stored in a temporary — `[_key = k]`,
 * still evaluated once, in order — and the temporary is returned.
 */
function computedKeyOf(path: LowerablePath): t.Identifier | null {
  const parent = path.parentPath;
  if (!parent?.isObjectProperty() || !parent.node.computed || parent.node.value !== path.node) return null;
  const key = parent.node.key;
  if (key.type === "StringLiteral" || key.type === "NumericLiteral") return null;
  const temp = parent.scope.generateUidIdentifier("key");
  // Hoisted as Babel's own `var`s are, but without `_blockHoist` 2: under
  // @babel/core that would sort it above the runtime's import, which the API
  // (with no block-hoist pass) places first; both now print alike.
  parent.scope.push({ id: t.cloneNode(temp), _blockHoist: 1 });
  parent.node.key = t.assignmentExpression("=", t.cloneNode(temp), key as t.Expression);
  return temp;
}

/** Is the declaration in a block or switch case (rather than at the top of a function or program)? */
function isInBlock(path: LowerablePath): boolean {
  const parent = path.parentPath;
  if (!parent || parent.isProgram() || parent.isExportDeclaration()) return false;
  if (parent.isBlockStatement() && parent.parentPath?.isFunction()) return false;
  return parent.isBlockStatement() || parent.isSwitchCase() || parent.isStaticBlock();
}

/** Functions given a name only for self-reference, with the name they should report. */
const restoredNames = new WeakMap<t.Node, string>();

/**
 * Gives the compiled function the prototype chain of a native one:
 * `Object.getPrototypeOf(f)` is the shared AsyncFunction / GeneratorFunction
 * / AsyncGeneratorFunction prototype, and a generator function gets its own
 * `prototype` object. A declaration is marked where it is hoisted; an
 * expression is wrapped, and keeps the name it would have had: a function
 * expression gets it as its own name when nothing inside uses that name,
 * otherwise the runtime is told. Methods keep Function.prototype for now.
 */
function markIdentity(
  path: LowerablePath,
  file: FileContext,
  inferred: string | null,
  kind: FunctionKind,
  computedKey: t.Identifier | null,
): void {
  const node = path.node;
  // Named only where it is called: naming a helper makes the file carry it.
  const mark = () => runtimeMember(file.runtime, MARK_HELPERS[kind]);
  const restored = restoredNames.get(node);
  if (node.type === "FunctionDeclaration") {
    if (!node.id) return;
    if (isInBlock(path)) {
      // An async function or generator declared in a block is scoped to the
      // block in every mode; as a plain function declaration it would be
      // hoisted out of it in sloppy mode (Annex B). A `let` at the block's
      // start keeps it in, initialised on entry as before.
      const expression = t.functionExpression(node.id, node.params, node.body);
      const value = t.callExpression(mark(), restored !== undefined ? [expression, t.stringLiteral(restored)] : [expression]);
      const declaration = t.variableDeclaration("let", [t.variableDeclarator(t.identifier(node.id.name), value)]);
      declaration.loc = node.loc;
      const block = path.parentPath;
      path.remove();
      file.atScopeStart(block, declaration);
      return;
    }
    const args: t.Expression[] = [t.identifier(node.id.name)];
    if (restored !== undefined && restored !== node.id.name) args.push(t.stringLiteral(restored));
    const scopeStart = path.parentPath.isExportDeclaration() ? path.parentPath.parentPath! : path.parentPath;
    file.atScopeStart(scopeStart, { ...t.expressionStatement(t.callExpression(mark(), args)), loc: NO_SOURCE });
    return;
  }
  if (node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") return;
  const args: t.Expression[] = [node];
  if (computedKey) {
    // Named by a computed key: known only at run time. A generator's runtime
    // names it from the key; an async function is named by a property with the same key.
    if (kind === "async") args[0] = t.memberExpression(t.objectExpression([t.objectProperty(t.cloneNode(computedKey), node, true)]), t.cloneNode(computedKey), true);
    else args.push(t.cloneNode(computedKey));
  } else if (restored !== undefined) {
    // A generator named only to refer to itself: the runtime restores its name.
    if (node.type === "FunctionExpression" && node.id!.name !== restored) args.push(t.stringLiteral(restored));
  } else if (inferred !== null) {
    // The marking call would hide where it stands.
    args[0] = withName(node, inferred, file.runtime);
  }
  path.replaceWith(t.callExpression(mark(), args));
  path.skip();
}
