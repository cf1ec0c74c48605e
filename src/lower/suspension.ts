// Which parts of a body can suspend. Only those are exploded into states;
// everything else is emitted as it was written, inside one state, so that
// native `try`, loops and block scoping keep working there unchanged.

import * as t from "@babel/types";
import { eachOwnChild } from "../ast/own-code.js";

export type FunctionKind = "async" | "generator" | "asyncGenerator";

/**
 * Answers "does this node contain a suspension point of the function being
 * lowered?" — an `await`, a `yield`, a `for await`, or (in an async
 * generator, where `return v` awaits `v`) a `return` with an operand. (An
 * `await using` is gone by then: lower/using.ts made its awaits explicit.) Nested functions,
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
    if (isSuspension(node, this.kind)) return true;
    return eachOwnChild(node, "evaluated", (child) => this.has(child));
  }
}

/** Is `node` itself a suspension point of a function of `kind`? */
function isSuspension(node: t.Node, kind: FunctionKind): boolean {
  switch (node.type) {
    case "AwaitExpression":
    case "YieldExpression":
      return true;
    case "ForOfStatement":
      return node.await;
    case "ReturnStatement":
      return kind === "asyncGenerator" && node.argument !== null && node.argument !== undefined;
    default:
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
  // True when the walk must stop: a second suspension, or one that may repeat.
  const tooMany = (node: t.Node, inLoop: boolean): boolean => {
    if (isSuspension(node, "async")) {
      // A `for await` repeats by itself.
      if (inLoop || ++count > 1 || node.type === "ForOfStatement") return true;
    }
    const loop = inLoop || LOOPS.has(node.type);
    return eachOwnChild(node, "evaluated", (child) => tooMany(child, loop));
  };
  return !tooMany(body, false);
}
