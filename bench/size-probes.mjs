// How many bytes each compiler adds to a file, measured as a bundle sees it:
// several probe files with different features (bench/size-probes/), compiled
// with the benchmarks' configurations (compilers.mjs), minified with terser's
// defaults and gzipped at level 9. `npm run bench` includes it in the report;
// on its own:
//
//   node bench/size-probes.mjs          the tables
//   node bench/size-probes.mjs --show   … and every runtime unit awaitless's
//                                       output carries, per probe
//   node bench/size-probes.mjs --show-code   … and awaitless's minified
//                                       helpers cut into the units they count to
//
// The probes (PROBES below):
//   async-only    async functions with loops and try/catch/finally
//   all-features  the same, plus generators, yield*, async generators, for await
//   module        a typical ~40-line async module of an application
//
// What is measured, the same way for every compiler:
// - Helpers: the code a compiler adds to a file that is not the user's code.
//   The probe is compiled twice, once as written and once with every binding
//   the user declares renamed (`name` → `name$$b`, through Babel's scope
//   renaming, so shadowing is respected). A top-level statement of the first
//   output that appears, character for character, among the top-level
//   statements of the second does not depend on any of the user's names: it is
//   a helper. Everything else (the user's functions, their wrappers, per-
//   function tables) differs between the two and is not counted. This needs
//   every top-level statement of a probe to declare or use one of its own
//   names, which the probes do (a top-level `console.log("x")` would be
//   identical in both and counted as a helper). The helpers are then minified
//   as one script with terser's defaults (compress and mangle; top-level names
//   kept, since the user's code calls them; licence comments kept, as a
//   production build ships them — regenerator's helper has one, its size
//   without it is given too) and gzipped with node:zlib at level 9.
// - Whole output (every probe, reported for `module`): the entire compiled
//   file minified and gzipped the same way, and its ratio to the native
//   source minified and gzipped the same way.
// - Runtime units (awaitless only): which units of the inlined runtime the
//   helpers hold (src/generated/runtime-chunks.ts, read from dist/) and how
//   many of the minified bytes each accounts for. Each top-level statement of
//   the inlined runtime is matched to the unit whose code it is; terser's
//   source map then says, for every byte of the minified helpers, which
//   statement of the unminified runtime it came from (bytes of code terser
//   inlined elsewhere still count for the unit they came from). The bytes no
//   unit accounts for (the wrapping function, "use strict", the returned
//   object) are the "wrapper" row. The units' bytes add up to the minified
//   size. A unit's gzip contribution is how many bytes the gzipped helpers
//   lose when that unit's minified bytes are cut out of the minified text
//   (gzip of the whole minus gzip of the rest); gzip shares strings across
//   units, so these do not add up to the gzipped size.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { variants, root } from "./compilers.mjs";
import { remainingSuspendingFunctions } from "./compile.mjs";

const require = createRequire(join(root, "package.json"));
export const probesDir = join(root, "bench/size-probes");

/** Each probe: the files it concatenates, in order. */
export const PROBES = [
  { name: "async-only", title: "async functions with loops and try/catch/finally", files: ["async-functions.js"] },
  { name: "all-features", title: "+ generators, yield*, async generators, for await", files: ["async-functions.js", "generators.js"] },
  { name: "module", title: "a typical 40-line async module", files: ["module.js"] },
];

/** The three columns of the summary: which probe, and what of it. */
export const COLUMNS = [
  { probe: "async-only", measure: "helpers", title: "async-only helpers" },
  { probe: "all-features", measure: "helpers", title: "all-features helpers" },
  { probe: "module", measure: "whole", title: "typical module, whole output" },
];

export const compilersMeasured = ["awaitless", "typescript", "swc", "regenerator"];

const RENAME_SUFFIX = "$$b";

export function probeSource(probe) {
  return probe.files.map((file) => readFileSync(join(probesDir, file), "utf8")).join("\n");
}

/**
 * `source` with every binding it declares renamed to `<name>$$b` (function
 * and class names, variables, parameters, catch bindings, imports). Returns
 * { code, names }: the new source and the original names.
 */
