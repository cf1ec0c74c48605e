// Prepares a function's scope for lowering.
//
// The step function runs once per resume, so a local that lives across a
// suspension must be declared outside it, in the wrapper. This pass:
//
//   - turns every `var` into an assignment and hoists its name;
//   - does the same for `let`/`const`/`class` and block-level functions
//     whose block is exploded into states (a block that never suspends keeps
//     its declarations, inside one state, with native block scoping);
//   - hoists the parameter of an exploded `catch`;
//   - renames a hoisted block binding when its name would capture another
//     reference (the same name declared in another block, or a name the
//     function uses from outside);
//   - moves top-level function declarations into the wrapper, where they are
//     hoisted and initialised on entry as before;
//   - for a `function`-style step function, replaces `arguments` and
//     `new.target` with wrapper-level copies (an arrow step sees them itself).

import * as t from "@babel/types";
import type { NodePath, Scope, Binding } from "../../host/babel.js";
import type { SuspensionFinder } from "../suspension.js";
import type { NameSource } from "../context.js";
import { keepInferredNames } from "../naming/inferred-names.js";
import { bindBlockFunctionVars } from "./block-function-vars.js";
import { analyzeBlockBindings, applyBlockSemantics, type MovedBinding, type ScopeSetup } from "./block-bindings.js";
import type { RuntimeRef } from "../runtime-ref.js";
import { annotationOf, anyType, anyTypeAliases, declaratorTypes, dropAnnotations, mentionsAny, patternTypes, type ConstructorKind, type TypeMap } from "../typescript/ts-types.js";
import { skipTypes } from "../typescript/type-positions.js";
import { functionUsesOwn } from "../../ast/own-code.js";
import { renameBinding } from "./rename.js";
import { renameRepeatedBlockTypes } from "../typescript/block-types.js";

export interface HoistResult {
  /** Names to declare with `var` in the wrapper. */
  vars: string[];
  /** Function declarations to place in the wrapper. */
  functions: t.FunctionDeclaration[];
  /** Name of the wrapper's copy of `arguments`, if the body uses it. */
  argumentsName: string | null;
  /** Name of the wrapper's copy of `new.target`, if the body uses it. */
  newTargetName: string | null;
  /** What must happen when each exploded scope is entered (TDZ markers, environments). */
  scopes: ScopeSetup;
  /** For TypeScript output: the type each of `vars` is declared with (absent: `any`). */
  types: TypeMap;
  /** For TypeScript output: type declarations for the wrapper, before its locals. */
  typeDeclarations: t.Statement[];
}

type FunctionPath = NodePath<t.Function>;

export function hoistScope(
  fn: FunctionPath,
  finder: SuspensionFinder,
  names: NameSource,
  functionStyleStep: boolean,
  runtime: RuntimeRef,
  typescript = false,
): HoistResult {
  const result: HoistResult = {
    vars: [],
    functions: [],
    argumentsName: null,
    newTargetName: null,
    scopes: { entries: new Map(), iterationCopies: new Map(), vars: [], headReadBeforeInit: new Set() },
    types: new Map(),
    typeDeclarations: [],
  };
  if (functionStyleStep && functionUsesOwn(fn.node, isArgumentsOrNewTarget)) replaceLexicalArguments(fn, names, result);
  // An arrow step sees the wrapper's `arguments`, but a `var arguments` in it would be a new variable.
  else if (fn.node.type !== "ArrowFunctionExpression") renameOwnArgumentsBinding(fn, names);
  if (!finder.has(fn.node.body)) return result;
  const hoister = new Hoister(fn, finder, names, runtime, typescript, result);
  hoister.moveDeclarations();
  hoister.finish();
  return result;
}

/** The declarations of one suspending function, moved to its wrapper. */
class Hoister {
  private readonly hoisted = new Set<string>();
  /** Types declared in the function's blocks: the wrapper cannot name them. */
  private readonly innerTypes: Set<string>;
  /** The hoisted locals' types, until it is known which types the wrapper can name. */
  private readonly declaredTypes: TypeMap = new Map();
  /** Types of the moved bindings, kept until each has its final name. */
  private readonly bindingTypes = new Map<Binding, t.TSType>();
  /** Their annotations stay in the tree until the renames are done: a `typeof` query in one follows a rename. */
  private readonly annotatedTargets: t.Node[] = [];
  private readonly fnScope: Scope;
  /** Computed on first need: most functions move no block binding that could clash. */
  private outsideNames: Set<string> | null = null;
  /** Names the wrapper already uses. */
  private readonly claimed: Set<string>;
  private readonly moved: MovedBinding[] = [];
  private readonly blockFunctions = new Map<t.Node, t.Statement[]>();
  /** Classes turned into assignments, by their source names: their types are gone. */
  private readonly movedClasses: string[] = [];
  private readonly caseSwitches = new Map<t.SwitchCase, t.SwitchStatement>();

