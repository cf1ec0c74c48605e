// The compiler options in the toolbar (runtime mode, source type,
// annotations) and the examples menu.

import type { RuntimeMode, SourceType } from "../../src/index.ts";
import type { PlaygroundOptions } from "./compiler.ts";
import { EXAMPLES, type Example } from "./examples.ts";

export class OptionsPanel {
  private readonly runtime = document.getElementById("opt-runtime") as HTMLSelectElement;
  private readonly sourceType = document.getElementById("opt-source-type") as HTMLSelectElement;
  private readonly annotate = document.getElementById("opt-annotate") as HTMLInputElement;

  constructor(onChange: (options: PlaygroundOptions) => void) {
    for (const control of [this.runtime, this.sourceType, this.annotate]) {
      control.addEventListener("change", () => onChange(this.value));
    }
  }

  get value(): PlaygroundOptions {
    return {
      runtime: this.runtime.value as RuntimeMode,
      sourceType: this.sourceType.value as SourceType,
      annotate: this.annotate.checked,
    };
  }

  set value(options: PlaygroundOptions) {
    this.runtime.value = options.runtime;
    this.sourceType.value = options.sourceType === "script" ? "script" : "module";
    this.annotate.checked = options.annotate;
  }
}

export class ExamplesMenu {
  private readonly select = document.getElementById("example") as HTMLSelectElement;

  constructor(onPick: (example: Example) => void) {
    const placeholder = new Option("Your program", "");
    this.select.append(placeholder, ...EXAMPLES.map((example) => new Option(example.title, example.id)));
    this.select.addEventListener("change", () => {
      const example = EXAMPLES.find((e) => e.id === this.select.value);
      if (example) onPick(example);
    });
  }

  /** Shows which example the text is (or "Your program" once it is edited). */
  showFor(code: string): void {
    this.select.value = EXAMPLES.find((e) => e.code === code)?.id ?? "";
  }
}