export function renameBindings(source) {
  const { parse } = require("@babel/parser");
  const traverse = require("@babel/traverse").default;
  const generate = require("@babel/generator").default;
  const ast = parse(source, { sourceType: "script" });
  const scopes = new Set();
  traverse(ast, {
    enter(path) {
      scopes.add(path.scope);
    },
  });
  const names = new Set();
  for (const scope of scopes) {
    for (const name of Object.keys(scope.bindings)) {
      names.add(name);
      scope.rename(name, name + RENAME_SUFFIX);
    }
  }
  return { code: generate(ast).code, names: [...names].sort() };
}

/** The top-level statements of `code`, each as its exact text. */
function topLevelStatements(code) {
  const { parse } = require("@babel/parser");
  return parse(code, { sourceType: "script", allowReturnOutsideFunction: true }).program.body.map((node) => ({
    node,
    text: code.slice(node.start, node.end),
  }));
}

/**
 * The helpers of `compiled`: its top-level statements that appear with the
 * same text among the top-level statements of `compiledRenamed`, the output
 * for the same source with the user's names changed. Returns { code, names, others }:
 * the helper statements joined by newlines, in their order in `compiled`, the
 * names they declare and how many helper statements declare nothing (`others`).
 */
export function extractHelpers(compiled, compiledRenamed) {
  const available = new Map();
  for (const { text } of topLevelStatements(compiledRenamed)) available.set(text, (available.get(text) ?? 0) + 1);
  const kept = [];
  for (const statement of topLevelStatements(compiled)) {
    const left = available.get(statement.text) ?? 0;
    if (left === 0) continue;
    available.set(statement.text, left - 1);
    kept.push(statement);
  }
  const names = kept.flatMap((s) => declaredNames(s.node));
  const others = kept.length - kept.filter((s) => declaredNames(s.node).length).length;
  return { code: kept.map((s) => s.text).join("\n"), names, others };
}

/** The names a top-level declaration declares (none for other statements, such as a helper's `X.prototype.y = …`). */
function declaredNames(statement) {
  if (statement.type === "FunctionDeclaration") return [statement.id.name];
  if (statement.type === "VariableDeclaration") return statement.declarations.map((d) => (d.id.type === "Identifier" ? d.id.name : "(pattern)"));
  return [];
}