  constructor(
    private readonly fn: FunctionPath,
    private readonly finder: SuspensionFinder,
    private readonly names: NameSource,
    private readonly runtime: RuntimeRef,
    private readonly typescript: boolean,
    private readonly result: HoistResult,
  ) {
    // The function's own type declarations are seen from the wrapper too; those in its blocks are not.
    if (typescript) {
      const topLevel = takeTopLevelTypes(fn);
      result.typeDeclarations.push(...topLevel);
      const wrapperTypes = new Set(topLevel.map((declaration) => declaration.id.name));
      renameRepeatedBlockTypes(fn.node.body as t.BlockStatement, (block) => finder.has(block), wrapperTypes, names);
    }
    this.innerTypes = typescript ? typesDeclaredIn(fn.node.body) : new Set<string>();
    for (const name of bindBlockFunctionVars(fn, finder, names)) this.declare(name);
    this.fnScope = fn.scope;
    this.claimed = new Set<string>(Object.keys(this.fnScope.bindings));
    if (fn.node.type === "FunctionExpression" && fn.node.id) this.claimed.add(fn.node.id.name);
    // A block binding named `arguments` (sloppy `for (const arguments in …)`) moves under another
    // name: a wrapper `var arguments` is the arguments object, and a function step has its own.
    this.claimed.add("arguments");
  }

  /** Turns the declarations of exploded scopes into assignments and records what moves. */
  moveDeclarations(): void {
    this.fn.get("body").traverse(skipTypes({
      Function: (path) => {
        if (path.isFunctionDeclaration()) this.moveFunctionDeclaration(path);
        path.skip();
      },
      ClassDeclaration: (path) => this.moveClass(path),
      CatchClause: (path) => this.moveCatchParam(path),
      VariableDeclaration: { exit: (path) => this.moveVariables(path) },
    }));
  }

  /**
   * After the traversal: block functions at the top of their blocks, final
   * names, block semantics (TDZ, environments), and the wrapper's types.
   */
  finish(): void {
    const { fn, result } = this;
    // Block-level functions are initialised when their block is entered: at
    // the top of a block's body. A switch's case block is entered after the
    // discriminant and before any test, which has no place in the tree: its
    // functions wait at the top of their case while block semantics rewrite
    // them, then join the switch's entry statements.
    for (const [block, assignments] of this.blockFunctions) {
      const body = block.type === "SwitchCase" ? block.consequent : (block as t.BlockStatement).body;
      body.unshift(...assignments);
    }
    // Block semantics first decide which bindings live in environment objects
    // (those need no name in the wrapper); the others get their final names
    // before the rewrite.
    const analysis = analyzeBlockBindings(fn, this.moved);
    for (const item of this.moved) {
      if (item.binding.scope !== this.fnScope && !analysis.boxed.has(item)) this.settleName(item);
    }
    result.scopes = applyBlockSemantics(analysis, this.names, this.runtime, this.typescript);
    // An assignment's target carries no type: the wrapper's `var` does.
    for (const target of this.annotatedTargets) dropAnnotations(target);
    result.vars.push(...result.scopes.vars);
    for (const [clause, owner] of this.caseSwitches) moveToSwitchEntry(clause, owner, this.blockFunctions.get(clause)!, result.scopes);
    if (this.typescript) {
      // A moved class no longer declares its type: it is `any`, declared in the wrapper.
      const classTypes = anyTypeAliases(fn.node, this.movedClasses);
      for (const alias of classTypes) this.innerTypes.delete(alias.id.name);
      result.typeDeclarations.push(...classTypes);
      for (const [name, type] of this.declaredTypes) result.types.set(name, mentionsAny(type, this.innerTypes) ? anyType() : type);
    }
  }

  private declare(name: string, type?: t.TSType): void {
    if (this.hoisted.has(name)) return;
    this.hoisted.add(name);
    this.result.vars.push(name);
    if (this.typescript && type) this.declaredTypes.set(name, type);
  }

