// What the CLI tells the user, all on stderr (stdout carries only compiled
// code): errors with file:line:column and a code frame, warnings, a one-line
// progress indicator when stderr is a terminal, and the closing summary.

import type { Failure } from "./types.js";

export interface ReporterOptions {
  quiet: boolean;
  verbose: boolean;
}

export interface BuildStats {
  compiled: number;
  transformed: number;
  copied: number;
  failed: number;
  milliseconds: number;
}

interface ErrorStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

const PROGRESS_INTERVAL_MS = 80;

export class Reporter {
  private progressShown = false;
  private lastProgress = 0;
  private readonly stream: ErrorStream;

  constructor(
    readonly options: ReporterOptions,
    stream: ErrorStream = process.stderr,
  ) {
    this.stream = stream;
  }

  /** Progress is drawn only on a terminal, and not when every file gets its own line. */
  get showsProgress(): boolean {
    return Boolean(this.stream.isTTY) && !this.options.quiet && !this.options.verbose;
  }

  progress(done: number, total: number, current: string): void {
    if (!this.showsProgress || total < 2) return;
    const now = Date.now();
    if (done < total && now - this.lastProgress < PROGRESS_INTERVAL_MS) return;
    this.lastProgress = now;
    const width = Math.max(30, (this.stream.columns || 80) - 1);
    const counter = `[${String(done).padStart(String(total).length)}/${total}] `;
    // A long path loses its start: the file name is what tells files apart.
    const room = width - counter.length;
    const name = current.length > room ? "…" + current.slice(current.length - room + 1) : current;
    this.stream.write(`\r\x1b[K${counter}${name}`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (!this.progressShown) return;
    this.stream.write("\r\x1b[K");
    this.progressShown = false;
  }

  /** Always shown, --quiet or not. */
  failure(display: string, failure: Failure): void {
    this.print(formatFailure(display, failure, this.options.verbose));
  }

  warning(display: string, message: string): void {
    if (!this.options.quiet) this.print(`${display}: warning: ${message}`);
  }

  /** A line shown unless --quiet. */
  info(message: string): void {
    if (!this.options.quiet) this.print(message);
  }

  /** A line shown only with --verbose. */
  detail(message: string): void {
    if (this.options.verbose) this.print(message);
  }

  summary(stats: BuildStats): void {
    if (!this.options.quiet) this.print(formatSummary(stats));
  }

  /** Usage errors and the like: one line, whatever the verbosity. */
  error(message: string): void {
    this.print(message);
  }

  private print(text: string): void {
    this.clearProgress();
    this.stream.write(text.endsWith("\n") ? text : text + "\n");
  }
}

export function formatFailure(display: string, failure: Failure, verbose: boolean): string {
  switch (failure.kind) {
    case "syntax":
      return `${display}:${failure.line}:${failure.column}: SyntaxError: ${failure.message}\n\n${failure.frame}\n\n`;
    case "unsupported":
      return `${display}:${failure.line}:${failure.column}: not supported: ${failure.message}\n\n${failure.frame}\n\n`;
    case "not-text":
    case "too-deep":
    case "io":
      return `${display}: ${failure.message}`;
    case "internal": {
      let text = `${display}: internal error: ${failure.message}\n` + "This is a bug in awaitless, not in your code; please report it with the file that triggers it.";
      if (verbose && failure.stack) text += `\n${failure.stack}`;
      return text;
    }
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "compiled 132 files, 62 transformed, in 0.9 s" (copies and failures when there are some). */
export function formatSummary(stats: BuildStats): string {
  const parts = [`compiled ${plural(stats.compiled, "file")}`, `${stats.transformed} transformed`];
  if (stats.copied) parts.push(`${stats.copied} copied`);
  if (stats.failed) parts.push(`${stats.failed} failed`);
  return `${parts.join(", ")}, in ${formatSeconds(stats.milliseconds)}`;
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${seconds < 0.1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}