/** terser with its defaults (compress, mangle, top level kept, licence comments kept). */
async function minify(code, options = {}) {
  const terser = require("terser");
  return terser.minify(code, options);
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const bytes = (text) => Buffer.byteLength(text);

/** { min, gzip } of `code` after terser's defaults; `codeOnly`: gzip with every comment dropped too. */
async function sizeOf(code) {
  const minified = (await minify(code)).code;
  const codeOnly = (await minify(code, { format: { comments: false } })).code;
  return { minifiedCode: minified, min: bytes(minified), gzip: gzip(minified), gzipCodeOnly: gzip(codeOnly) };
}

/** The first line of a compiler's error, without this checkout's path (Babel prefixes the file name with it). */
function shortError(error) {
  const text = String(error && error.message ? error.message : error).split(root).join("");
  return text.split("\n").find((line) => line.trim()) ?? text;
}

/**
 * Measures every probe with every compiler. Returns
 * { probes: [{ name, title, native: { min, gzip }, rows: { [variant]: row } }] }
 * where row is { error } or { helpers: { names, raw, min, gzip, gzipCodeOnly, minifiedCode, code },
 * whole: { min, gzip, ratio }, units? } (units: awaitless only, see unitReport).
 */
export async function measureSizeProbes() {
  const probes = [];
  for (const probe of PROBES) {
    const source = probeSource(probe);
    const renamed = renameBindings(source).code;
    const filename = `${probe.name}.js`;
    const nativeSize = await sizeOf(source);
    const rows = {};
    for (const variant of compilersMeasured) {
      let compiled;
      let compiledRenamed;
      try {
        compiled = await variants[variant].compile(source, filename);
        compiledRenamed = await variants[variant].compile(renamed, filename);
      } catch (error) {
        rows[variant] = { error: shortError(error), detail: String(error && error.stack ? error.stack : error).split(root).join("") };
        continue;
      }
      const left = remainingSuspendingFunctions(compiled);
      if (left.length) {
        rows[variant] = { error: `output still contains native ${left.join(", ")}` };
        continue;
      }
      const extracted = extractHelpers(compiled, compiledRenamed);
      const helpers = { names: extracted.names, others: extracted.others, code: extracted.code, raw: bytes(extracted.code), ...(await sizeOf(extracted.code)) };
      const whole = await sizeOf(compiled);
      const row = { helpers, whole: { min: whole.min, gzip: whole.gzip, ratio: whole.gzip / nativeSize.gzip } };
      if (variant === "awaitless") {
        try {
          row.units = await unitReport(extracted.code);
        } catch (error) {
          row.error = `runtime units: ${error.message}`;
        }
      }
      rows[variant] = row;
    }
    probes.push({ name: probe.name, title: probe.title, native: { min: nativeSize.min, gzip: nativeSize.gzip }, rows });
  }
  return { probes };
}

// ---------------------------------------------------------------------------
// Runtime units

let runtimeUnits;
/** The units as the build wrote them (dist/generated/runtime-chunks.js), with the runtime file each comes from. */
async function loadRuntimeUnits() {
  if (runtimeUnits) return runtimeUnits;
  let chunks;
  try {
    chunks = await import(pathToFileURL(join(root, "dist/generated/runtime-chunks.js")).href);
  } catch (error) {
    throw new Error(`cannot load dist/generated/runtime-chunks.js (run \`npm run build\` first): ${error.message}`);
  }
  // Which compiled runtime file declares each name, for the per-file totals.
  const { parse } = require("@babel/parser");
  const fileOf = new Map();
  const runtimeDir = join(root, "dist/runtime");
  for (const file of readdirSync(runtimeDir).filter((f) => f.endsWith(".js") && f !== "index.js")) {
    for (let node of parse(readFileSync(join(runtimeDir, file), "utf8"), { sourceType: "module" }).program.body) {
      if (node.type === "ExportNamedDeclaration" && node.declaration) node = node.declaration;
      for (const name of node.type === "FunctionDeclaration" || node.type === "VariableDeclaration" ? declaredNames(node) : []) fileOf.set(name, file.replace(/\.js$/, ".ts"));
    }
  }
  const byCode = new Map();
  const units = chunks.units.map((unit, index) => {
    const entry = { index, ...unit, label: unitLabel(unit), file: fileOf.get(unit.names[0] ?? unit.setupOf) ?? "?" };
    byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), entry]);
    return entry;
  });
  runtimeUnits = { units, byCode };
  return runtimeUnits;
}

function unitLabel(unit) {
  if (unit.names.length) return unit.names.join(", ");
  const code = unit.code.replace(/\s+/g, " ");
  return `${unit.setupOf} setup: ${code.length > 60 ? `${code.slice(0, 59)}…` : code}`;
}

/**
 * Which runtime units `helperCode` (awaitless's `var _awaitless = …`) holds and
 * how many bytes of its minified form each accounts for. Returns
 * { min, gzip, rows: [{ label, file, min, gzipDelta, unit }] } largest first;
 * the row with no unit is the wrapper.
 */
