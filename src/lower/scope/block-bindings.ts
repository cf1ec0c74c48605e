// Block-scoped bindings that hoisting moved into the wrapper keep their
// block semantics here:
//
// - **Per-iteration copies.** A `let`/`const` inside a loop (or in its head)
//   gets a fresh binding every iteration. When a closure captures it, one
//   hoisted variable would be shared by all iterations, so such bindings live
//   in an environment object instead — `_env = { i: ... }`, created when
//   their scope is entered (and copied per iteration for a `for (let …)`
//   head, as CreatePerIterationEnvironment does) — and every closure created
//   in the scope is given the environment current at its creation:
//   `(function (_env) { return () => _env.i; })(_env)`.
// - **TDZ.** A reference that can run before the declaration (it comes
//   earlier in the source, sits in a closure made earlier, or in another
//   `case` of the same switch) reads through a check that throws
//   ReferenceError while the binding still holds the TDZ marker it gets
//   when its scope is entered.
// - **const.** An assignment to a hoisted `const` throws TypeError.
//
// Bindings needing none of this stay plain variables, which is most of them.

import * as t from "@babel/types";
import { asPlainCallee, isCalled } from "../plain-callee.js";
import type { NodePath, Binding } from "../../host/babel.js";
import type { NameSource } from "../context.js";
import { mentions } from "../naming/names.js";
import { runtimeMember, type RuntimeRef } from "../runtime-ref.js";
import { skipTypes } from "../typescript/type-positions.js";
import { suspendsItsFunction } from "../../ast/own-code.js";
import { anyIn } from "../typescript/ts-types.js";

export interface MovedBinding {
  binding: Binding;
  /** Its name in the wrapper. */
  name: string;
  /** Its name in the source, which error messages use (`name` may be a renamed copy). */
  sourceName: string;
  kind: "let" | "const" | "class" | "catch" | "function";
  /** Source offset after which the binding is initialised (-1: from scope entry). */
  initializedAt: number;
}

export interface ScopeSetup {
  /** Statements to run each time a scope (keyed by its node) is entered. */
  entries: Map<t.Node, t.Statement[]>;
  /** `for (let …)` loops whose head bindings are copied into a new environment per iteration. */
  iterationCopies: Map<t.Node, { env: string; names: string[] }>;
  /** Environment variables to declare in the wrapper. */
  vars: string[];
  /** `for…in`/`for…of` loops whose expression reads a head binding: its TDZ is set up before the expression runs. */
  headReadBeforeInit: Set<t.Node>;
}

interface Reference {
  path: NodePath<t.Identifier>;
  /** A read (as opposed to the target of an assignment or declaration). */
  read: boolean;
  inClosure: NodePath | null;
}

export interface BlockAnalysis {
  items: Array<{ item: MovedBinding; refs: Reference[]; unsafe: Reference[]; scopePath: NodePath }>;
  /** Bindings that get a fresh environment object per entry of their scope. */
  boxed: Set<MovedBinding>;
  fn: NodePath<t.Function>;
}

/** Finds each binding's references, which of them may run in its TDZ, and which bindings need environments. */
export function analyzeBlockBindings(fn: NodePath<t.Function>, moved: MovedBinding[]): BlockAnalysis {
  const analysis: BlockAnalysis = { items: [], boxed: new Set(), fn };
  if (moved.length === 0) return analysis;
  const referencesOf = collectReferences(fn, moved);
  for (const item of moved) {
    const scopePath = item.binding.scope.path;
    const refs = referencesOf.get(item.binding) ?? [];
    const unsafe =
      item.initializedAt >= 0
        ? refs.filter((r) => r.path.node !== item.binding.identifier && mayRunBeforeInit(r, item, scopePath))
        : [];
    if (item.binding.scope.path.node !== fn.node && isInLoop(scopePath, fn) && refs.some((r) => r.inClosure)) analysis.boxed.add(item);
    analysis.items.push({ item, refs, unsafe, scopePath });
  }
  return analysis;
}

