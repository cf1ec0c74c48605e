// The diff of the input against the output (@codemirror/merge): side by side
// where there is room, unified (the input's lines shown as deletions above
// the output's) on narrow screens. Both sides are read-only.

import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { MergeView, unifiedMergeView } from "@codemirror/merge";
import { editorSetup } from "./editor-setup.ts";

const NARROW = "(max-width: 760px)";

const readOnly = (label: string) => [editorSetup(label), EditorState.readOnly.of(true), EditorView.theme({ "&": { height: "auto" } })];

export class DiffView {
  private merge: MergeView | null = null;
  private unified: EditorView | null = null;
  private shown: { input: string; output: string } | null = null;

  constructor(private readonly parent: HTMLElement) {}

  get visible(): boolean {
    return !this.parent.hidden;
  }

  /** Shows (or refreshes) the diff of `input` against `output`. */
  show(input: string, output: string): void {
    this.parent.hidden = false;
    const narrow = window.matchMedia(NARROW).matches;
    const same = this.shown && this.shown.input === input && this.shown.output === output;
    if (same && (narrow ? this.unified : this.merge)) return;
    this.destroy();
    this.shown = { input, output };
    if (narrow) {
      this.unified = new EditorView({
        parent: this.parent,
        state: EditorState.create({
          doc: output,
          extensions: [
            ...readOnly("Diff of the input against the output"),
            unifiedMergeView({ original: input, mergeControls: false, gutter: true, highlightChanges: false, syntaxHighlightDeletions: true }),
          ],
        }),
      });
    } else {
      this.merge = new MergeView({
        parent: this.parent,
        a: { doc: input, extensions: readOnly("Input, in the diff") },
        b: { doc: output, extensions: readOnly("Output, in the diff") },
        gutter: true,
        // Lowering rewrites whole functions: changed lines say it better than marks on every word.
        highlightChanges: false,
      });
    }
  }

  hide(): void {
    this.parent.hidden = true;
    this.destroy();
  }

  private destroy(): void {
    this.merge?.destroy();
    this.unified?.destroy();
    this.merge = null;
    this.unified = null;
    this.shown = null;
    this.parent.replaceChildren();
  }
}