export async function unitReport(helperCode) {
  const { parse } = require("@babel/parser");
  const generate = require("@babel/generator").default;
  const { decode } = require("@jridgewell/sourcemap-codec");
  const { byCode } = await loadRuntimeUnits();

  // 1. The inlined runtime's statements, each with the unit it is.
  const program = parse(helperCode, { sourceType: "script" }).program;
  const declaration = program.body.length === 1 ? program.body[0] : null;
  const init = declaration && declaration.type === "VariableDeclaration" && declaration.declarations.length === 1 ? declaration.declarations[0].init : null;
  const fn = init && init.type === "CallExpression" ? init.callee : null;
  if (!fn || fn.type !== "FunctionExpression") throw new Error("awaitless's helpers are not one `var _awaitless = function () { … }()`");
  const ranges = [];
  const taken = new Set();
  for (const statement of fn.body.body) {
    if (statement.type === "ReturnStatement") continue; // the returned object: wrapper
    const code = generate(statement, { comments: false }).code;
    const unit = (byCode.get(code) ?? []).find((u) => !taken.has(u));
    if (!unit) throw new Error(`a statement of the inlined runtime matches no unit of dist/generated/runtime-chunks.js (is dist/ stale?): ${code.slice(0, 80)}`);
    taken.add(unit);
    ranges.push({ start: statement.start, end: statement.end, unit });
  }

  // 2. Minify with a source map, and give every byte of the output to the
  //    statement its mapping points into.
  const result = await minify(helperCode, { sourceMap: { asObject: true } });
  const plain = (await minify(helperCode)).code;
  if (result.code !== plain) throw new Error("terser's output differs with a source map");
  const lineStarts = [0];
  for (let i = 0; i < helperCode.length; i++) if (helperCode[i] === "\n") lineStarts.push(i + 1);
  const unitAt = (offset) => {
    for (const range of ranges) if (range.start <= offset && offset < range.end) return range.unit;
    return null;
  };
  const owner = new Array(result.code.length).fill(null);
  const outLines = result.code.split("\n");
  const mappings = decode(result.map.mappings);
  let lineOffset = 0;
  for (let line = 0; line < outLines.length; line++) {
    const segments = (mappings[line] ?? []).filter((s) => s.length >= 4).sort((a, b) => a[0] - b[0]);
    for (let k = 0; k < segments.length; k++) {
      const [column, , sourceLine, sourceColumn] = segments[k];
      const end = k + 1 < segments.length ? segments[k + 1][0] : outLines[line].length;
      const unit = unitAt(lineStarts[sourceLine] + sourceColumn);
      for (let c = column; c < end; c++) owner[lineOffset + c] = unit;
    }
    lineOffset += outLines[line].length + 1;
  }

  // 3. Bytes per unit, and what cutting them out would save after gzip.
  const minified = result.code;
  const total = gzip(minified);
  const byUnit = new Map();
  for (let i = 0; i < minified.length; i++) {
    const key = owner[i];
    byUnit.set(key, (byUnit.get(key) ?? "") + minified[i]);
  }
  const rows = [];
  for (const [unit, text] of byUnit) {
    let rest = "";
    for (let i = 0; i < minified.length; i++) if (owner[i] !== unit) rest += minified[i];
    rows.push({
      label: unit ? unit.label : "wrapper (function, \"use strict\", returned object)",
      file: unit ? unit.file : "",
      unit: unit ? unit.index : null,
      min: bytes(text),
      gzipDelta: total - gzip(rest),
    });
  }
  // Units carried whose code the minifier dropped entirely still count, at 0 B.
  for (const { unit } of ranges) if (!byUnit.has(unit)) rows.push({ label: unit.label, file: unit.file, unit: unit.index, min: 0, gzipDelta: 0 });
  rows.sort((a, b) => b.min - a.min || a.label.localeCompare(b.label));
  // The minified text cut where its owner changes, to be read (--show-code).
  const runs = [];
  for (let i = 0; i < minified.length; i++) {
    const name = owner[i] ? owner[i].label : "wrapper";
    if (runs.length && runs[runs.length - 1].label === name) runs[runs.length - 1].text += minified[i];
    else runs.push({ label: name, text: minified[i] });
  }
  return { min: bytes(minified), gzip: total, units: ranges.length, rows, runs };
}

// ---------------------------------------------------------------------------
// Reports

const fmt = (n) => n.toLocaleString("en-US");
const label = (variant) => variants[variant].label;

function cell(probe, variant, measure, width = Infinity) {
  const row = probe.rows[variant];
  if (!row || row.error) {
    const text = `fails: ${row ? row.error : "not measured"}`;
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  }
  if (measure === "helpers") return `${fmt(row.helpers.gzip)} B`;
  return `${fmt(row.whole.gzip)} B (${row.whole.ratio.toFixed(2)}× native)`;
}

function probeByName(result, name) {
  return result.probes.find((p) => p.name === name);
}

/** The summary rows: [compiler, column 1, 2, 3]; a failure's reason cut to `width` characters. */
function summaryRows(result, width) {
  return compilersMeasured.map((variant) => [label(variant), ...COLUMNS.map((c) => cell(probeByName(result, c.probe), variant, c.measure, width))]);
}

/** `left`: the indexes of the columns aligned left (the others are right-aligned). */
function textGrid(header, body, left = [0]) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function unitTotalsByFile(units) {
  const byFile = new Map();
  for (const row of units.rows) {
    const key = row.file || "(wrapper)";
    const entry = byFile.get(key) ?? { file: key, min: 0, count: 0 };
    entry.min += row.min;
    if (row.unit !== null) entry.count++;
    byFile.set(key, entry);
  }
  return [...byFile.values()].sort((a, b) => b.min - a.min);
}