export function applyBlockSemantics(analysis: BlockAnalysis, names: NameSource, runtime: RuntimeRef, typescript = false): ScopeSetup {
  const setup: ScopeSetup = { entries: new Map(), iterationCopies: new Map(), vars: [], headReadBeforeInit: new Set() };
  const envs = new Map<t.Node, { name: string; fields: t.ObjectProperty[]; scope: NodePath }>();
  const addEntry = (scope: t.Node, statement: t.Statement) => {
    const list = setup.entries.get(scope) ?? [];
    list.push(statement);
    setup.entries.set(scope, list);
  };
  const tdzValue = () => runtimeMember(runtime, "TDZ");

  for (const { item, refs, unsafe, scopePath } of analysis.items) {
    if (scopePath.isForInStatement() || scopePath.isForOfStatement()) {
      const right = (scopePath as NodePath<t.ForXStatement>).get("right");
      // (isDescendant excludes the path itself: `for (let x of x)` reads x as the whole expression.)
      if (unsafe.some((r) => r.path.node === right.node || r.path.isDescendant(right))) setup.headReadBeforeInit.add(scopePath.node);
    }
    let env: string | null = null;
    if (analysis.boxed.has(item)) {
      let record = envs.get(scopePath.node);
      if (!record) {
        record = { name: names.unique("env"), fields: [], scope: scopePath };
        envs.set(scopePath.node, record);
        setup.vars.push(record.name);
      }
      record.fields.push(t.objectProperty(t.identifier(item.name), unsafe.length ? tdzValue() : t.unaryExpression("void", t.numericLiteral(0))));
      env = record.name;
    } else if (unsafe.length) {
      addEntry(scopePath.node, t.expressionStatement(t.assignmentExpression("=", t.identifier(item.name), tdzValue())));
    }
    const unsafeSet = new Set(unsafe);
    const current = () => (env ? t.memberExpression(t.identifier(env), t.identifier(item.name)) : t.identifier(item.name));
    const check = () => t.callExpression(runtimeMember(runtime, "checkInitialized"), [current(), t.stringLiteral(item.sourceName)]);
    // (The value a compound assignment to a const reads, from its environment and checked as any read.)
    const forbidden =
      item.kind === "const"
        ? forbidAssignments(
            refs,
            item,
            runtime,
            (ref) => (unsafeSet.has(ref) ? check() : current()),
            (ref) => (unsafeSet.has(ref) ? current() : null),
          )
        : null;
    for (const ref of refs) {
      if (!ref.path.node || ref.path.removed) continue;
      // Already rewritten into a throwing assignment (a pattern target is now `constTarget(…).value`).
      if (forbidden && forbidden.has(ref)) continue;
      if (unsafeSet.has(ref) && !ref.read && checkBeforeWrite(ref.path, check, item, runtime, current, typescript)) continue;
      let replacement: t.Expression = env ? current() : ref.path.node;
      if (unsafeSet.has(ref) && ref.read) replacement = check();
      if (replacement !== ref.path.node) replaceIdentifier(ref.path, replacement);
    }
  }

  for (const [scopeNode, record] of envs) {
    addEntryFirst(setup, scopeNode, t.expressionStatement(t.assignmentExpression("=", t.identifier(record.name), t.objectExpression(record.fields))));
    if (scopeNode.type === "ForStatement") {
      setup.iterationCopies.set(scopeNode, { env: record.name, names: record.fields.map((f) => (f.key as t.Identifier).name) });
    }
    bindClosures(record.scope, record.name, typescript, (hint) => {
      const name = names.unique(hint);
      setup.vars.push(name);
      return name;
    });
  }
  return setup;
}

function addEntryFirst(setup: ScopeSetup, scope: t.Node, statement: t.Statement): void {
  const list = setup.entries.get(scope) ?? [];
  list.unshift(statement);
  setup.entries.set(scope, list);
}

/** Every identifier resolving to one of the moved bindings, by binding: one traversal for them all. */
function collectReferences(fn: NodePath<t.Function>, moved: MovedBinding[]): Map<Binding, Reference[]> {
  const byName = new Map<string, Binding[]>();
  for (const item of moved) byName.set(item.name, [...(byName.get(item.name) ?? []), item.binding]);
  const refs = new Map<Binding, Reference[]>();
  fn.traverse(skipTypes({
    Identifier(path) {
      const candidates = byName.get(path.node.name);
      if (!candidates) return;
      const referenced = path.isReferencedIdentifier();
      if (!referenced && !(path as NodePath).isBindingIdentifier()) return;
      const binding = path.scope.getBinding(path.node.name) ?? catchParamBinding(path);
      if (!binding || !candidates.includes(binding)) return;
      const closure = path.findParent((p) => p.isFunction() || p.isClass() || p === fn);
      const list = refs.get(binding) ?? [];
      list.push({
        path,
        read: referenced && !isWriteTarget(path),
        inClosure: closure && closure !== fn && closure.node !== fn.node ? outermostClosure(closure, fn) : null,
      });
      refs.set(binding, list);
    },
  }));
  return refs;
}

