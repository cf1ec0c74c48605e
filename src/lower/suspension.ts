// Which parts of a body can suspend. Only those are exploded into states;
// everything else is emitted as it was written, inside one state, so that
// native `try`, loops and block scoping keep working there unchanged.

import * as t from "@babel/types";

export type FunctionKind = "async" | "generator" | "asyncGenerator";

/**
 * Answers "does this node contain a suspension point of the function being
 * lowered?" — an `await`, a `yield`, a `for await`, an `await using`
 * declaration (its disposal awaits when the block ends), or (in an async
 * generator, where `return v` awaits `v`) a `return` with an operand. Nested functions,
 * class bodies' methods and field initialisers are separate functions and do
 * not count; computed class keys and `extends` clauses do.
 */
export class SuspensionFinder {
  private readonly memo = new WeakMap<t.Node, boolean>();

  constructor(private readonly kind: FunctionKind) {}

  has(node: t.Node | null | undefined): boolean {
    if (!node) return false;
    const known = this.memo.get(node);
    if (known !== undefined) return known;
    const found = this.compute(node);
    this.memo.set(node, found);
    return found;
  }

  /** True if any of the nodes contains a suspension. */
  any(nodes: ReadonlyArray<t.Node | null | undefined>): boolean {
    for (const node of nodes) if (this.has(node)) return true;
    return false;
  }

  private compute(node: t.Node): boolean {
    switch (node.type) {
      case "AwaitExpression":
      case "YieldExpression":
        return true;
      case "ForOfStatement":
        if (node.await) return true;
        break;
      case "VariableDeclaration":
        if (node.kind === "await using") return true;
        break;
      case "ReturnStatement":
        if (this.kind === "asyncGenerator" && node.argument) return true;
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ObjectMethod":
      case "ClassMethod":
      case "ClassPrivateMethod":
        // Only a computed method key is evaluated by the enclosing function.
        return (node.type === "ObjectMethod" || node.type === "ClassMethod") && node.computed
          ? this.has(node.key)
          : false;
      case "ClassProperty":
      case "ClassAccessorProperty":
        return node.computed ? this.has(node.key) : false;
      case "ClassPrivateProperty":
      case "StaticBlock":
        return false;
    }
    const keys = t.VISITOR_KEYS[node.type];
    if (!keys) return false;
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === "object" && this.has(item as t.Node)) return true;
      } else if (child && typeof child === "object" && this.has(child as t.Node)) {
        return true;
      }
    }
    return false;
  }
}

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

/**
 * True when an async function's body can suspend at most once in any run:
 * it has one suspension point, and that point is in no loop. The runtime can
 * then use the promise `then` derives for that one await as the function's
 * own promise (see runAsyncOnce). Counted as SuspensionFinder finds them:
 * nested functions are separate, computed keys and `extends` are not.
 */
export function suspendsAtMostOnce(body: t.Node): boolean {
  let count = 0;
  const visit = (node: t.Node, inLoop: boolean): boolean => {
    switch (node.type) {
      case "AwaitExpression":
      case "YieldExpression":
        if (inLoop || ++count > 1) return false;
        break;
      case "ForOfStatement":
        if (node.await) return false;
        break;
      case "VariableDeclaration":
        if (node.kind === "await using") return false;
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ObjectMethod":
      case "ClassMethod":
      case "ClassPrivateMethod":
      case "ClassProperty":
      case "ClassAccessorProperty":
        return (node.type === "ObjectMethod" || node.type === "ClassMethod" || node.type === "ClassProperty" || node.type === "ClassAccessorProperty") && node.computed
          ? visit(node.key, inLoop)
          : true;
      case "ClassPrivateProperty":
      case "StaticBlock":
        return true;
    }
    const loop = inLoop || LOOPS.has(node.type);
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === "object" && !visit(item as t.Node, loop)) return false;
      } else if (child && typeof child === "object" && !visit(child as t.Node, loop)) {
        return false;
      }
    }
    return true;
  };
  return visit(body, false);
}