/** Terminal text. `top`: how many runtime units to list per probe (Infinity with --show). */
export function formatSizeProbes(result, { top = 10 } = {}) {
  const lines = ["size probes (terser defaults, then gzip -9; helpers = what a file carries besides its own code):"];
  const native = probeByName(result, "module").native;
  lines.push(textGrid(["compiler", ...COLUMNS.map((c) => c.title)], summaryRows(result, 48)).replace(/^/gm, "  "));
  lines.push(`  (typical module native: ${fmt(native.gzip)} B min+gzip, ${fmt(native.min)} B min)`);
  lines.push("");
  lines.push("  per probe: helpers min / min+gzip · whole output min / min+gzip (÷ native min+gzip)");
  for (const probe of result.probes) {
    for (const variant of compilersMeasured) {
      const row = probe.rows[variant];
      const head = `  ${probe.name.padEnd(13)} ${label(variant).padEnd(18)}`;
      if (row.error) lines.push(`${head} fails: ${row.error}`);
      else {
        const licence = row.helpers.gzipCodeOnly !== row.helpers.gzip ? ` (${fmt(row.helpers.gzipCodeOnly)} B without licence comments)` : "";
        lines.push(
          `${head} ${fmt(row.helpers.min).padStart(6)} / ${fmt(row.helpers.gzip).padStart(5)} B · ${fmt(row.whole.min).padStart(6)} / ${fmt(row.whole.gzip).padStart(5)} B (${row.whole.ratio.toFixed(2)}×)${licence}`,
        );
      }
    }
  }
  for (const probe of result.probes) {
    const units = probe.rows.awaitless && probe.rows.awaitless.units;
    if (!units) continue;
    const shown = units.rows.slice(0, top);
    lines.push("");
    lines.push(`  awaitless runtime units in ${probe.name}: ${units.units} units, ${fmt(units.min)} B min, ${fmt(units.gzip)} B min+gzip${shown.length < units.rows.length ? `; largest ${shown.length} (all: --show)` : ""}`);
    lines.push(textGrid(["min B", "gzip Δ B", "unit", "file"], shown.map((r) => [String(r.min), String(r.gzipDelta), r.label, r.file]), [2, 3]).replace(/^/gm, "    "));
  }
  return lines.join("\n");
}

