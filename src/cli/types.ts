// The shapes the parts of the CLI hand each other. Everything that crosses to
// a worker thread (settings, tasks, outcomes) is plain data.

import type { RuntimeMode, SourceType } from "../pipeline/options.js";

/** "file": a .map file beside the output; "inline": a data URL comment; "both". */
export type SourceMapMode = "file" | "inline" | "both";

/** The command line, checked and normalised. */
import type { StatesFormat } from "./states-format.js";

export interface CliOptions {
  /** Files and folders as typed; "-" is stdin. */
  inputs: string[];
  outFile: string | null;
  outDir: string | null;
  copyFiles: boolean;
  copyIgnored: boolean;
  includeDotfiles: boolean;
  /** Lower-case, each with its leading dot. */
  extensions: string[];
  ignore: string[];
  only: string[];
  /** With its leading dot; null keeps each input's extension. */
  outFileExtension: string | null;
  sourceMaps: SourceMapMode | null;
  runtime: RuntimeMode;
  globalName: string | null;
  runtimeModule: string | null;
  sourceType: SourceType;
  /** The name stdin is compiled as. */
  filename: string | null;
  watch: boolean;
  /** null: decide from the number of files and cores. */
  jobs: number | null;
  quiet: boolean;
  verbose: boolean;
  /** Print the state model in this format instead of compiling to files. */
  states: StatesFormat | null;
  annotate: boolean;
}

/** What compiling any file needs besides the file itself. */
export interface CompileSettings {
  annotate: boolean;
  runtime: RuntimeMode;
  sourceType: SourceType;
  globalName: string | null;
  runtimeModule: string | null;
  sourceMaps: SourceMapMode | null;
}

export interface CompileTask {
  kind: "compile";
  /** Absolute path of the input. */
  input: string;
  /** Absolute path of the output; null writes to stdout. */
  output: string | null;
  /** The input as shown to the user (relative to the working directory). */
  display: string;
}

export interface CopyTask {
  kind: "copy";
  input: string;
  output: string;
  display: string;
}

export type Task = CompileTask | CopyTask;

export type CompileOutcome =
  | {
      kind: "transformed" | "unchanged";
      /** The output text, source map comment included. */
      code: string;
      /** JSON of the .map file to write beside the output, if any. */
      map: string | null;
      warnings: string[];
    }
  | { kind: "failed"; failure: Failure; warnings: string[] };

export interface Failure {
  /**
   * syntax: the input is not valid; unsupported: valid, but not lowered;
   * not-text: the input is not UTF-8 text (see source-text.ts); too-deep:
   * nested beyond what even a large stack holds; io: a file could not be
   * read or written; internal: a compiler bug.
   */
  kind: "syntax" | "unsupported" | "not-text" | "too-deep" | "io" | "internal";
  message: string;
  line?: number;
  column?: number;
  frame?: string;
  /** Only for internal errors, shown with --verbose. */
  stack?: string;
}

/** An error in how the command was used: one line, the usage hint, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