/**
 * The binding a destructured `catch` parameter's own identifier declares.
 * Babel gives such a pattern a scope of its own, which (once the clause has
 * been worked on) does not find the clause's bindings; the clause's scope
 * does. Without this, an environment-kept parameter would be initialised as a bare
 * name (`catch ({ message: m })` in a loop whose closures capture `m`).
 */
function catchParamBinding(path: NodePath<t.Identifier>): Binding | undefined {
  const clause = path.findParent((p) => p.isCatchClause()) as NodePath<t.CatchClause> | null;
  const param = clause?.node.param;
  if (!clause || !param || !path.findParent((p) => p.node === param)) return undefined;
  return clause.scope.getOwnBinding(path.node.name);
}

function isWriteTarget(path: NodePath): boolean {
  const parent = path.parent;
  return (parent.type === "UpdateExpression" && parent.argument === path.node) ||
    (parent.type === "AssignmentExpression" && parent.left === path.node) ||
    // Babel calls the target of `for (x of xs)` referenced; it is only written.
    ((parent.type === "ForOfStatement" || parent.type === "ForInStatement") && parent.left === path.node);
}

/**
 * Is the identifier written by destructuring or a `for…in`/`for…of` head?
 * (Not Babel's isBindingIdentifier, which also says yes for the operand of
 * a unary operator: `!c` reads `c`.)
 */
function isPatternTarget(path: NodePath): boolean {
  const node = path.node;
  const parent = path.parent;
  switch (parent.type) {
    case "ArrayPattern":
    case "RestElement":
      return true;
    case "AssignmentPattern":
      return parent.left === node;
    case "ObjectProperty":
      return parent.value === node && path.parentPath!.parent.type === "ObjectPattern";
    case "ForInStatement":
    case "ForOfStatement":
      return parent.left === node;
    default:
      return false;
  }
}

/** The closure directly created by `fn`'s own code that contains `path`. */
function outermostClosure(path: NodePath, fn: NodePath): NodePath {
  let closure = path;
  for (let p: NodePath | null = path.parentPath; p && p.node !== fn.node; p = p.parentPath) {
    if (p.isFunction() || p.isClass()) closure = p;
  }
  return closure;
}

function isInLoop(scopePath: NodePath, fn: NodePath): boolean {
  for (let p: NodePath | null = scopePath; p && p.node !== fn.node; p = p.parentPath) {
    if (p.isLoop()) return true;
  }
  return false;
}

/**
 * Can this read run while the binding is in its TDZ? Yes if it comes before
 * the declaration in the source, sits in a closure created before it, or is
 * in another case of the switch that declares it (a jump can skip it).
 */
function mayRunBeforeInit(ref: Reference, item: MovedBinding, scopePath: NodePath): boolean {
  const position = ref.inClosure ? ref.inClosure.node.start ?? 0 : ref.path.node.start ?? 0;
  if (position < item.initializedAt) return true;
  if (scopePath.isSwitchStatement()) {
    const declCase = caseOf(item.binding.path);
    const refCase = caseOf(ref.path);
    return declCase !== refCase;
  }
  return false;
}

function caseOf(path: NodePath): t.Node | null {
  const clause = path.findParent((p) => p.isSwitchCase());
  return clause ? clause.node : null;
}

/**
 * A write that can run in the TDZ throws there: `x = v` evaluates `v`, then
 * finds `x` uninitialised; `x += v`, `x++` and `x ||= v` read `x` first; a
 * destructuring or for…in/of target stores after its value is produced, so
 * it becomes a member whose setter checks, then stores. Returns true when it
 * replaced the identifier itself (nothing else may touch it then).
 */
function checkBeforeWrite(
  path: NodePath<t.Identifier>,
  check: () => t.Expression,
  item: MovedBinding,
  runtime: RuntimeRef,
  current: () => t.Expression,
  typescript: boolean,
): boolean {
  const parent = path.parentPath;
  if (!parent) return false;
  const name = item.sourceName;
  if (isPatternTarget(path)) {
    // ES5 functions, not arrows: everything the compiler writes is ES5. The
    // parameter must not be the name `current()` reads.
    const param = item.name === "value" ? "newValue" : "value";
    const read = t.functionExpression(null, [], t.blockStatement([t.returnStatement(current())]));
    const write = t.functionExpression(
      null,
      [anyIn(t.identifier(param), typescript)],
      t.blockStatement([t.expressionStatement(t.assignmentExpression("=", current() as t.LVal, t.identifier(param)))]),
    );
    const target = t.callExpression(runtimeMember(runtime, "initializedTarget"), [t.stringLiteral(name), read, write]);
    replaceIdentifier(path, t.memberExpression(target, t.identifier("value")));
    return true;
  }
  if (parent.isAssignmentExpression() && parent.node.left === path.node) {
    if (parent.node.operator === "=") {
      parent.node.right = t.callExpression(runtimeMember(runtime, "initializedWrite"), [current(), t.stringLiteral(name), parent.node.right]);
    } else {
      parent.replaceWith(t.sequenceExpression([check(), parent.node]));
    }
  } else if (parent.isUpdateExpression()) {
    parent.replaceWith(t.sequenceExpression([check(), parent.node]));
  }
  return false;
}

