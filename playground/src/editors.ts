// The two CodeMirror editors: the input (editable) and the output (read-only
// but focusable, so it can be read by keyboard), with the decorations the
// page puts on them: the selected and the hovered state's range, the state
// being stepped through, and a syntax error at its line.

import { EditorState, StateEffect, StateField, type Extension, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import type { OffsetRange } from "./model-query.ts";
import { editorSetup } from "./editor-setup.ts";

export type Layer = "selected" | "hover" | "current";

/** One kind of highlighted range: a mark over the text and a class on each of its lines. */
function highlightLayer(markClass: string, lineClass: string) {
  /** `lines`: mark whole lines only (the output's `case`s), no mark over the text. */
  const set = StateEffect.define<(OffsetRange & { lines?: boolean }) | null>();
  const field = StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(value, tr) {
      let decorations = value.map(tr.changes);
      for (const effect of tr.effects) {
        if (effect.is(set)) decorations = effect.value ? build(tr.state, effect.value) : Decoration.none;
      }
      return decorations;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
  function build(state: EditorState, range: OffsetRange & { lines?: boolean }): DecorationSet {
    const from = Math.min(range.from, state.doc.length);
    const to = Math.min(Math.max(range.to, from), state.doc.length);
    const ranges: Range<Decoration>[] = [];
    const first = state.doc.lineAt(from).number;
    const last = state.doc.lineAt(to).number;
    for (let n = first; n <= last; n++) ranges.push(Decoration.line({ class: lineClass }).range(state.doc.line(n).from));
    if (to > from && !range.lines) ranges.push(Decoration.mark({ class: markClass }).range(from, to));
    return Decoration.set(ranges, true);
  }
  return { set, field };
}

const LAYERS: Record<Layer, ReturnType<typeof highlightLayer>> = {
  selected: highlightLayer("cm-state-selected", "cm-state-selected-line"),
  hover: highlightLayer("cm-state-hover", "cm-state-hover-line"),
  current: highlightLayer("cm-state-current", "cm-state-current-line"),
};

export interface EditorError {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

class ErrorWidget extends WidgetType {
  constructor(readonly error: EditorError) {
    super();
  }
  override eq(other: ErrorWidget): boolean {
    return other.error.message === this.error.message && other.error.line === this.error.line;
  }
  toDOM(): HTMLElement {
    const box = document.createElement("div");
    box.className = "cm-error-message";
    box.setAttribute("role", "alert");
    box.dataset.line = String(this.error.line);
    box.textContent = `${this.error.message} (line ${this.error.line}, column ${this.error.column})`;
    return box;
  }
}

const setError = StateEffect.define<EditorError | null>();
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let decorations = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setError)) continue;
      const error = effect.value;
      if (!error) {
        decorations = Decoration.none;
        continue;
      }
      const doc = tr.state.doc;
      const line = doc.line(Math.min(Math.max(error.line, 1), doc.lines));
      const at = Math.min(line.from + Math.max(error.column - 1, 0), line.to);
      const ranges: Range<Decoration>[] = [
        Decoration.line({ class: "cm-error-line" }).range(line.from),
        Decoration.widget({ widget: new ErrorWidget(error), block: true, side: 1 }).range(line.to),
      ];
      if (at < line.to) ranges.push(Decoration.mark({ class: "cm-error-mark" }).range(at, at + 1));
      decorations = Decoration.set(ranges, true);
    }
    return decorations;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  readOnly: boolean;
  label: string;
  /** The text changed (the user typed, or setText). */
  onChange?: (text: string) => void;
  /** Highlight whole lines only, without a mark over the text. */
  lineHighlights?: boolean;
  /** The user moved the cursor without changing the text. */
  onCursor?: (offset: number) => void;
  extensions?: Extension[];
}

export class CodeEditor {
  readonly view: EditorView;
  private readonly lineHighlights: boolean;

  constructor(options: EditorOptions) {
    this.lineHighlights = options.lineHighlights ?? false;
    const listener = EditorView.updateListener.of((update: ViewUpdate) => {
      if (update.docChanged) options.onChange?.(update.state.doc.toString());
      else if (update.selectionSet && update.transactions.some((tr) => tr.isUserEvent("select"))) {
        options.onCursor?.(update.state.selection.main.head);
      }
    });
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({
        doc: options.doc,
        extensions: [
          editorSetup(options.label),
          EditorState.readOnly.of(options.readOnly),
          LAYERS.selected.field,
          LAYERS.hover.field,
          LAYERS.current.field,
          errorField,
          listener,
          ...(options.extensions ?? []),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  get doc() {
    return this.view.state.doc;
  }

  get cursor(): number {
    return this.view.state.selection.main.head;
  }

  /** Replaces the whole text (keeping the cursor where it can), clearing highlights. */
  setText(text: string): void {
    if (text === this.text) return;
    const head = Math.min(this.cursor, text.length);
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: { anchor: head },
      effects: [LAYERS.selected.set.of(null), LAYERS.hover.set.of(null), LAYERS.current.set.of(null)],
    });
  }

  highlight(layer: Layer, range: OffsetRange | null, scroll = false): void {
    const effects: StateEffect<unknown>[] = [LAYERS[layer].set.of(range && { ...range, lines: this.lineHighlights })];
    if (range && scroll) effects.push(EditorView.scrollIntoView(range.from, { y: "nearest", yMargin: 40 }));
    this.view.dispatch({ effects });
  }

  showError(error: EditorError | null): void {
    const effects: StateEffect<unknown>[] = [setError.of(error)];
    this.view.dispatch({ effects });
  }

  moveCursor(offset: number): void {
    this.view.dispatch({ selection: { anchor: Math.min(offset, this.view.state.doc.length) }, scrollIntoView: true });
  }
}
