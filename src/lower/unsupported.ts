// Input that is valid JavaScript but that lowering does not handle (yet).
// Thrown with the node, so the front end can report file, line, column and a
// code frame like a syntax error, instead of an internal error.

import type * as t from "@babel/types";

export class UnsupportedInput extends Error {
  constructor(
    message: string,
    readonly node: t.Node,
  ) {
    super(message);
    this.name = "UnsupportedInput";
  }
}

export function unsupported(node: t.Node, message?: string): UnsupportedInput {
  return new UnsupportedInput(message ?? `${describe(node.type)} containing await or yield is not supported`, node);
}

function describe(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
