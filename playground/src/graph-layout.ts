// Lays out one function's states with dagre: a node per state, an edge per
// exit (the same exit twice is drawn once), and a terminal node for exits
// that leave the function (return, throw) or whose target the model does not
// give. Positions only; graph-render.ts draws them.

import dagre from "@dagrejs/dagre";
import type { ExitKind, FunctionModel, StateModel } from "../../src/index.ts";

export const NODE_WIDTH = 112;
export const NODE_HEIGHT = 46;
const TERMINAL_WIDTH = 64;
const TERMINAL_HEIGHT = 26;

export type TerminalKind = "return" | "throw" | "unknown";

export interface LaidOutNode {
  key: string;
  /** The state this node draws, or undefined for a terminal. */
  state?: StateModel;
  terminal?: TerminalKind;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  kind: ExitKind;
  /** Text drawn on the edge (await, yield, finally), or "". */
  label: string;
  labelX: number;
  labelY: number;
  points: Array<{ x: number; y: number }>;
}

export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

const LABELED: Partial<Record<ExitKind, string>> = { await: "await", yield: "yield", finally: "finally" };
/** Exceptions go to handlers from everywhere in a try: they should not pull the main flow around. */
const WEIGHT: Record<ExitKind, number> = { next: 3, jump: 2, await: 3, yield: 3, return: 1, throw: 1, catch: 0, finally: 2 };

export function terminalFor(kind: ExitKind): TerminalKind {
  if (kind === "return") return "return";
  if (kind === "throw" || kind === "catch") return "throw";
  return "unknown";
}

export function stateKey(id: number): string {
  return `s${id}`;
}

export function layoutFunction(fn: FunctionModel): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 40, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));

  for (const state of fn.states) g.setNode(stateKey(state.id), { width: NODE_WIDTH, height: NODE_HEIGHT });

  const seen = new Set<string>();
  const kinds = new Map<string, ExitKind>();
  for (const state of fn.states) {
    for (const exit of state.exits) {
      let to: string;
      if (exit.to === null || !fn.states[exit.to]) {
        const terminal = terminalFor(exit.kind);
        to = `end-${terminal}`;
        if (!g.hasNode(to)) g.setNode(to, { width: TERMINAL_WIDTH, height: TERMINAL_HEIGHT });
      } else {
        to = stateKey(exit.to);
      }
      const from = stateKey(state.id);
      const name = `${from}>${to}:${exit.kind}`;
      if (seen.has(name)) continue;
      seen.add(name);
      kinds.set(name, exit.kind);
      const label = LABELED[exit.kind] ?? "";
      g.setEdge(
        from,
        to,
        label
          ? { width: label.length * 6 + 6, height: 14, labelpos: "c", weight: WEIGHT[exit.kind] }
          : { weight: WEIGHT[exit.kind] },
        name,
      );
    }
  }

  dagre.layout(g);

  const nodes: LaidOutNode[] = g.nodes().map((key: string) => {
    const n = g.node(key) as { x: number; y: number; width: number; height: number };
    const base = { key, x: n.x, y: n.y, width: n.width, height: n.height };
    if (key.startsWith("end-")) return { ...base, terminal: key.slice(4) as TerminalKind };
    return { ...base, state: fn.states[Number(key.slice(1))] };
  });
  const edges: LaidOutEdge[] = g.edges().map((e: { v: string; w: string; name?: string }) => {
    const data = g.edge(e) as { points?: Array<{ x: number; y: number }>; x?: number; y?: number };
    const kind = kinds.get(e.name ?? "") ?? "next";
    const points = data.points ?? [];
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { from: e.v, to: e.w, kind, label: LABELED[kind] ?? "", labelX: data.x ?? mid.x, labelY: data.y ?? mid.y, points };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0) };
}
