// The state model as text: a table for people, JSON for tools, Graphviz DOT
// for a drawing of the states (`awaitless --states dot f.js | dot -Tsvg`).

import type { FunctionModel, StateModel, ExitKind } from "../pipeline/model.js";

export type StatesFormat = "table" | "json" | "dot";

export function formatStates(functions: FunctionModel[], filename: string, format: StatesFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify({ file: filename, functions }, null, 2) + "\n";
    case "dot":
      return formatDot(functions, filename);
    case "table":
      return formatTable(functions, filename);
  }
}

function describeFunction(fn: FunctionModel): string {
  const name = fn.name === "" ? "(anonymous)" : fn.name;
  return `${name}: ${fn.kind} ${fn.form}`;
}

function line(state: StateModel): string {
  return state.source ? String(state.source.start.line) : "";
}

function exitText(state: StateModel): string {
  return state.exits.map((exit) => `${exit.kind} → ${exit.to === null ? "out" : exit.to}`).join(", ");
}

function formatTable(functions: FunctionModel[], filename: string): string {
  if (functions.length === 0) return `${filename}: no async functions, generators or for-await to lower\n`;
  const out: string[] = [];
  for (const fn of functions) {
    const where = fn.source ? `${filename}:${fn.source.start.line}:${fn.source.start.column + 1}` : filename;
    out.push(`${describeFunction(fn)} (${where}, ${fn.states.length} state${fn.states.length === 1 ? "" : "s"})`);
    const rows = [["state", "kind", "line", "exits"], ...fn.states.map((s) => [String(s.id), s.kind, line(s), exitText(s)])];
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) out.push("  " + row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join("  ").trimEnd());
    for (const region of fn.regions) {
      const returning = region.onReturn !== null ? `, return through ${region.onReturn}` : "";
      out.push(`  try: states ${region.start}–${region.end - 1} → catch at ${region.onThrow}${returning}`);
    }
    out.push("");
  }
  return out.join("\n");
}

const EDGE_STYLES: Record<ExitKind, string> = {
  next: 'color="#888888"',
  jump: 'color="#333333"',
  await: 'color="#1f6feb", penwidth=2',
  yield: 'color="#2da44e", penwidth=2',
  return: 'color="#333333", style=bold',
  throw: 'color="#cf222e", style=bold',
  catch: 'color="#cf222e", style=dashed',
  finally: 'color="#bf8700", style=dashed',
};

/** A double-quoted DOT string. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function formatDot(functions: FunctionModel[], filename: string): string {
  const out = [
    `digraph ${quote(filename)} {`,
    "  rankdir=TB;",
    '  node [shape=box, style="rounded,filled", fillcolor="#f6f8fa", fontname="monospace", fontsize=10];',
    '  edge [fontname="monospace", fontsize=9];',
  ];
  for (const fn of functions) {
    const prefix = `f${fn.id}`;
    out.push(`  subgraph cluster_${fn.id} {`, `    label=${quote(describeFunction(fn))};`);
    for (const state of fn.states) {
      const where = state.source ? `\nline ${state.source.start.line}` : "";
      out.push(`    ${prefix}_${state.id} [label=${quote(`${state.id} ${state.kind}${where}`)}];`);
    }
    let leavesBy = new Set<string>();
    for (const state of fn.states) {
      for (const exit of state.exits) {
        if (exit.kind === "next" && exit.to === null) continue;
        let target: string;
        if (exit.to === null) {
          target = `${prefix}_${exit.kind === "throw" ? "throws" : "returns"}`;
          leavesBy.add(target);
        } else {
          target = `${prefix}_${exit.to}`;
        }
        out.push(`    ${prefix}_${state.id} -> ${target} [label=${quote(exit.kind)}, ${EDGE_STYLES[exit.kind]}];`);
      }
    }
    for (const exit of leavesBy) {
      const label = exit.endsWith("throws") ? "throws" : "returns";
      out.push(`    ${exit} [label=${quote(label)}, shape=ellipse, fillcolor="#ffffff"];`);
    }
    leavesBy = new Set();
    out.push("  }");
  }
  out.push("}");
  return out.join("\n") + "\n";
}
