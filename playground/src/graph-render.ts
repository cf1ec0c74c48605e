// Draws a laid-out state graph as SVG: states as focusable nodes (Enter or
// Space selects one), exits as paths styled by kind, with arrowheads. Reports
// hover and selection; shows which state is selected and which one a step is
// at.

import type { FunctionModel } from "../../src/index.ts";
import { layoutFunction, type GraphLayout, type LaidOutEdge, type LaidOutNode } from "./graph-layout.ts";

const SVG = "http://www.w3.org/2000/svg";
const EDGE_KINDS = ["next", "jump", "await", "yield", "return", "throw", "catch", "finally"] as const;

export interface GraphEvents {
  onHover(stateId: number | null): void;
  onSelect(stateId: number): void;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function pathOf(edge: LaidOutEdge): string {
  const [first, ...rest] = edge.points;
  if (!first) return "";
  if (rest.length === 0) return `M${first.x},${first.y}`;
  // A smooth curve through dagre's control points (midpoints as joins).
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i];
    const q = rest[i + 1];
    d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
  }
  const last = rest[rest.length - 1];
  return `${d} L${last.x},${last.y}`;
}

const TERMINAL_TEXT = { return: "return", throw: "throws", unknown: "?" } as const;
const TERMINAL_TITLE = {
  return: "The function returns",
  throw: "An exception leaves the function",
  unknown: "The model gives no target for this exit",
} as const;

export class GraphView {
  private layout: GraphLayout | null = null;
  private fn: FunctionModel | null = null;
  private nodes = new Map<number, SVGGElement>();
  private selected: number | null = null;
  private current: number | null = null;
  private fit = false;

  constructor(
    private readonly parent: HTMLElement,
    private readonly events: GraphEvents,
  ) {}

  get function(): FunctionModel | null {
    return this.fn;
  }

  /** Draws `fn` (or a note when there is none). Keeps the selection when the state still exists. */
  show(fn: FunctionModel | null, note = "No async function or generator here."): void {
    this.fn = fn;
    this.nodes.clear();
    this.parent.replaceChildren();
    if (!fn) {
      this.layout = null;
      const p = document.createElement("p");
      p.className = "graph-empty";
      p.textContent = note;
      this.parent.append(p);
      return;
    }
    const layout = layoutFunction(fn);
    this.layout = layout;
    const svg = el("svg", {
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: "group",
      "aria-label": `State graph of ${fn.name || "the anonymous function"}: ${fn.states.length} states`,
      class: "state-graph",
      "data-function": fn.id,
      style: `--natural-width: ${layout.width}px`,
    });
    svg.append(this.markers());
    const edgeLayer = el("g", { class: "edges" });
    for (const edge of layout.edges) edgeLayer.append(this.drawEdge(edge));
    const nodeLayer = el("g", { class: "nodes" });
    for (const node of layout.nodes) nodeLayer.append(this.drawNode(node));
    svg.append(edgeLayer, nodeLayer);
    this.parent.append(svg);
    if (this.selected !== null && !fn.states[this.selected]) this.selected = null;
    if (this.current !== null && !fn.states[this.current]) this.current = null;
    this.refreshClasses();
  }

  /** Shrinks a graph wider than its panel to the panel's width (true), or draws it at full size (false). */
  setFit(fit: boolean): void {
    this.fit = fit;
    this.parent.classList.toggle("fit", fit);
  }

  select(stateId: number | null, scroll = false): void {
    this.selected = stateId;
    this.refreshClasses();
    if (scroll && stateId !== null) this.reveal(stateId);
  }

  setCurrent(stateId: number | null): void {
    this.current = stateId;
    this.refreshClasses();
    if (stateId !== null) this.reveal(stateId);
  }

