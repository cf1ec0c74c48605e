// The per-engine tables: one per engine, a cell per program × variant (median
// and ratio to the engine's own native run), a geomean row, and a last column
// with awaitless's time divided by regenerator's — the compiler a React
// Native build uses by default.

import { variants } from "../compilers.mjs";
import { cellText, geomeans, ratio } from "../report.mjs";

function versusRegenerator(row) {
  const a = row.cells.awaitless;
  const r = row.cells.regenerator;
  return a && r && !a.failed && !r.failed ? ratio(a.median / r.median) : "–";
}

function geomeanVersusRegenerator(rows) {
  const pairs = rows.map((row) => [row.cells.awaitless, row.cells.regenerator]).filter(([a, r]) => a && r && !a.failed && !r.failed);
  if (!pairs.length) return "–";
  return ratio(Math.exp(pairs.reduce((sum, [a, r]) => sum + Math.log(a.median / r.median), 0) / pairs.length));
}

function tableRows(result, names) {
  const rows = result.rows.map((row) => [row.program, ...names.map((v) => cellText(row.cells[v])), versusRegenerator(row)]);
  const gm = geomeans(result.rows, names);
  rows.push(["geomean ratio", ...names.map((v) => (gm[v] === undefined ? "–" : ratio(gm[v]))), geomeanVersusRegenerator(result.rows)]);
  return rows;
}

function header(names) {
  return ["program", ...names.map((v) => variants[v].label), "awaitless ÷ regenerator"];
}

function title(result) {
  return `${result.label} (${result.version}); every program at 1/${result.scale} of its work; ratio = time / ${result.label}'s native run`;
}

export function engineTextTables(results, names) {
  return Object.values(results).map((result) => {
    const head = header(names);
    const body = tableRows(result, names);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    return [title(result), line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
  }).join("\n\n");
}

export function engineMarkdownTables(results, names) {
  return Object.values(results).map((result) => {
    const head = header(names);
    return [
      `${title(result)}:`,
      "",
      `| ${head.join(" | ")} |`,
      `| --- | ${head.slice(1).map(() => "---:").join(" | ")} |`,
      ...tableRows(result, names).map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
  }).join("\n\n");
}

/** "program × variant on Engine: error" for every failure; `byConstruction` marks the native ones. */
export function engineFailures(results) {
  const out = [];
  for (const result of Object.values(results)) {
    for (const [program, failed] of Object.entries(result.failures)) {
      for (const [variant, error] of Object.entries(failed)) out.push({ engine: result.label, program, variant, error });
    }
  }
  return out;
}
