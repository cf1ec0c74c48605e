// The parser front end: @babel/parser with the syntax the file needs, and
// its errors turned into AwaitlessSyntaxError with a code frame.

import { parse as babelParse, type ParserPlugin } from "@babel/parser";
import type * as t from "@babel/types";
import type { NormalizedOptions } from "./options.js";
import { AwaitlessSyntaxError, codeFrame } from "./errors.js";

/** The syntax plugins for a file: TypeScript and JSX by its options, and recent proposals. */
export function parserPlugins(options: NormalizedOptions): ParserPlugin[] {
  const plugins: ParserPlugin[] = [];
  if (options.typescript) plugins.push("typescript");
  if (options.jsx) plugins.push("jsx");
  // Syntax newer than the compiler's own concern, parsed so that files using
  // it still compile (and pass through unchanged where nothing is lowered).
  plugins.push("explicitResourceManagement", "importAttributes", "decorators", "sourcePhaseImports", "deferredImportEvaluation");
  return plugins;
}

export function parse(code: string, options: NormalizedOptions): t.File {
  const plugins = parserPlugins(options);
  try {
    return babelParse(code, {
      sourceType: options.sourceType,
      sourceFilename: options.filename,
      plugins,
      // Lowering never reads comments' attachment; generation keeps them.
      attachComment: true,
      errorRecovery: false,
    });
  } catch (error) {
    throw toSyntaxError(error, code, options.filename);
  }
}

interface BabelParseError extends Error {
  loc?: { line: number; column: number };
}

export function toSyntaxError(error: unknown, code: string, filename: string): unknown {
  const parseError = error as BabelParseError;
  if (!parseError || !parseError.loc) return error;
  const { line, column } = parseError.loc;
  const reason = parseError.message.replace(/\s*\(\d+:\d+\)$/, "");
  return new AwaitlessSyntaxError(reason, filename, line, column + 1, codeFrame(code, line, column + 1, reason));
}