  /**
   * Records a binding moving up to the wrapper. A function-level one keeps
   * its name; a block one is given a free name (or an environment object)
   * once its block semantics are known, after the traversal.
   */
  private claim(binding: Binding | undefined, name: string, kind: MovedBinding["kind"], initializedAt = -1, type?: t.TSType): string {
    if (!binding) {
      this.declare(name, type);
      return name;
    }
    if (type) this.bindingTypes.set(binding, type);
    const item: MovedBinding = { binding, name, sourceName: name, kind, initializedAt };
    if (binding.scope === this.fnScope) {
      // Already function-level: its name stays; it still gets TDZ checks.
      this.declare(name, type);
      this.moved.push(item);
      return name;
    }
    // A block function's declaration is removed right away (which drops its
    // binding), and it never lives in an environment: name it now.
    if (kind === "function") this.settleName(item);
    else this.moved.push(item);
    return item.name;
  }

  /** Gives a block binding a name nothing else in the wrapper uses. */
  private settleName(item: MovedBinding): void {
    let finalName = item.name;
    if (this.claimed.has(finalName) || (this.outsideNames ??= collectOutsideNames(this.fn, this.moved)).has(finalName)) {
      finalName = this.names.unique(item.name);
      renameBinding(item.binding.scope, item.name, finalName);
      keepInferredNames(item.binding.scope.path, finalName, item.name, this.runtime);
    }
    this.claimed.add(finalName);
    this.declare(finalName, this.bindingTypes.get(item.binding));
    item.name = finalName;
  }

  private isExploded(scope: Scope): boolean {
    return scope === this.fnScope || this.finder.has(scope.block);
  }

  /** `class C {…}` in an exploded scope → `C = class C {…}`. */
  private moveClass(path: NodePath<t.ClassDeclaration>): void {
    const scope = path.parentPath.scope;
    if (!this.isExploded(scope) || !path.node.id) return;
    const name = this.claim(scope.getBinding(path.node.id.name), path.node.id.name, "class", path.node.end ?? 0);
    if (this.typescript) this.movedClasses.push(path.node.id.name);
    const expression = t.classExpression(t.identifier(name), path.node.superClass, path.node.body, path.node.decorators);
    Object.assign(expression, { typeParameters: path.node.typeParameters, superTypeParameters: path.node.superTypeParameters, implements: path.node.implements });
    // The declaration's own identifier becomes the target, so later passes know it as the initialisation.
    const target = path.node.id;
    target.name = name;
    path.replaceWith(t.expressionStatement(t.assignmentExpression("=", target, expression)));
    path.skip();
  }

  /** The parameter of a `catch` whose block is exploded lives in the wrapper. */
  private moveCatchParam(path: NodePath<t.CatchClause>): void {
    const param = path.node.param;
    if (!param || !this.finder.has(path.parent)) return;
    const types: TypeMap = new Map();
    if (this.typescript) patternTypes(param, annotationOf(param), types);
    for (const name of Object.keys(t.getBindingIdentifiers(param))) this.claim(path.scope.getBinding(name), name, "catch", -1, types.get(name));
  }

  /** `var`, and `let`/`const` of an exploded scope → assignments; their names move to the wrapper. */
  private moveVariables(path: NodePath<t.VariableDeclaration>): void {
    const node = path.node;
    if (node.declare) return;
    const scope = node.kind === "var" ? this.fnScope : path.scope;
    if (node.kind !== "var" && !this.isExploded(scope)) return;
    const loop = path.parentPath.isForInStatement() || path.parentPath.isForOfStatement() ? (path.parent as t.ForXStatement) : null;
    const types: TypeMap = new Map();
    let annotated = false;
    for (const declarator of node.declarations) {
      if (!this.typescript) continue;
      const head = loop ? (loop.type === "ForInStatement" ? "in" : "of") : null;
      declaratorTypes(declarator.id, declarator.init, node.kind, head, types, (name) => constructorKind(path.scope, name));
      annotated ||= annotationOf(declarator.id) !== null;
      this.annotatedTargets.push(declarator.id);
    }
    for (const declarator of node.declarations) {
      // A `for…in`/`for…of` head binding is initialised before each
      // iteration's body; the loop's expression runs while it is in its TDZ.
      const initializedAt = loop ? (loop.body.start ?? 0) : (declarator.end ?? 0);
      for (const name of Object.keys(t.getBindingIdentifiers(declarator.id))) {
        if (node.kind === "var") this.declare(name, types.get(name));
        else this.claim(scope.getBinding(name), name, node.kind === "const" ? "const" : "let", initializedAt, types.get(name));
      }
    }
    // `let x: T;` starts (again) as undefined, which T may not include.
    replaceDeclaration(path, annotated);
  }