/**
 * `x = v` on a hoisted const becomes `(v, constAssign("x"))`; `x += v` keeps its read.
 * Where the assignment may run in the TDZ, the store checks it first, as
 * SetMutableBinding does: a ReferenceError while uninitialised, a TypeError after
 * (`constAssign("x", x)`, `constTarget("x", () => x).value`); `x += v` and the like
 * already threw at their checked read. Returns the references rewritten, which
 * nothing else may touch.
 */
function forbidAssignments(
  refs: Reference[],
  item: MovedBinding,
  runtime: RuntimeRef,
  read: (ref: Reference) => t.Expression,
  inTdz: (ref: Reference) => t.Expression | null,
): Set<Reference> {
  const name = item.sourceName;
  const rewritten = new Set<Reference>();
  for (const ref of refs) {
    // The declaration's own initialisation (`const x = 1` became `x = 1`).
    if (ref.path.node === item.binding.identifier) continue;
    const parent = ref.path.parentPath;
    if (!parent) continue;
    const current = inTdz(ref);
    // Built only where an assignment needs it: naming a helper makes the file carry it.
    const fail = (checked = false) =>
      t.callExpression(runtimeMember(runtime, "constAssign"), current && !checked ? [t.stringLiteral(name), current] : [t.stringLiteral(name)]);
    if (parent.isAssignmentExpression() && parent.node.left === ref.path.node) {
      const operator = parent.node.operator;
      const value =
        operator === "="
          ? parent.node.right
          : operator === "&&=" || operator === "||=" || operator === "??="
            ? null
            : t.binaryExpression(operator.slice(0, -1) as t.BinaryExpression["operator"], read(ref), parent.node.right);
      if (value === null) {
        const logical = operator.slice(0, 2) as "&&" | "||" | "??";
        parent.replaceWith(t.logicalExpression(logical, read(ref), t.sequenceExpression([parent.node.right, fail(true)])));
      } else {
        parent.replaceWith(t.sequenceExpression([value, fail(operator !== "=")]));
      }
      rewritten.add(ref);
    } else if (parent.isUpdateExpression()) {
      parent.replaceWith(t.sequenceExpression([t.unaryExpression("+", read(ref)), fail(true)]));
      rewritten.add(ref);
    } else if (isPatternTarget(ref.path)) {
      // A destructuring or for…of target: a member whose setter throws, after the value is produced.
      const args: t.Expression[] = [t.stringLiteral(name)];
      if (current) args.push(t.functionExpression(null, [], t.blockStatement([t.returnStatement(current)])));
      const target = t.memberExpression(t.callExpression(runtimeMember(runtime, "constTarget"), args), t.identifier("value"));
      replaceIdentifier(ref.path, target);
      rewritten.add(ref);
    }
  }
  return rewritten;
}

/**
 * Swaps the identifier for its replacement in place. Not through
 * `replaceWith`: a hoisted catch parameter becomes a member expression in
 * `catch (e)` itself, which is only valid once the try is exploded (it is
 * then an assignment target).
 */
function replaceIdentifier(path: NodePath<t.Identifier>, replacement: t.Expression): void {
  const parent = path.parent;
  if (parent.type === "ObjectProperty" && parent.shorthand && parent.value === path.node) parent.shorthand = false;
  // The replacement stands where the name stood: a statement made of it alone (a switch's
  // discriminant, say) still maps to that line.
  if (replacement.loc == null) replacement.loc = path.node.loc ?? null;
  const placed = isCalled(path.node, parent) ? asPlainCallee(replacement) : replacement;
  (path.container as unknown as Record<string | number, t.Node>)[path.key as string | number] = placed;
}

/**
 * Closures created in the scope capture the environment object current at
 * their creation, not the variable (which moves on to the next iteration's).
 */
