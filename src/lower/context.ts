// Everything the lowering of one function shares: the states being built,
// the leap stack, which nodes suspend, and the function's hoisted variables
// (its own locals, moved out of the step function, plus temporaries).

import * as t from "@babel/types";
import { Emitter } from "./states/emitter.js";
import { LeapStack } from "./states/leaps.js";
import { SuspensionFinder, type FunctionKind } from "./suspension.js";
import type { RuntimeRef } from "./runtime-ref.js";
import type { ScopeSetup } from "./scope/block-bindings.js";
import type { Lowering } from "./recursion.js";

export interface NameSource {
  /** A name unused anywhere in the file, based on `hint`. */
  unique(hint: string): string;
}

export class LowerContext {
  readonly emitter: Emitter;
  readonly leaps: LeapStack;
  /** Names declared with `var` in the wrapper, in order of first use. */
  readonly hoisted = new Set<string>();
  /** Temporaries: they hold a value fixed at one point, so re-reading them is safe. */
  private readonly temps = new Set<string>();
  /** Label of the dispatch loop, needed when a jump leaves a native loop. */
  dispatchLabel: string | null = null;
  /** The function's own locals that read the same after a suspension (stable-locals.ts). */
  stableLocals: ReadonlySet<string> = new Set();
  /** What entering each exploded scope involves (from hoisting). */
  scopes: ScopeSetup = { entries: new Map(), iterationCopies: new Map(), vars: [], headReadBeforeInit: new Set() };

  constructor(
    readonly kind: FunctionKind,
    readonly finder: SuspensionFinder,
    readonly names: NameSource,
    readonly machine: string,
    readonly runtime: RuntimeRef,
    /** The recursive entries of expression and statement lowering (recursion.ts). */
    readonly lowering: Lowering,
  ) {
    this.emitter = new Emitter(machine);
    this.leaps = new LeapStack(this.emitter);
  }

  suspends(node: t.Node | null | undefined): boolean {
    return this.finder.has(node);
  }

  /** A fresh hoisted temporary. */
  temp(hint: string): string {
    const name = this.names.unique(hint);
    this.hoisted.add(name);
    this.temps.add(name);
    return name;
  }

  isTemp(node: t.Node): boolean {
    return node.type === "Identifier" && this.temps.has(node.name);
  }

  /** Emits `temp = value;` (mapped to where the value is written) and returns the temporary. */
  spill(value: t.Expression, hint = tempHint(value)): t.Identifier {
    const name = this.temp(hint);
    this.emitter.emit({ ...t.expressionStatement(t.assignmentExpression("=", t.identifier(name), value)), loc: value.loc ?? null });
    return t.identifier(name);
  }

  /**
   * Keeps a value computed before a later suspension: spills it unless
   * re-evaluating it after the suspension is unobservable.
   */
  keep(value: t.Expression): t.Expression {
    return isStable(value, this) ? value : this.spill(value);
  }

  /** The label to `continue` the dispatch loop from inside a native loop. */
  dispatchLoopLabel(): string {
    if (!this.dispatchLabel) this.dispatchLabel = this.names.unique("dispatch");
    return this.dispatchLabel;
  }

  machineField(name: string): t.MemberExpression {
    return this.emitter.machineField(name);
  }

  /** Emits what entering the scope of `node` involves: TDZ markers, a fresh environment. */
  enterScope(node: t.Node): void {
    this.emitter.bookkeeping(() => {
      for (const statement of this.scopes.entries.get(node) ?? []) this.emitter.emit(t.cloneNode(statement));
    });
  }

  /** For a `for (let …)` loop with captured bindings: copy them into a new environment. */
  copyIteration(loop: t.Node): void {
    const copy = this.scopes.iterationCopies.get(loop);
    if (!copy) return;
    const fields = copy.names.map((name) =>
      t.objectProperty(t.identifier(name), t.memberExpression(t.identifier(copy.env), t.identifier(name))),
    );
    this.emitter.bookkeeping(() =>
      this.emitter.emit(t.expressionStatement(t.assignmentExpression("=", t.identifier(copy.env), t.objectExpression(fields)))),
    );
  }
}

/** Values that read the same before and after a suspension. */
function isStable(node: t.Node, ctx: LowerContext): boolean {
  switch (node.type) {
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
    case "NullLiteral":
    case "BigIntLiteral":
    case "ThisExpression":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      return true;
    case "TemplateLiteral":
      return node.expressions.length === 0;
    case "Identifier":
      return ctx.isTemp(node) || node.name === "undefined" || ctx.stableLocals.has(node.name);
    case "UnaryExpression":
      return (node.operator === "-" || node.operator === "void") && isStable(node.argument, ctx);
    default:
      return false;
  }
}

/** A readable base for a temporary holding `node`'s value. */
export function tempHint(node: t.Node): string {
  switch (node.type) {
    case "Identifier":
      return node.name;
    case "MemberExpression":
    case "OptionalMemberExpression":
      return !node.computed && node.property.type === "Identifier" ? node.property.name : "member";
    case "CallExpression":
    case "OptionalCallExpression":
    case "NewExpression": {
      const callee = node.callee;
      if (callee.type === "Identifier") return callee.name;
      if ((callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") && !callee.computed && callee.property.type === "Identifier")
        return callee.property.name;
      return "call";
    }
    case "AwaitExpression":
      return "awaited";
    case "YieldExpression":
      return "received";
    case "ThisExpression":
      return "this";
    default:
      return "temp";
  }
}
