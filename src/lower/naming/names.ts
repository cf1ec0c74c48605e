// Names for what lowering adds to one function: the machine parameter,
// temporaries, finally slots, renamed block bindings. They live in the
// wrapper and step function only, so they need only differ from every name
// the function's own code mentions (which includes every outer name it
// refers to) and from each other; each function can use `_m` for its machine.

import * as t from "@babel/types";
import type { NameSource } from "../context.js";
import { eachChild } from "../../ast/children.js";

export class FunctionNames implements NameSource {
  constructor(private readonly taken: Set<string>) {}

  unique(hint: string): string {
    const base = "_" + (t.toIdentifier(hint).replace(/^_+/, "").replace(/\d+$/, "") || "temp");
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = base + i;
    this.taken.add(name);
    return name;
  }
}

/** Every identifier name appearing in `node` (bindings, references, labels, property names). */
export function namesIn(node: t.Node, into = new Set<string>()): Set<string> {
  const visit = (current: t.Node): void => {
    if (current.type === "Identifier" || current.type === "JSXIdentifier") into.add(current.name);
    eachChild(current, visit);
  };
  visit(node);
  return into;
}

/** True if `name` appears as an identifier anywhere inside `node`. */
export function mentions(node: t.Node, name: string): boolean {
  return t.traverseFast(node, (inner) => (inner.type === "Identifier" && inner.name === name ? t.traverseFast.stop : undefined));
}