function bindClosures(scopePath: NodePath, env: string, typescript: boolean, wrapperVar: (hint: string) => string): void {
  const targets: NodePath[] = [];
  scopePath.traverse(skipTypes({
    enter(path) {
      if (!(path.isFunction() || path.isClass())) return;
      path.skip();
      if (!mentions(path.node, env)) return;
      // A method is wrapped together with the object or class that holds it.
      let target: NodePath = path;
      if (path.isObjectMethod()) target = path.parentPath!;
      else if (path.isClassMethod() || path.isClassPrivateMethod()) target = path.parentPath!.parentPath!;
      if (!targets.includes(target)) targets.push(target);
    },
  }));
  for (const target of targets) {
    // A class declaration is wrapped as the expression of a `let` of its name: block-scoped, with
    // its TDZ, as the declaration is (and the class keeps its own inner binding of the name).
    if (target.isClass()) {
      const { id, ...rest } = target.node;
      const expression = { ...rest, type: "ClassExpression", id: id ? t.identifier(id.name) : null } as t.ClassExpression;
      const keys = evaluatedOutside(expression, wrapperVar);
      const call = t.callExpression(t.arrowFunctionExpression([anyIn(t.identifier(env), typescript)], expression), [t.identifier(env)]);
      const wrapped = keys.length ? t.sequenceExpression([...keys, call]) : call;
      target.replaceWith(target.isClassDeclaration() ? t.variableDeclaration("let", [t.variableDeclarator(t.identifier(id!.name), wrapped)]) : wrapped);
      target.skip();
      continue;
    }
    const node = target.node as t.Expression;
    // An object's keys and values run where it stands, as a class's do.
    const parts = node.type === "ObjectExpression" ? evaluatedOutside(node, wrapperVar) : [];
    const param = [anyIn(t.identifier(env), typescript)];
    const iife =
      node.type === "FunctionExpression"
        ? t.callExpression(t.functionExpression(null, param, t.blockStatement([t.returnStatement(node)])), [t.identifier(env)])
        : t.callExpression(t.arrowFunctionExpression(param, node), [t.identifier(env)]);
    target.replaceWith(parts.length ? t.sequenceExpression([...parts, iife]) : iife);
    target.skip();
  }
}

/**
 * A class's `extends` clause and computed keys, and an object literal's keys,
 * values and spreads, run where the class or object stands, not in the
 * wrapper that gives it the environment: one of them may suspend, and an
 * `await` or `yield` cannot move into an arrow. When one does, each of them
 * up to the last that suspends is evaluated first, in order, into a wrapper
 * variable the class or object then reads
 * (`_key = await k, (_env => class { [_key] = 1 })(_env)`).
 */
function evaluatedOutside(node: t.ClassExpression | t.ObjectExpression, wrapperVar: (hint: string) => string): t.Expression[] {
  const parts = node.type === "ClassExpression" ? classParts(node) : objectParts(node);
  let last = -1;
  parts.forEach((part, i) => {
    if (suspendsItsFunction(part.get())) last = i;
  });
  return parts.slice(0, last + 1).map((part) => {
    const name = wrapperVar(part.hint);
    const assignment = t.assignmentExpression("=", t.identifier(name), part.get());
    part.set(t.identifier(name));
    return assignment;
  });
}

interface Part {
  /** What the wrapper variable is named after. */
  hint: "base" | "key" | "value" | "spread";
  get(): t.Expression;
  set(value: t.Expression): void;
}

function classParts(node: t.ClassExpression): Part[] {
  const parts: Part[] = [];
  if (node.superClass) parts.push({ hint: "base", get: () => node.superClass!, set: (value) => (node.superClass = value) });
  for (const member of node.body.body) {
    if ("computed" in member && member.computed && "key" in member) {
      parts.push({ hint: "key", get: () => member.key as t.Expression, set: (value) => (member.key = value) });
    }
  }
  return parts;
}

function objectParts(node: t.ObjectExpression): Part[] {
  const parts: Part[] = [];
  for (const property of node.properties) {
    if (property.type === "SpreadElement") {
      parts.push({ hint: "spread", get: () => property.argument, set: (value) => (property.argument = value) });
      continue;
    }
    if (property.computed) parts.push({ hint: "key", get: () => property.key as t.Expression, set: (value) => (property.key = value) });
    if (property.type === "ObjectProperty") {
      parts.push({
        hint: "value",
        get: () => property.value as t.Expression,
        set: (value) => {
          property.value = value;
          property.shorthand = false;
        },
      });
    }
  }
  return parts;
}

