// Errors users see: a syntax error in their input, with where it is and a
// code frame, never a stack trace from inside the compiler.

import { codeFrameColumns } from "@babel/code-frame";

export class AwaitlessSyntaxError extends SyntaxError {
  readonly code = "AWAITLESS_SYNTAX_ERROR";
  constructor(
    /** The message without location, e.g. "Unexpected token (3:4)" minus the position. */
    readonly reason: string,
    readonly filename: string,
    /** 1-based line. */
    readonly line: number,
    /** 1-based column. */
    readonly column: number,
    readonly frame: string,
  ) {
    super(`${filename}:${line}:${column}: ${reason}\n\n${frame}`);
    this.name = "SyntaxError";
  }
}

/** Valid input that awaitless cannot compile (yet), reported like a syntax error. */
export class AwaitlessUnsupportedError extends Error {
  readonly code = "AWAITLESS_UNSUPPORTED";
  constructor(
    readonly reason: string,
    readonly filename: string,
    /** 1-based line. */
    readonly line: number,
    /** 1-based column. */
    readonly column: number,
    readonly frame: string,
  ) {
    super(`${filename}:${line}:${column}: ${reason}\n\n${frame}`);
    this.name = "AwaitlessUnsupportedError";
  }
}

export function codeFrame(source: string, line: number, column: number, message?: string): string {
  return codeFrameColumns(source, { start: { line, column } }, { highlightCode: false, message });
}
