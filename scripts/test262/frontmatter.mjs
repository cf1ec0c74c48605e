// Reads a test262 test's frontmatter: the YAML between `/*---` and `---*/`.
//
// Only the small part of YAML that test262 uses is understood, and only the
// keys a runner needs are interpreted: `includes`, `flags`, `features` (flow
// lists `[a, b]` or block lists of `- a` lines) and `negative` (a block map
// with `phase` and `type`). Other keys (`description`, `info`, `esid`, …) may
// hold multi-line text; their lines are indented, so skipping every indented
// line that does not belong to a key we read is enough. A real YAML parser
// would be a new dependency for four keys.

const LIST_KEYS = new Set(["includes", "flags", "features"]);

/**
 * @typedef {{ phase: string, type: string }} Negative
 * @typedef {{ includes: string[], flags: string[], features: string[], negative: Negative | null }} Frontmatter
 */

/** The frontmatter of a test's source; empty lists and no `negative` when there is none. */
export function parseFrontmatter(source) {
  const meta = { includes: [], flags: [], features: [], negative: null };
  const block = frontmatterText(source);
  if (block === null) return meta;
  const lines = block.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/.exec(lines[i]);
    if (!match) continue;
    const [, key, inline] = match;
    const nested = indentedLinesAfter(lines, i);
    if (LIST_KEYS.has(key)) meta[key] = parseList(inline, nested);
    else if (key === "negative") meta.negative = parseNegative(nested);
  }
  return meta;
}

/** The text between `/*---` and `---*\/`, or null when the test has no frontmatter. */
export function frontmatterText(source) {
  const start = source.indexOf("/*---");
  if (start < 0) return null;
  const end = source.indexOf("---*/", start + 5);
  if (end < 0) return null;
  return source.slice(start + 5, end);
}

/** The lines after line `i` that are indented (the value of a block key), without blank lines. */
function indentedLinesAfter(lines, i) {
  const nested = [];
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j].trim() === "") continue;
    if (!/^[ \t]/.test(lines[j])) break;
    nested.push(lines[j].trim());
  }
  return nested;
}

/** `[a, b]` on the key's line, or `- a` lines below it. */
function parseList(inline, nested) {
  if (inline.startsWith("[")) {
    return inline
      .replace(/^\[|\]$/g, "")
      .split(",")
      .map(unquote)
      .filter((item) => item !== "");
  }
  if (inline !== "") return [unquote(inline)];
  return nested.filter((line) => line.startsWith("-")).map((line) => unquote(line.slice(1)));
}

/** `phase: parse` / `type: SyntaxError` lines below `negative:`. */
function parseNegative(nested) {
  const negative = { phase: "", type: "" };
  for (const line of nested) {
    const match = /^(phase|type):\s*(.*)$/.exec(line);
    if (match) negative[match[1]] = unquote(match[2]);
  }
  return negative;
}

function unquote(text) {
  return text.trim().replace(/^(["'])(.*)\1$/, "$2");
}
