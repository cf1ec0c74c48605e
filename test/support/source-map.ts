// Reads a source map's `mappings` (base64 VLQ) into segments, and looks up
// the original position of a generated one, as a debugger does: the last
// segment at or before the column on that line.

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

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function decodeMappings(mappings: string): DecodedMappings {
  const segments: Segment[] = [];
  const byLine: Segment[][] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  mappings.split(";").forEach((text, line) => {
    const lineSegments: Segment[] = [];
    let column = 0;
    for (const part of text.split(",")) {
      if (!part) continue;
      const fields = decodeVlq(part);
      column += fields[0];
      const segment: Segment = { line, column };
      if (fields.length >= 4) {
        source += fields[1];
        originalLine += fields[2];
        originalColumn += fields[3];
        segment.original = { source, line: originalLine, column: originalColumn };
        if (fields.length >= 5) {
          name += fields[4];
          segment.original.name = name;
        }
      }
      lineSegments.push(segment);
      segments.push(segment);
    }
    byLine[line] = lineSegments;
  });
  return { segments, byLine };
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`invalid base64 VLQ character ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
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