  private reveal(stateId: number): void {
    const node = this.nodes.get(stateId);
    const layoutNode = this.layout?.nodes.find((n) => n.state?.id === stateId);
    if (!node || !layoutNode || this.fit) return;
    const box = this.parent;
    const left = layoutNode.x - box.clientWidth / 2;
    const top = layoutNode.y - box.clientHeight / 2;
    box.scrollTo({ left: Math.max(0, left), top: Math.max(0, top) });
  }

  private refreshClasses(): void {
    for (const [id, node] of this.nodes) {
      node.classList.toggle("selected", id === this.selected);
      node.classList.toggle("current", id === this.current);
      node.setAttribute("aria-pressed", String(id === this.selected));
    }
  }

  private markers(): SVGDefsElement {
    const defs = el("defs");
    for (const kind of EDGE_KINDS) {
      const marker = el("marker", {
        id: `arrow-${kind}`,
        viewBox: "0 0 10 10",
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: "auto-start-reverse",
        class: `arrow arrow-${kind}`,
      });
      marker.append(el("path", { d: "M0,0 L10,5 L0,10 z" }));
      defs.append(marker);
    }
    return defs;
  }

  private drawEdge(edge: LaidOutEdge): SVGGElement {
    const group = el("g", { class: `edge-group edge-kind-${edge.kind}`, "data-from": edge.from, "data-to": edge.to, "data-kind": edge.kind });
    const title = el("title");
    title.textContent = `${edge.kind}: ${edge.from} → ${edge.to}`;
    group.append(title, el("path", { d: pathOf(edge), class: `edge edge-${edge.kind}`, "marker-end": `url(#arrow-${edge.kind})` }));
    if (edge.label) {
      const text = el("text", { x: edge.labelX, y: edge.labelY + 4, class: `edge-label edge-label-${edge.kind}`, "text-anchor": "middle" });
      text.textContent = edge.label;
      group.append(text);
    }
    return group;
  }

  private drawNode(node: LaidOutNode): SVGGElement {
    const x = node.x - node.width / 2;
    const y = node.y - node.height / 2;
    if (!node.state) {
      const kind = node.terminal ?? "unknown";
      const group = el("g", { class: `terminal-node terminal-${kind}`, "data-terminal": kind });
      const title = el("title");
      title.textContent = TERMINAL_TITLE[kind];
      const label = el("text", { x: node.x, y: node.y + 4, "text-anchor": "middle" });
      label.textContent = TERMINAL_TEXT[kind];
      group.append(title, el("rect", { x, y, width: node.width, height: node.height, rx: node.height / 2 }), label);
      return group;
    }
    const state = node.state;
    const line = state.source ? `line ${state.source.start.line}` : "compiler-made";
    const group = el("g", {
      class: `state-node state-${state.kind}`,
      "data-state": state.id,
      tabindex: 0,
      role: "button",
      "aria-label": `State ${state.id}, ${state.kind}, ${line}`,
    });
    const title = el("title");
    title.textContent = `state ${state.id}: ${state.kind} (${line})\nexits: ${state.exits.map((e) => `${e.kind}→${e.to ?? "out"}`).join(", ") || "none"}`;
    const id = el("text", { x: x + 10, y: y + 19, class: "state-id" });
    id.textContent = String(state.id);
    const kind = el("text", { x: x + 32, y: y + 19, class: "state-kind" });
    kind.textContent = state.kind;
    const where = el("text", { x: x + 32, y: y + 35, class: "state-line" });
    where.textContent = line;
    group.append(title, el("rect", { x, y, width: node.width, height: node.height, rx: 6 }), id, kind, where);
    group.addEventListener("mouseenter", () => this.events.onHover(state.id));
    group.addEventListener("mouseleave", () => this.events.onHover(null));
    group.addEventListener("focus", () => this.events.onHover(state.id));
    group.addEventListener("blur", () => this.events.onHover(null));
    group.addEventListener("click", () => this.events.onSelect(state.id));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.events.onSelect(state.id);
      }
    });
    this.nodes.set(state.id, group);
    return group;
  }
}
