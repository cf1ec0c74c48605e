// The playground page: wires the editors, the diff, the state graph, the
// run panel, stepping, the options, the examples and the URL state together.
// Each of those lives in its own file; this one holds the page's state and
// decides what follows from what.

import "./style.css";
import type { FunctionModel, StateModel } from "../../src/index.ts";
import { compileForDisplay, compileForRun, DEFAULT_OPTIONS, type PlaygroundOptions } from "./compiler.ts";
import { CodeEditor } from "./editors.ts";
import { DiffView } from "./diff.ts";
import { GraphView } from "./graph-render.ts";
import { describeFunction, describeState, functionAt, stateAtOutput, stateAtSource, toOffsets, toPosition } from "./model-query.ts";
import { instrument } from "./instrument.ts";
import { runInSandbox } from "./sandbox.ts";
import { compareRuns, renderConsole } from "./consoles.ts";
import { Timeline } from "./timeline.ts";
import { Stepper } from "./stepper.ts";
import { decodeState, encodeState, type SharedState } from "./url-state.ts";
import { DEFAULT_EXAMPLE } from "./examples.ts";
import { ExamplesMenu, OptionsPanel } from "./options-panel.ts";
import type { RunResult } from "./run-protocol.ts";

const COMPILE_DELAY_MS = 250;
const HASH_DELAY_MS = 400;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface Compiled {
  input: string;
  code: string;
  functions: FunctionModel[];
}

interface RunRecord {
  input: string;
  original: RunResult;
  compiled: RunResult;
  functions: FunctionModel[];
}

class Playground {
  private options: PlaygroundOptions = { ...DEFAULT_OPTIONS };
  /** The last input that compiled, with its output and model. */
  private compiled: Compiled | null = null;
  private fn: FunctionModel | null = null;
  private selected: number | null = null;
  private run: RunRecord | null = null;
  private running: Promise<void> | null = null;
  private compileTimer = 0;
  private hashTimer = 0;
  private hashWrites = 0;
  private lastHash = "";
  private compileCount = 0;

  private readonly input: CodeEditor;
  private readonly output: CodeEditor;
  private readonly diff = new DiffView($("diff-view"));
  private readonly graph: GraphView;
  private readonly timeline: Timeline;
  private readonly stepper = new Stepper();
  private readonly optionsPanel: OptionsPanel;
  private readonly examples: ExamplesMenu;
  private readonly picker = $<HTMLSelectElement>("function-picker");

  constructor(initial: SharedState) {
    this.options = initial.options;
    this.input = new CodeEditor({
      parent: $("input-editor"),
      doc: initial.code,
      readOnly: false,
      label: "Input program",
      onChange: () => this.inputChanged(),
      onCursor: (offset) => this.inputCursor(offset),
    });
    this.output = new CodeEditor({
      parent: $("output-editor"),
      doc: "",
      readOnly: true,
      label: "Compiled output",
      lineHighlights: true,
      onCursor: (offset) => this.outputCursor(offset),
    });
    this.graph = new GraphView($("graph"), {
      onHover: (id) => this.hoverState(id),
      onSelect: (id) => this.selectState(id, { scrollInput: true, scrollOutput: true }),
    });
    this.timeline = new Timeline($<HTMLOListElement>("timeline"), { onPick: (step) => this.goToStep(step) });
    this.optionsPanel = new OptionsPanel((options) => {
      this.options = options;
      this.compileNow();
      this.scheduleHash();
    });
    this.optionsPanel.value = this.options;
    this.examples = new ExamplesMenu((example) => {
      this.input.setText(example.code);
      this.input.moveCursor(0);
      this.compileNow();
    });
    this.examples.showFor(initial.code);
    this.picker.addEventListener("change", () => {
      const fn = this.compiled?.functions[Number(this.picker.value)] ?? null;
      this.showFunction(fn);
    });

    $("btn-run").addEventListener("click", () => void this.runAll());
    $("btn-step").addEventListener("click", () => void this.step(1));
    $("btn-back").addEventListener("click", () => void this.step(-1));
    $("btn-reset").addEventListener("click", () => this.leaveStepping());
    $("btn-diff").addEventListener("click", () => this.toggleDiff());
    $("btn-share").addEventListener("click", () => void this.share());
    $("btn-fit").addEventListener("click", () => {
      const fit = $("btn-fit").getAttribute("aria-pressed") !== "true";
      $("btn-fit").setAttribute("aria-pressed", String(fit));
      this.graph.setFit(fit);
    });
    window.addEventListener("keydown", (event) => this.shortcut(event), true);
    window.addEventListener("hashchange", () => void this.restoreFromHash());

    this.compileNow();
    if (initial.diff) this.toggleDiff(true);
    void this.writeHash();
    document.body.dataset.ready = "true";
  }

