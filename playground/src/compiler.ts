// The compiler as the playground calls it: `inspect` for what is shown (code
// plus the state model with output ranges), a second compile with the runtime
// as a global for what is run, and every failure turned into a plain record
// the page can show at its line.

import {
  inspect,
  AwaitlessSyntaxError,
  AwaitlessUnsupportedError,
  type FunctionModel,
  type RuntimeMode,
  type SourceType,
  type TransformOptions,
} from "../../src/index.ts";

export interface PlaygroundOptions {
  runtime: RuntimeMode;
  sourceType: SourceType;
  /** A comment at each resume state with the source line (passed through as `annotate`). */
  annotate: boolean;
}

export const DEFAULT_OPTIONS: PlaygroundOptions = { runtime: "import", sourceType: "module", annotate: true };

export interface CompileError {
  kind: "syntax" | "unsupported" | "internal";
  /** The message without its location. */
  reason: string;
  /** 1-based line, or null when the error has no place in the input. */
  line: number | null;
  /** 1-based column. */
  column: number | null;
}

export type CompileResult =
  | { ok: true; code: string; functions: FunctionModel[] }
  | { ok: false; error: CompileError };

/** The global the run's compiled code reads its runtime from. */
export const RUN_GLOBAL = "awaitlessRuntime";

function compilerOptions(options: PlaygroundOptions, runtime: RuntimeMode): TransformOptions {
  // `annotate` is not in TransformOptions yet; the compiler ignores options it does not know.
  const withAnnotate: TransformOptions & { annotate?: boolean } = {
    filename: "input.js",
    sourceType: options.sourceType,
    runtime,
    globalName: RUN_GLOBAL,
    annotate: options.annotate,
  };
  return withAnnotate;
}

/** What the output panel shows: the code in the chosen runtime mode and its state model. */
export function compileForDisplay(code: string, options: PlaygroundOptions): CompileResult {
  return guarded(() => inspect(code, compilerOptions(options, options.runtime)));
}

/** What Run executes: the same lowering, its runtime read from the global RUN_GLOBAL. */
export function compileForRun(code: string, options: PlaygroundOptions): CompileResult {
  return guarded(() => inspect(code, compilerOptions(options, "global")));
}

function guarded(run: () => { code: string; functions: FunctionModel[] }): CompileResult {
  try {
    const result = run();
    return { ok: true, code: result.code, functions: result.functions };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export function describeError(error: unknown): CompileError {
  if (error instanceof AwaitlessSyntaxError) {
    return { kind: "syntax", reason: error.reason, line: error.line, column: error.column };
  }
  if (error instanceof AwaitlessUnsupportedError) {
    return { kind: "unsupported", reason: error.reason, line: error.line, column: error.column };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "internal", reason: message, line: null, column: null };
}