/** Markdown for bench/results/latest.md. */
export function markdownSizeProbes(result) {
  const out = [];
  const native = probeByName(result, "module").native;
  out.push(`| compiler | ${COLUMNS.map((c) => c.title).join(" | ")} |`);
  out.push(`| --- | ${COLUMNS.map(() => "---:").join(" | ")} |`);
  for (const row of summaryRows(result)) out.push(`| ${row.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  out.push("");
  out.push(`Helpers and whole outputs min+gzip (terser defaults, gzip -9); the typical module's native source is ${fmt(native.gzip)} B min+gzip. Every probe:`);
  out.push("");
  out.push("| probe | compiler | helpers min | helpers min+gzip | whole output min | whole output min+gzip | ÷ native | helpers |");
  out.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const probe of result.probes) {
    for (const variant of compilersMeasured) {
      const row = probe.rows[variant];
      if (row.error) {
        out.push(`| ${probe.name} | ${label(variant)} | fails | | | | | ${row.error.replace(/\|/g, "\\|")} |`);
        continue;
      }
      const licence = row.helpers.gzipCodeOnly !== row.helpers.gzip ? ` (${fmt(row.helpers.gzipCodeOnly)} B without licence comments)` : "";
      out.push(
        `| ${probe.name} | ${label(variant)} | ${fmt(row.helpers.min)} B | ${fmt(row.helpers.gzip)} B${licence} | ${fmt(row.whole.min)} B | ${fmt(row.whole.gzip)} B | ${row.whole.ratio.toFixed(2)}× | ${helperList(row.helpers)} |`,
      );
    }
    out.push(`| ${probe.name} | native source | | | ${fmt(probe.native.min)} B | ${fmt(probe.native.gzip)} B | 1.00× | |`);
  }
  const withUnits = result.probes.filter((p) => p.rows.awaitless && p.rows.awaitless.units);
  if (withUnits.length) {
    out.push("");
    out.push(
      "awaitless's inlined runtime per unit (src/generated/runtime-chunks.ts): the minified bytes each unit accounts for (terser's source map), and how much smaller the gzipped helpers get with that unit's bytes cut out (gzip Δ; gzip shares strings between units, so these do not add up). Largest first by the all-features probe; blank: the probe does not carry the unit.",
    );
    out.push("");
    out.push(`| unit | runtime file | ${withUnits.map((p) => `${p.name} min | ${p.name} gzip Δ`).join(" | ")} |`);
    out.push(`| --- | --- | ${withUnits.map(() => "---: | ---:").join(" | ")} |`);
    const keyOf = (r) => (r.unit === null ? "wrapper" : r.unit);
    const order = new Map();
    const byProbe = withUnits.map((p) => new Map(p.rows.awaitless.units.rows.map((r) => [keyOf(r), r])));
    const main = withUnits.findIndex((p) => p.name === "all-features");
    const ranked = [main >= 0 ? main : 0, ...withUnits.keys()];
    for (const i of ranked) for (const r of withUnits[i].rows.awaitless.units.rows) if (!order.has(keyOf(r))) order.set(keyOf(r), r);
    for (const [key, r] of order) {
      const cells = byProbe.map((m) => {
        const x = m.get(key);
        return x ? `${x.min} | ${x.gzipDelta}` : " | ";
      });
      out.push(`| ${r.unit === null ? r.label : `\`${r.label.replace(/\|/g, "\\|")}\``} | ${r.file} | ${cells.join(" | ")} |`);
    }
    out.push(`| **total** (units carried) | | ${withUnits.map((p) => `${fmt(p.rows.awaitless.units.min)} (${p.rows.awaitless.units.units}) | ${fmt(p.rows.awaitless.units.gzip)} gzip`).join(" | ")} |`);
    out.push("");
    out.push("The same by runtime file (minified bytes, units carried):");
    out.push("");
    const files = withUnits.map((p) => new Map(unitTotalsByFile(p.rows.awaitless.units).map((f) => [f.file, f])));
    const allFiles = [...new Set(withUnits.flatMap((p, i) => [...files[i].keys()]))];
    const mainFiles = files[main >= 0 ? main : 0];
    allFiles.sort((a, b) => (mainFiles.get(b)?.min ?? 0) - (mainFiles.get(a)?.min ?? 0));
    out.push(`| runtime file | ${withUnits.map((p) => p.name).join(" | ")} |`);
    out.push(`| --- | ${withUnits.map(() => "---:").join(" | ")} |`);
    for (const file of allFiles) out.push(`| ${file} | ${files.map((m) => (m.get(file) ? `${fmt(m.get(file).min)} B (${m.get(file).count})` : "")).join(" | ")} |`);
  }
  return out.join("\n");
}

function helperList(helpers) {
  const names = helpers.names.map((n) => `\`${n}\``).join(", ");
  return helpers.others ? `${names} and ${helpers.others} other statement${helpers.others > 1 ? "s" : ""}` : names;
}

/** True when awaitless itself fails on a probe (another compiler failing is reported, not a failure of the run). */
export function sizeProbesFailed(result) {
  return result.probes.some((p) => p.rows.awaitless && p.rows.awaitless.error);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const show = process.argv.includes("--show");
  const showCode = process.argv.includes("--show-code");
  const result = await measureSizeProbes();
  console.log(formatSizeProbes(result, { top: show ? Infinity : 10 }));
  if (show) {
    for (const probe of result.probes) {
      for (const variant of compilersMeasured) {
        const row = probe.rows[variant];
        if (row.error && row.detail) console.log(`\n// ${probe.name} × ${variant} fails:\n${row.detail}`);
      }
    }
  }
  if (showCode) {
    for (const probe of result.probes) {
      const units = probe.rows.awaitless && probe.rows.awaitless.units;
      if (!units) continue;
      console.log(`\n// awaitless's minified helpers for ${probe.name}, each stretch after the unit it is counted to`);
      for (const run of units.runs) console.log(`/* ${run.label} */ ${run.text}`);
    }
  }
  if (sizeProbesFailed(result)) process.exitCode = 1;
}
