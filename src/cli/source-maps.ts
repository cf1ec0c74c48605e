// Source maps around a compile: finding the input's own map (a data URL or a
// file named by its `sourceMappingURL` comment), making its sources absolute
// so they survive the move to another folder, a line-and-token identity map
// for files passed through unchanged, and the comment that points at the
// output's map. Composition itself happens in `transform` (inputSourceMap).

import { readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceMapObject } from "../pipeline/transform.js";

/** A source map as read from a file: the API's map, and whatever other fields the file has. */
export type RawSourceMap = SourceMapObject & { [key: string]: unknown };

export interface MapComment {
  url: string;
  /** Offsets of the whole comment in the text. */
  start: number;
  end: number;
}

const LINE_COMMENT = /^[ \t]*\/\/[#@][ \t]+sourceMappingURL=([^\s'"]+)[ \t]*$/gm;
const BLOCK_COMMENT = /\/\*[#@][ \t]+sourceMappingURL=([^\s'"*]+)[ \t]*\*\//g;

/** The last `sourceMappingURL` comment of a file, as tools read it. */
export function findMapComment(code: string): MapComment | null {
  let found: MapComment | null = null;
  for (const pattern of [LINE_COMMENT, BLOCK_COMMENT]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
      const start = match.index + (match[0].length - match[0].trimStart().length);
      if (!found || start > found.start) found = { url: match[1], start, end: match.index + match[0].length };
    }
  }
  return found;
}

/**
 * The text without the comment. Every position before it keeps its line and
 * column, and so does every position after it (its line breaks stay), so
 * the input map stays valid.
 */
export function removeMapComment(code: string, comment: MapComment): string {
  // Usually the comment ends the file: then it goes with its line.
  if (/^\s*$/.test(code.slice(comment.end))) return code.slice(0, comment.start).replace(/[ \t]*$/, "");
  const removed = code.slice(comment.start, comment.end).replace(/[^\n]/g, "");
  return code.slice(0, comment.start) + removed + code.slice(comment.end);
}

export interface InputMap {
  map: RawSourceMap | null;
  warning: string | null;
}

/**
 * Reads the map a `sourceMappingURL` names, relative to the input file.
 * Its sources come back absolute (or left alone when they are URLs).
 */
export function readInputMap(url: string, inputPath: string): InputMap {
  let text: string;
  let mapDir = dirname(inputPath);
  if (url.startsWith("data:")) {
    const comma = url.indexOf(",");
    if (comma < 0) return { map: null, warning: "its inline source map is not a valid data URL" };
    const header = url.slice(5, comma);
    const body = url.slice(comma + 1);
    try {
      text = /;base64$/i.test(header) ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
    } catch {
      return { map: null, warning: "its inline source map is not a valid data URL" };
    }
  } else {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("file:")) {
      return { map: null, warning: `its source map ${url} is not a local file; it was not read` };
    }
    const mapPath = url.startsWith("file:") ? fileURLToPath(url) : resolve(mapDir, safeDecode(url));
    mapDir = dirname(mapPath);
    try {
      text = readFileSync(mapPath, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      return { map: null, warning: `cannot read its source map ${url} (${code}); the output map points at the input itself` };
    }
  }
  let map: RawSourceMap;
  try {
    map = JSON.parse(text) as RawSourceMap;
  } catch {
    return { map: null, warning: `its source map ${shortUrl(url)} is not valid JSON; the output map points at the input itself` };
  }
  if (!map || typeof map !== "object" || typeof map.mappings !== "string" || !Array.isArray(map.sources)) {
    const why = map && typeof map === "object" && "sections" in map ? "an index map (with sections), which is not supported" : "not a source map";
    return { map: null, warning: `its source map ${shortUrl(url)} is ${why}; the output map points at the input itself` };
  }
  return { map: absoluteSources(map, mapDir), warning: null };
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function shortUrl(url: string): string {
  return url.startsWith("data:") ? "(inline)" : url;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:/i;

function isUrl(source: string): boolean {
  // "C:\..." is a Windows path, not a URL with scheme "c".
  return URL_LIKE.test(source) && !/^[a-z]:[\\/]/i.test(source);
}

/** A copy of the map whose sources are absolute paths (URLs stay as they are) and without sourceRoot. */
function absoluteSources(map: RawSourceMap, mapDir: string): RawSourceMap {
  const root = typeof map.sourceRoot === "string" ? map.sourceRoot : "";
  const sources = map.sources.map((source) => {
    if (source == null) return source;
    const joined = root && !isAbsolute(source) && !isUrl(source) ? root.replace(/\/?$/, "/") + source : source;
    if (joined.startsWith("file:")) return fileURLToPath(joined);
    if (isUrl(joined)) return joined;
    return resolve(mapDir, joined);
  });
  const copy: RawSourceMap = { ...map, sources };
  delete copy.sourceRoot;
  return copy;
}

/**
 * Makes a map's absolute sources relative to `fromDir` (where the map file
 * or the output lives), with forward slashes, as browsers and tools expect.
 */
export function relativeSources(map: RawSourceMap, fromDir: string): RawSourceMap {
  const sources = map.sources.map((source) => {
    if (source == null || isUrl(source) || !isAbsolute(source)) return source;
    const rel = relative(fromDir, source);
    return sep === "/" ? rel : rel.split(sep).join("/");
  });
  return { ...map, sources };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/**
 * The map of a file copied unchanged: every word and run of punctuation
 * maps to itself, so stack traces keep their line and column.
 */
export function identityMap(code: string, sourcePath: string): RawSourceMap {
  const lines = code.split("\n");
  let previousLine = 0;
  let previousColumn = 0;
  const mappings = lines.map((line, index) => {
    const segments: string[] = [];
    let generated = 0;
    for (const token of line.matchAll(/[\w$]+|[^\s\w$]+/g)) {
      const column = token.index ?? 0;
      segments.push(vlq(column - generated) + "A" + vlq(index - previousLine) + vlq(column - previousColumn));
      generated = column;
      previousLine = index;
      previousColumn = column;
    }
    return segments.join(",");
  });
  return { version: 3, sources: [sourcePath], names: [], mappings: mappings.join(";"), sourcesContent: [code] };
}

/** The comment that links an output to its map file (named `<output>.map`). */
export function fileMapComment(outputPath: string): string {
  return `//# sourceMappingURL=${encodeURI(basename(outputPath) + ".map")}`;
}

export function inlineMapComment(map: RawSourceMap): string {
  const data = Buffer.from(JSON.stringify(map), "utf8").toString("base64");
  return `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${data}`;
}