  /**
   * A function declared at the top of the body moves into the wrapper, where
   * it is hoisted as before; one declared in an exploded block becomes an
   * assignment at the top of its block.
   */
  private moveFunctionDeclaration(path: NodePath<t.FunctionDeclaration>): void {
    const node = path.node;
    if (!node.id) return;
    if (path.parentPath === this.fn.get("body")) {
      this.result.functions.push(node);
      this.claimed.add(node.id.name);
      path.remove();
      return;
    }
    const blockScope = path.parentPath.scope;
    if (!this.isExploded(blockScope)) return;
    const original = node.id.name;
    const name = this.claim(blockScope.getBinding(original), original, "function");
    // The function keeps its own name (`fn.name`) even when its binding is renamed.
    const expression = t.functionExpression(t.identifier(original), node.params, node.body, node.generator, node.async);
    const assignments = this.blockFunctions.get(path.parent) ?? [];
    assignments.push(t.expressionStatement(t.assignmentExpression("=", t.identifier(name), expression)));
    this.blockFunctions.set(path.parent, assignments);
    if (path.parentPath.isSwitchCase()) this.caseSwitches.set(path.parent as t.SwitchCase, path.parentPath.parent as t.SwitchStatement);
    path.remove();
  }
}

/** What `name` is where `scope` sees it, for typing `new name(…)` (ts-types.ts). */
function constructorKind(scope: Scope, name: string): ConstructorKind {
  const binding = scope.getBinding(name);
  if (!binding) return "global";
  const declaration = binding.path.node;
  if (declaration.type !== "ClassDeclaration") return "other";
  return declaration.typeParameters ? "generic class" : "class";
}

/** Removes the type aliases and interfaces that are statements of the function's body, and returns them. */
function takeTopLevelTypes(fn: FunctionPath): Array<t.TSTypeAliasDeclaration | t.TSInterfaceDeclaration> {
  const taken: Array<t.TSTypeAliasDeclaration | t.TSInterfaceDeclaration> = [];
  for (const statement of fn.get("body").get("body") as NodePath<t.Statement>[]) {
    if (statement.isTSTypeAliasDeclaration() || statement.isTSInterfaceDeclaration()) {
      taken.push(statement.node);
      statement.remove();
    }
  }
  return taken;
}

/** Names of the types, classes, enums and namespaces declared anywhere inside `body`. */
function typesDeclaredIn(body: t.Node): Set<string> {
  const names = new Set<string>();
  t.traverseFast(body, (node) => {
    if (
      (node.type === "TSTypeAliasDeclaration" || node.type === "TSInterfaceDeclaration" || node.type === "TSEnumDeclaration" || node.type === "ClassDeclaration") &&
      node.id
    ) {
      names.add(node.id.name);
    } else if (node.type === "TSModuleDeclaration" && node.id.type === "Identifier") {
      names.add(node.id.name);
    }
  });
  return names;
}

/** Moves a case's function initialisations (the first statements of its body) to its switch's entry. */
function moveToSwitchEntry(clause: t.SwitchCase, owner: t.SwitchStatement, assignments: t.Statement[], scopes: ScopeSetup): void {
  const moved = clause.consequent.splice(0, assignments.length);
  if (moved.some((statement, i) => statement !== assignments[i])) {
    throw new Error("awaitless internal error: a case's function initialisations are no longer at the top of its body");
  }
  const entry = scopes.entries.get(owner) ?? [];
  entry.push(...moved);
  scopes.entries.set(owner, entry);
}



/** `let x = 1, y;` → `x = 1, y = void 0;` in statement, `for` head or `for…of` head position. */
function replaceDeclaration(path: NodePath<t.VariableDeclaration>, undefinedAsAny = false): void {
  const node = path.node;
  const parent = path.parent;
  if ((parent.type === "ForInStatement" || parent.type === "ForOfStatement") && parent.left === node) {
    parent.left = node.declarations[0].id as t.LVal;
    return;
  }
  const assignments: t.Expression[] = [];
  for (const declarator of node.declarations) {
    const undefinedValue = () => {
      const value = t.unaryExpression("void", t.numericLiteral(0));
      return undefinedAsAny ? t.tsAsExpression(value, t.tsAnyKeyword()) : value;
    };
    const init = declarator.init ?? (node.kind !== "var" ? undefinedValue() : null);
    // Each assignment maps to its declarator.
    if (init) assignments.push({ ...t.assignmentExpression("=", declarator.id as t.LVal, init), loc: declarator.loc ?? null });
  }
  const expression =
    assignments.length === 0 ? null : assignments.length === 1 ? assignments[0] : { ...t.sequenceExpression(assignments), loc: node.loc ?? null };
  if (parent.type === "ForStatement" && parent.init === node) {
    parent.init = expression;
    return;
  }
  if (!expression) {
    path.remove();
    return;
  }
  const statement = t.expressionStatement(expression);
  statement.loc = node.loc;
  path.replaceWith(statement);
}