  /** For tests and debugging: the editors' texts and the function the graph shows. */
  get inputText(): string {
    return this.input.text;
  }

  get outputText(): string {
    return this.output.text;
  }

  get shownFunction(): number | null {
    return this.fn?.id ?? null;
  }

  get cursorPosition(): { line: number; column: number } {
    return toPosition(this.input.doc, this.input.cursor);
  }

  // --- compiling -------------------------------------------------------------

  private inputChanged(): void {
    this.examples.showFor(this.input.text);
    if (this.stepper.active) this.leaveStepping();
    if (this.run) this.setRunStatus("The program changed since this run: Run again to update.");
    window.clearTimeout(this.compileTimer);
    this.compileTimer = window.setTimeout(() => this.compileNow(), COMPILE_DELAY_MS);
    this.scheduleHash();
  }

  private compileNow(): void {
    window.clearTimeout(this.compileTimer);
    const input = this.input.text;
    const result = compileForDisplay(input, this.options);
    this.compileCount++;
    document.body.dataset.compiles = String(this.compileCount);
    if (!result.ok) {
      const { line, column, reason, kind } = result.error;
      const label = kind === "syntax" ? "Syntax error" : kind === "unsupported" ? "Not supported" : "Compiler error";
      this.input.showError(line !== null ? { line, column: column ?? 1, message: `${label}: ${reason}` } : null);
      this.setInputStatus(`${label}${line !== null ? ` at line ${line}, column ${column}` : ""}: ${reason}`, "error");
      $("output-editor").classList.add("stale");
      $("graph").classList.add("stale");
      $("output-hint").textContent = "showing the last program that compiled";
      return;
    }
    this.input.showError(null);
    $("output-editor").classList.remove("stale");
    $("graph").classList.remove("stale");
    this.compiled = { input, code: result.code, functions: result.functions };
    this.output.setText(result.code);
    const count = result.functions.length;
    $("output-hint").textContent = count ? `${count} function${count === 1 ? "" : "s"} lowered` : "nothing to lower";
    this.setInputStatus(count ? "" : "No async function, generator or for-await here: the output is the input.", "");
    if (this.diff.visible) this.diff.show(input, result.code);
    this.fillPicker();
    const cursorFn = functionAt(result.functions, toPosition(this.input.doc, this.input.cursor));
    const keep = this.fn && result.functions.find((f) => f.id === this.fn!.id && f.name === this.fn!.name);
    this.showFunction(cursorFn ?? keep ?? result.functions[0] ?? null, { keepSelection: true });
    // New output for the same program (an option changed): the step's highlights move to it.
    if (this.stepper.active && this.run?.input === input) this.goToStep(this.stepper.position!);
  }

  private fillPicker(): void {
    const functions = this.compiled?.functions ?? [];
    this.picker.replaceChildren(...functions.map((fn) => new Option(describeFunction(fn), String(fn.id))));
    this.picker.disabled = functions.length === 0;
  }

  // --- the graph and the highlights ---------------------------------------------

  private showFunction(fn: FunctionModel | null, { keepSelection = false } = {}): void {
    const same = fn && this.fn && fn.id === this.fn.id;
    this.fn = fn;
    if (fn) this.picker.value = String(fn.id);
    const selected = keepSelection && same ? this.selected : null;
    this.graph.show(fn, this.compiled?.functions.length ? "No function selected." : "Nothing to draw: the input has no async function or generator.");
    $("graph").dataset.function = fn ? String(fn.id) : "";
    $("graph").dataset.states = fn ? String(fn.states.length) : "0";
    this.selected = null;
    if (selected !== null && fn?.states[selected]) this.selectState(selected, {});
    else this.describeSelection();
  }

  private stateOf(id: number | null): StateModel | null {
    return id === null ? null : (this.fn?.states[id] ?? null);
  }

  private selectState(id: number | null, { scrollInput = false, scrollOutput = false }): void {
    this.selected = id;
    this.graph.select(id, true);
    const state = this.stateOf(id);
    this.input.highlight("selected", state?.source ? toOffsets(this.input.doc, state.source) : null, scrollInput);
    this.output.highlight("selected", state?.output ? toOffsets(this.output.doc, state.output) : null, scrollOutput);
    this.describeSelection();
  }

  private hoverState(id: number | null): void {
    const state = this.stateOf(id);
    this.input.highlight("hover", state?.source ? toOffsets(this.input.doc, state.source) : null);
    this.output.highlight("hover", state?.output ? toOffsets(this.output.doc, state.output) : null);
  }

