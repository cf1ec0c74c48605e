// Replacing a node where it stands, without its parent: the node object
// itself takes the replacement's contents, so every reference to it (a
// parent's slot, a map keyed by it) now sees the replacement. For rewrites
// done after Babel's paths are gone, or before they exist.

import type * as t from "@babel/types";

/** `node` becomes `replacement` (a copy of its fields; `replacement` may hold a copy of `node`). */
export function replaceInPlace(node: t.Node, replacement: t.Node): void {
  const fields = { ...replacement };
  for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
  Object.assign(node, fields);
}
