// Makes "maps to nothing" hold for whole lines of the output: transform()'s
// map, and the map Babel prints for a file the plugin lowered
// (host/babel-plugin-positions.ts).
//
// A source map line with no segments maps to nothing, but @babel/generator
// (through gen-mapping) leaves a line without segments when the code on it
// maps nowhere: the start of a line is taken to be unmapped already. Node's
// `--enable-source-maps` does not read it so: it looks a position up in the
// whole map and takes the nearest mapping before it, however many lines up.
// The inlined runtime's frames would then show as the line before the runtime
// (the file's first comment, say). An explicit unmapped segment at the start
// of each such line says the same thing to every reader.

import { decode, encode, type SourceMapSegment } from "@jridgewell/sourcemap-codec";

export function markUnmappedLines<M extends { mappings: string }>(map: M, code: string): M {
  const lines = decode(map.mappings);
  const lineCount = code.split("\n").length;
  let changed = false;
  for (let i = 0; i < lineCount; i++) {
    const segments = lines[i] ?? (lines[i] = []);
    if (segments.length > 0) continue;
    (segments as SourceMapSegment[]).push([0]);
    changed = true;
  }
  return changed ? { ...map, mappings: encode(lines) } : map;
}