  private describeSelection(): void {
    const info = $("state-info");
    const state = this.stateOf(this.selected);
    if (!this.fn) {
      info.textContent = "";
      return;
    }
    if (!state) {
      info.textContent = `${describeFunction(this.fn)}: ${this.fn.states.length} states. Click a state, or put the cursor in the input.`;
      return;
    }
    const exits = state.exits.map((e) => `${e.kind} → ${e.to ?? "out"}`).join(", ") || "none";
    info.textContent = `${describeState(state)} — exits: ${exits}`;
  }

  private inputCursor(offset: number): void {
    if (!this.compiled || this.compiled.input !== this.input.text) return;
    const position = toPosition(this.input.doc, offset);
    const fn = functionAt(this.compiled.functions, position);
    $("cursor-hint").textContent = `line ${position.line}${fn ? ` · in ${fn.name || "(anonymous)"}` : ""}`;
    if (!fn) return;
    if (!this.fn || fn.id !== this.fn.id) this.showFunction(fn);
    const state = stateAtSource(fn, position);
    this.selectState(state ? state.id : null, { scrollOutput: true });
  }

  private outputCursor(offset: number): void {
    if (!this.compiled || this.compiled.code !== this.output.text) return;
    const hit = stateAtOutput(this.compiled.functions, toPosition(this.output.doc, offset));
    if (!hit) return;
    if (!this.fn || hit.fn.id !== this.fn.id) this.showFunction(hit.fn);
    this.selectState(hit.state.id, { scrollInput: true });
  }

  // --- the diff ------------------------------------------------------------------

  private toggleDiff(force?: boolean): void {
    const show = force ?? !this.diff.visible;
    const button = $("btn-diff");
    button.setAttribute("aria-pressed", String(show));
    $("output-editor").hidden = show;
    $("h-output").textContent = show ? "Diff: input → output" : "Output";
    if (show) this.diff.show(this.compiled?.input ?? this.input.text, this.compiled?.code ?? "");
    else this.diff.hide();
    this.scheduleHash();
  }

  // --- running and stepping ----------------------------------------------------

  private setRunStatus(text: string): void {
    $("run-status").textContent = text;
  }

  private setInputStatus(text: string, kind: string): void {
    const status = $("input-status");
    status.textContent = text;
    status.className = `status ${kind}`;
  }

  /** Runs the original and the compiled program side by side, and shows the whole run. */
  private runAll(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.doRun().finally(() => {
      this.running = null;
      document.body.dataset.running = "false";
      $<HTMLButtonElement>("btn-run").disabled = false;
    });
    return this.running;
  }

  private async doRun(): Promise<void> {
    this.leaveStepping();
    const input = this.input.text;
    const result = compileForRun(input, this.options);
    if (!result.ok) {
      this.setRunStatus("Fix the error in the input first: it does not compile.");
      return;
    }
    document.body.dataset.running = "true";
    $<HTMLButtonElement>("btn-run").disabled = true;
    this.setRunStatus("Running…");
    renderConsole($<HTMLOListElement>("console-original"), null);
    renderConsole($<HTMLOListElement>("console-compiled"), null);
    const sourceType = this.options.sourceType === "script" ? "script" : "module";
    const traced = instrument(result.code, result.functions.length, sourceType);
    const module = sourceType === "module";
    const [original, compiled] = await Promise.all([
      runInSandbox(input, { module, traced: false }),
      runInSandbox(traced ?? result.code, { module, traced: true }),
    ]);
    this.run = { input, original, compiled, functions: result.functions };
    this.stepper.load(compiled);
    renderConsole($<HTMLOListElement>("console-original"), original);
    renderConsole($<HTMLOListElement>("console-compiled"), compiled);
    const comparison = compareRuns(original, compiled);
    const compare = $("run-compare");
    compare.textContent = comparison.text;
    compare.className = `compare ${comparison.same ? "same" : "differ"}`;
    this.timeline.render(compiled, (fn) => result.functions[fn]?.name || "(anonymous)");
    const visits = this.stepper.count;
    this.setRunStatus(
      traced === null
        ? "Ran without the timeline: the compiled code could not be instrumented."
        : `Ran: ${visits} state visit${visits === 1 ? "" : "s"} recorded. Step replays them one at a time.`,
    );
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }

  private async step(delta: 1 | -1): Promise<void> {
    if (this.running) await this.running;
    if (!this.stepper.active) {
      if (delta < 0) return;
      if (!this.run || this.run.input !== this.input.text) await this.runAll();
      if (!this.run) return;
      if (this.stepper.count === 0) {
        this.setRunStatus("Nothing to step through: no compiled state machine ran.");
        return;
      }
      this.goToStep(0);
      return;
    }
    const next = this.stepper.position! + delta;
    if (next < 0 || next >= this.stepper.count) return;
    this.goToStep(next);
  }

