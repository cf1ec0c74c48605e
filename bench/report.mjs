// Turns samples into the two tables people read: a plain-text one for the
// terminal and a markdown one for bench/results/latest.md (and, by hand, for
// docs/benchmarks.md). A cell is the median of the rounds and its ratio to
// native's median (time / native: 1.00× is native speed, 2.00× twice as slow).
// The markdown also shows each cell's min–max so the spread can be judged.

import { median } from "./measure.mjs";
import { variants } from "./compilers.mjs";

/** rows: [{ program, cells: { variant: { median, min, max, ratio } | { failed } } }] */
export function summarize(samples, failures) {
  const rows = [];
  for (const program of Object.keys(samples)) {
    const cells = {};
    const nativeMedian = median(samples[program].native);
    for (const [variant, values] of Object.entries(samples[program])) {
      const m = median(values);
      cells[variant] = { median: m, min: Math.min(...values), max: Math.max(...values), ratio: m / nativeMedian };
    }
    for (const variant of Object.keys(failures[program] ?? {})) cells[variant] = { failed: true };
    rows.push({ program, cells });
  }
  return rows;
}

/** Geometric mean of each variant's ratios over the programs it ran on all of. */
export function geomeans(rows, names) {
  const out = {};
  for (const variant of names) {
    const ratios = rows.map((row) => row.cells[variant]).filter((c) => c && !c.failed && c.ratio !== undefined).map((c) => c.ratio);
    out[variant] = ratios.length === rows.length ? Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length) : undefined;
  }
  return out;
}

const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
export const ratio = (r) => `${r.toFixed(2)}×`;

/** "<median> ms <ratio>×" (no ratio where there is no native time to divide by). */
export function cellText(cell) {
  if (!cell) return "–";
  if (cell.failed) return "FAILED";
  return cell.ratio === undefined ? `${ms(cell.median)} ms` : `${ms(cell.median)} ms ${ratio(cell.ratio)}`;
}

export function textTable(rows, names) {
  const header = ["program", ...names.map((v) => variants[v].label)];
  const body = rows.map((row) => [row.program, ...names.map((v) => cellText(row.cells[v]))]);
  const gm = geomeans(rows, names);
  body.push(["geomean ratio", ...names.map((v) => (gm[v] === undefined ? "–" : ratio(gm[v])))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function markdownTable(rows, names) {
  const header = `| program | ${names.map((v) => variants[v].label).join(" | ")} |`;
  const rule = `| --- | ${names.map(() => "---:").join(" | ")} |`;
  const body = rows.map((row) => `| ${row.program} | ${names.map((v) => cellText(row.cells[v])).join(" | ")} |`);
  const gm = geomeans(rows, names);
  body.push(`| *geomean ratio* | ${names.map((v) => (gm[v] === undefined ? "–" : ratio(gm[v]))).join(" | ")} |`);
  return [header, rule, ...body].join("\n");
}

export function markdownSpread(rows, names) {
  const header = `| program | ${names.map((v) => variants[v].label).join(" | ")} |`;
  const rule = `| --- | ${names.map(() => "---:").join(" | ")} |`;
  const body = rows.map(
    (row) =>
      `| ${row.program} | ${names
        .map((v) => {
          const c = row.cells[v];
          return !c ? "–" : c.failed ? "FAILED" : `${ms(c.min)}–${ms(c.max)}`;
        })
        .join(" | ")} |`,
  );
  return [header, rule, ...body].join("\n");
}

export function markdownHelperSizes(rows) {
  const lines = ["| compiler | min+gzip | min+gzip without licence comments | min | helpers |", "| --- | ---: | ---: | ---: | --- |"];
  for (const row of rows) {
    const label = variants[row.variant].label;
    if (row.error) lines.push(`| ${label} | ERROR | | | ${row.error.replace(/\n/g, " ")} |`);
    else lines.push(`| ${label} | ${row.gzip} B | ${row.gzipCodeOnly} B | ${row.minified} B | ${row.helpers.map((h) => `\`${h}\``).join(", ")} |`);
  }
  return lines.join("\n");
}
