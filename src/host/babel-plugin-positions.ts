// Source positions of what the compiler writes, through the Babel plugin
// (docs/decisions/0005-source-positions.md).
//
// Lowering gives the code it writes for nothing the user wrote (the inlined
// runtime, its binding, bookkeeping statements) the NO_SOURCE location. Two
// readers of the plugin's tree want different things from it:
//
// - the other plugins of the build: coverage instrumenters read the line of
//   every location they find and count a node without one as the compiler's
//   own, so while they run those nodes have no location at all;
// - Babel's generator, which prints a node without a location at whatever
//   position it printed last: the inlined runtime, after a file's `import`,
//   mapped line by line to that import, and Jest showed the runtime's frames
//   at the test file's line 1. Given NO_SOURCE, it maps them to nothing.
//
// So the plugin takes NO_SOURCE off when it has lowered a file
// (`hideNoSource`), and puts it back on the nodes that still have no location
// only for code generation, through the plugin's `generatorOverride`
// (`generateWithNoSource`), after every plugin of every pass has run. The map
// then also gets the explicit unmapped segment at the start of each line that
// maps nowhere, as transform()'s does (unmapped-lines.ts), so that readers
// which look a position up across lines (Node's --enable-source-maps) agree.

import * as t from "@babel/types";
import { decode } from "@jridgewell/sourcemap-codec";
import { NO_SOURCE } from "../lower/states/source-position.js";
import { markUnmappedLines } from "../pipeline/unmapped-lines.js";
import type { generate as Generate } from "./babel.js";

type GeneratorOptions = NonNullable<Parameters<typeof Generate>[1]>;
type GeneratorResult = ReturnType<typeof Generate>;

/** The nodes of each file (by its File node, which Babel hands to code generation) that were NO_SOURCE. */
const hidden = new WeakMap<t.File, t.Node[]>();

/** Takes NO_SOURCE off every node under `root`, remembering them for the code generation of `file`. */
export function hideNoSource(file: t.File, root: t.Node): void {
  const nodes = hidden.get(file) ?? [];
  t.traverseFast(root, (node) => {
    if (node.loc !== NO_SOURCE) return;
    node.loc = null;
    nodes.push(node);
  });
  if (nodes.length > 0) hidden.set(file, nodes);
}

/**
 * Babel's `generatorOverride`: for a file the plugin lowered, generated with a
 * source map, prints it with NO_SOURCE back on the nodes that had it and that
 * no other plugin has given a location since, and marks the lines that map
 * nowhere. Otherwise undefined: Babel prints the file itself (and another
 * plugin may override code generation for it).
 */
export function generateWithNoSource(ast: t.File, options: GeneratorOptions, code: string, generate: typeof Generate): GeneratorResult | undefined {
  const nodes = hidden.get(ast);
  if (!nodes || !options.sourceMaps) return undefined;
  const restored = nodes.filter((node) => node.loc == null);
  for (const node of restored) node.loc = NO_SOURCE;
  let result: GeneratorResult;
  try {
    result = generate(ast, options, code);
  } finally {
    // The tree Babel hands back (`ast: true`) is the one the other plugins saw.
    for (const node of restored) node.loc = null;
  }
  return withUnmappedLines(result);
}

/**
 * The generator's result, its map with the explicit unmapped segments. The
 * result's other fields stay as the generator made them: Babel 7 reads
 * `decodedMap` and `__mergedMap` (which is `map`, the input map already
 * composed), Babel 8 reads `map`.
 */
function withUnmappedLines(result: GeneratorResult): GeneratorResult {
  if (!result.map) return result;
  const map = markUnmappedLines(result.map, result.code);
  if (map === result.map) return result;
  result.map = map;
  const decoded = result as { decodedMap?: { mappings: unknown } };
  if (decoded.decodedMap) decoded.decodedMap = { ...decoded.decodedMap, mappings: decode(map.mappings) };
  return result;
}