  private goToStep(step: number): void {
    if (!this.run || !this.compiled) return;
    const visit = this.stepper.goTo(step);
    if (!visit) return;
    const fn = this.compiled.input === this.run.input ? this.compiled.functions[visit.fn] : null;
    if (fn && (!this.fn || this.fn.id !== fn.id)) this.showFunction(fn);
    const state = fn?.states[visit.s] ?? null;
    this.graph.setCurrent(visit.s);
    this.input.highlight("current", state?.source ? toOffsets(this.input.doc, state.source) : null, true);
    this.output.highlight("current", state?.output ? toOffsets(this.output.doc, state.output) : null, true);
    renderConsole($<HTMLOListElement>("console-compiled"), this.run.compiled, this.stepper.eventsThrough(step));
    this.timeline.setPosition(step);
    const instance = this.run.compiled.instances[visit.inst];
    this.setRunStatus(
      `Step ${step + 1} of ${this.stepper.count}: ${fn?.name || "(anonymous)"} #${instance?.call ?? "?"} ran state ${visit.s}` +
        (state ? ` (${state.kind})` : "") +
        (step + 1 === this.stepper.count ? " — the end of the run." : "."),
    );
    document.body.dataset.step = String(step);
    this.updateStepButtons();
  }

  private leaveStepping(): void {
    if (!this.stepper.active) return;
    this.stepper.leave();
    this.graph.setCurrent(null);
    this.input.highlight("current", null);
    this.output.highlight("current", null);
    this.timeline.setPosition(null);
    if (this.run) renderConsole($<HTMLOListElement>("console-compiled"), this.run.compiled);
    delete document.body.dataset.step;
    this.updateStepButtons();
  }

  private updateStepButtons(): void {
    const active = this.stepper.active;
    $<HTMLButtonElement>("btn-back").disabled = !active || this.stepper.position === 0;
    $<HTMLButtonElement>("btn-reset").disabled = !active;
    $<HTMLButtonElement>("btn-step").disabled = active && this.stepper.position === this.stepper.count - 1;
  }

  // --- keyboard ------------------------------------------------------------------

  private shortcut(event: KeyboardEvent): void {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      void this.runAll();
    } else if (event.key === "F10") {
      event.preventDefault();
      event.stopPropagation();
      void this.step(event.shiftKey ? -1 : 1);
    }
  }

  // --- sharing -------------------------------------------------------------------

  private scheduleHash(): void {
    document.body.dataset.hash = "pending";
    window.clearTimeout(this.hashTimer);
    this.hashTimer = window.setTimeout(() => {
      this.hashTimer = 0;
      void this.writeHash();
    }, HASH_DELAY_MS);
  }

  private async writeHash(): Promise<string> {
    document.body.dataset.hash = "pending";
    const write = ++this.hashWrites;
    const hash = `#${await encodeState({ code: this.input.text, options: this.options, diff: this.diff.visible })}`;
    // A later write (of a later state) started while this one was compressing: it wins.
    if (write !== this.hashWrites) return location.href;
    if (hash !== location.hash) {
      this.lastHash = hash;
      history.replaceState(null, "", hash);
    }
    if (!this.hashTimer) document.body.dataset.hash = "saved";
    return location.href;
  }

  private async restoreFromHash(): Promise<void> {
    if (location.hash === this.lastHash) return;
    const state = await decodeState(location.hash);
    if (!state) return;
    this.lastHash = location.hash;
    this.options = state.options;
    this.optionsPanel.value = state.options;
    this.input.setText(state.code);
    this.compileNow();
    this.toggleDiff(state.diff);
  }

  private async share(): Promise<void> {
    window.clearTimeout(this.hashTimer);
    this.hashTimer = 0;
    const url = await this.writeHash();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    toast(copied ? "Link copied: it restores this program and these options." : `Copy this link: ${url}`);
  }
}

let toastTimer = 0;
function toast(text: string): void {
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (box.hidden = true), 4000);
}

async function start(): Promise<void> {
  const shared = await decodeState(location.hash);
  const initial: SharedState = shared ?? { code: DEFAULT_EXAMPLE.code, options: { ...DEFAULT_OPTIONS }, diff: false };
  const playground = new Playground(initial);
  (window as unknown as { awaitlessPlayground: unknown }).awaitlessPlayground = {
    input: () => playground.inputText,
    output: () => playground.outputText,
    shownFunction: () => playground.shownFunction,
    cursor: () => playground.cursorPosition,
  };
}

void start();