/**
 * Names the function uses that resolve outside it (or nowhere): a binding
 * hoisted to the wrapper under one of these names would capture them.
 */
function collectOutsideNames(fn: FunctionPath, moved: readonly MovedBinding[]): Set<string> {
  const names = new Set<string>();
  const fnScope = fn.scope;
  // The moved bindings' own identifiers are inside by definition. (Asked of
  // Babel, a catch parameter's pattern resolves in Babel 7 but not in Babel 8,
  // which would count its names as outside ones and rename them needlessly.)
  const own = new Set<t.Node>(moved.map((item) => item.binding.identifier));
  fn.traverse(skipTypes({
    Identifier(path) {
      if (!(path.isReferencedIdentifier() || (path as NodePath).isBindingIdentifier())) return;
      if (own.has(path.node)) return;
      const name = path.node.name;
      const binding = path.scope.getBinding(name);
      if (!binding) {
        names.add(name);
        return;
      }
      let scope: Scope | null = binding.scope;
      while (scope && scope !== fnScope) scope = scope.parent;
      if (!scope) names.add(name);
    },
  }));
  return names;
}

/**
 * A sloppy function may name a parameter, a `var` or a function `arguments`.
 * Its body moves into the step function, whose own `arguments` would hide
 * that binding (an arrow step has none, but a `var arguments` in it would
 * declare a new one), so the binding is renamed. A plain `var arguments` starts out
 * holding the arguments object (declaring it again does not reset it), so it
 * is first set from the wrapper's copy, which the traversal after this makes.
 */
function renameOwnArgumentsBinding(fn: FunctionPath, names: NameSource): void {
  const binding = fn.scope.getOwnBinding("arguments");
  if (!binding) return;
  const renamed = names.unique("arguments");
  renameBinding(fn.scope, "arguments", renamed);
  if (binding.kind !== "var") return;
  const body = fn.node.body as t.BlockStatement;
  body.body.unshift(t.expressionStatement(t.assignmentExpression("=", t.identifier(renamed), t.identifier("arguments"))));
}

function isArgumentsOrNewTarget(node: t.Node): boolean {
  return (node.type === "Identifier" && node.name === "arguments") || (node.type === "MetaProperty" && node.meta.name === "new");
}

/** The identifiers `arguments` and the `new.target`s of the function's own code (its arrows' too). */
function ownArgumentsAndNewTarget(fn: t.Function): Set<t.Node> {
  const found = new Set<t.Node>();
  functionUsesOwn(fn, (node) => {
    if (isArgumentsOrNewTarget(node)) found.add(node);
    return false;
  });
  return found;
}

/** `arguments` and `new.target` of this function, in the body and its arrows, become wrapper copies. */
function replaceLexicalArguments(fn: FunctionPath, names: NameSource, result: HoistResult): void {
  renameOwnArgumentsBinding(fn, names);
  // (After the renaming, which may add a read of `arguments`.)
  const own = ownArgumentsAndNewTarget(fn.node);
  const visit = (path: NodePath) => {
    path.traverse(skipTypes({
      Function(inner) {
        // Only a method's computed key can hold more of them (`own` says which nodes count).
        if (!inner.isArrowFunctionExpression() && !("computed" in inner.node && inner.node.computed)) inner.skip();
      },
      Identifier(id) {
        // Reads, and in sloppy code writes too (`arguments = 4`, `[arguments] = xs`).
        if (!own.has(id.node) || id.node.name !== "arguments" || !(id.isReferencedIdentifier() || (id as NodePath).isBindingIdentifier())) return;
        if (id.scope.getBinding("arguments")) return;
        result.argumentsName ??= names.unique("arguments");
        id.node.name = result.argumentsName;
      },
      MetaProperty(meta) {
        if (!own.has(meta.node) || meta.node.meta.name !== "new" || meta.node.property.name !== "target") return;
        result.newTargetName ??= names.unique("newTarget");
        meta.replaceWith(t.identifier(result.newTargetName));
      },
    }));
  };
  visit(fn.get("body"));
  for (const param of fn.get("params")) visit(param);
}
