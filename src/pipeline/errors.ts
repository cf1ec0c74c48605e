// Errors users see: a syntax error in their input, with where it is and a
// code frame, never a stack trace from inside the compiler. Characters a
// terminal would show as nothing or as garbage (control characters, lone
// surrogates) appear in messages and code frames as \uXXXX escapes.

import { codeFrameColumns } from "@babel/code-frame";

export class AwaitlessSyntaxError extends SyntaxError {
  readonly code = "AWAITLESS_SYNTAX_ERROR";
  /** The message without location, e.g. "Unexpected token (3:4)" minus the position; unprintable characters escaped. */
  readonly reason: string;
  constructor(
    reason: string,
    readonly filename: string,
    /** 1-based line. */
    readonly line: number,
    /** 1-based column. */
    readonly column: number,
    readonly frame: string,
  ) {
    super(locatedMessage(reason, filename, line, column, frame));
    this.reason = visible(reason);
    this.name = "SyntaxError";
  }
}

/** Valid input that awaitless cannot compile (yet), reported like a syntax error. */
export class AwaitlessUnsupportedError extends Error {
  readonly code = "AWAITLESS_UNSUPPORTED";
  /** Unprintable characters escaped, as in AwaitlessSyntaxError. */
  readonly reason: string;
  constructor(
    reason: string,
    readonly filename: string,
    /** 1-based line. */
    readonly line: number,
    /** 1-based column. */
    readonly column: number,
    readonly frame: string,
  ) {
    super(locatedMessage(reason, filename, line, column, frame));
    this.reason = visible(reason);
    this.name = "AwaitlessUnsupportedError";
  }
}

/** `file:line:column: reason`, then the code frame: the message of both errors above. */
function locatedMessage(reason: string, filename: string, line: number, column: number, frame: string): string {
  return `${visible(filename)}:${line}:${column}: ${visible(reason)}\n\n${frame}`;
}

/**
 * C0 control characters except tab and line breaks, DEL, C1 control
 * characters, and surrogates that are not half of a pair: on a terminal they
 * show as nothing, move the cursor, or break the output's encoding.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeCharacter(character: string): string {
  return "\\u" + character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/** `text` with every unprintable character as a \uXXXX escape (NUL becomes `\u0000`). */
export function visible(text: string): string {
  return text.replace(UNPRINTABLE, escapeCharacter);
}

/** What @babel/code-frame splits lines on. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Input nested more deeply than even a large stack holds (or, where there are
 * no worker threads to retry on, than the caller's stack holds): reported
 * with the file's name instead of a bare RangeError. See src/host/large-stack.ts.
 */
export class AwaitlessInputTooDeepError extends Error {
  readonly code = "AWAITLESS_INPUT_TOO_DEEP";
  readonly reason = "the input is nested too deeply to compile (the compiler ran out of stack)";
  constructor(readonly filename: string) {
    super(`${filename}: the input is nested too deeply to compile (the compiler ran out of stack)`);
    this.name = "AwaitlessInputTooDeepError";
  }
}

/**
 * A code frame around `line`:`column` (1-based), unprintable characters in
 * the source shown escaped and the marker moved to match.
 */
export function codeFrame(source: string, line: number, column: number, message?: string): string {
  let shownSource = source;
  let shownColumn = column;
  if (source.search(UNPRINTABLE) !== -1) {
    const lines = source.split(LINE_BREAK);
    const marked = lines[line - 1];
    if (marked !== undefined) {
      // Each escape is one UTF-16 unit widened to six characters.
      for (const match of marked.matchAll(UNPRINTABLE)) {
        if (match.index! < column - 1) shownColumn += escapeCharacter(match[0]).length - match[0].length;
      }
    }
    shownSource = lines.map(visible).join("\n");
  }
  const shownMessage = message === undefined ? undefined : visible(message);
  return codeFrameColumns(shownSource, { start: { line, column: shownColumn } }, { highlightCode: false, message: shownMessage });
}
