// Reads a source map's `mappings` into segments, and looks up
// the original position of a generated one, as a debugger does: the last
// segment at or before the column on that line.

import { decode } from "@jridgewell/sourcemap-codec";

export interface Segment {
  /** Generated line (0-based) and column. */
  line: number;
  column: number;
  /** Where it comes from, if the segment maps anywhere. */
  original?: { source: number; line: number; column: number; name?: number };
}

export interface DecodedMappings {
  segments: Segment[];
  byLine: Segment[][];
}

export function decodeMappings(mappings: string): DecodedMappings {
  const segments: Segment[] = [];
  const byLine: Segment[][] = decode(mappings).map((lineSegments, line) =>
    lineSegments.map((fields) => {
      const segment: Segment = { line, column: fields[0] };
      if (fields.length >= 4) {
        segment.original = { source: fields[1]!, line: fields[2]!, column: fields[3]! };
        if (fields.length === 5) segment.original.name = fields[4];
      }
      segments.push(segment);
      return segment;
    }),
  );
  return { segments, byLine };
}

/** The original position a generated position maps to (undefined where it maps nowhere). */
export function originalAt(decoded: DecodedMappings, line: number, column: number): { line: number; column: number } | undefined {
  let found: Segment | undefined;
  for (const segment of decoded.byLine[line] ?? []) {
    if (segment.column > column) break;
    found = segment;
  }
  return found?.original ? { line: found.original.line, column: found.original.column } : undefined;
}
