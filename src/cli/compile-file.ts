// Compiling one file to the text (and map) to write, without writing it.
// The same function runs on the main thread and in workers, so a parallel
// build writes exactly what a serial one does.

import { basename, dirname } from "node:path";
import { transform } from "../pipeline/transform.js";
import { mayNeedLowering } from "./may-need-lowering.js";
import { AwaitlessSyntaxError, AwaitlessUnsupportedError, AwaitlessInputTooDeepError } from "../pipeline/errors.js";
import type { CompileOutcome, CompileSettings, CompileTask, Failure } from "./types.js";
import { ioFailure, notTextFailure } from "./failures.js";
import { readSourceFile, type SourceText } from "./source-text.js";
import {
  fileMapComment,
  findMapComment,
  identityMap,
  inlineMapComment,
  readInputMap,
  relativeSources,
  removeMapComment,
  type RawSourceMap,
} from "./source-maps.js";

export async function compileFile(task: CompileTask, settings: CompileSettings, cwd: string): Promise<CompileOutcome> {
  return compileInput(await readInput(task.input), task, settings, cwd);
}

/** An input file's text, or why it could not be read. */
export type Input = { source: SourceText } | { error: unknown };

/** Reads an input; never rejects (a read that fails is that file's failure). */
export function readInput(path: string): Promise<Input> {
  return readSourceFile(path).then(
    (source) => ({ source }),
    (error: unknown) => ({ error }),
  );
}

/** Compiles what readInput found. */
export function compileInput(input: Input, task: CompileTask, settings: CompileSettings, cwd: string): CompileOutcome {
  if ("error" in input) return { kind: "failed", failure: ioFailure("cannot read it", input.error), warnings: [] };
  return compileSource(input.source, task, settings, cwd);
}

/** A failure of the CLI's own code around the compiler becomes an internal error of that file. */
function internalFailure(error: unknown): CompileOutcome {
  const err = error instanceof Error ? error : new Error(String(error));
  return { kind: "failed", failure: { kind: "internal", message: err.message, stack: err.stack }, warnings: [] };
}

/**
 * `source` is the input as decodeSourceText found it: one that is not UTF-8
 * text fails without being compiled. `task.input` is the absolute path the
 * source is compiled as (it picks the syntax and is the map's source);
 * `task.output` is where the result goes, null for stdout (then a map can
 * only be inline).
 */
export function compileSource(source: SourceText, task: CompileTask, settings: CompileSettings, cwd: string): CompileOutcome {
  if (source.kind === "not-text") return { kind: "failed", failure: notTextFailure(source.reason), warnings: [] };
  try {
    return compileText(source.text, task, settings, cwd);
  } catch (error) {
    return internalFailure(error);
  }
}

function compileText(source: string, task: CompileTask, settings: CompileSettings, cwd: string): CompileOutcome {
  const warnings: string[] = [];
  const comment = findMapComment(source);
  // The input's own map comment never reaches the output: with source maps
  // on, the output gets its own; with them off, the old one would be stale.
  const code = comment ? removeMapComment(source, comment) : source;
  let inputMap: RawSourceMap | null = null;
  if (settings.sourceMaps && comment) {
    const read = readInputMap(comment.url, task.input);
    inputMap = read.map;
    if (read.warning) warnings.push(read.warning);
  }

  let output = code;
  let map: RawSourceMap | null = null;
  let transformed = false;
  if (mayNeedLowering(code)) {
    try {
      const result = transform(code, {
        filename: task.input,
        sourceType: settings.sourceType,
        runtime: settings.runtime,
        ...(settings.globalName !== null && { globalName: settings.globalName }),
        ...(settings.runtimeModule !== null && { runtimeModule: settings.runtimeModule }),
        sourceMaps: settings.sourceMaps !== null,
        inputSourceMap: inputMap,
        annotate: settings.annotate,
      });
      if (result.functions.length > 0) {
        transformed = true;
        output = result.code.endsWith("\n") ? result.code : result.code + "\n";
        map = result.map as RawSourceMap | null;
      }
    } catch (error) {
      return { kind: "failed", failure: compileFailure(error), warnings };
    }
  }

  if (settings.sourceMaps === null) return { kind: transformed ? "transformed" : "unchanged", code: output, map: null, warnings };

  // Unchanged text keeps the input's map as it is, or maps to itself.
  map ??= inputMap ? { ...inputMap } : identityMap(code, task.input);
  map = relativeSources(map, task.output ? dirname(task.output) : cwd);
  if (task.output) map.file = basename(task.output);
  else delete map.file;

  const separator = output === "" || output.endsWith("\n") ? "" : "\n";
  const mode = task.output ? settings.sourceMaps : "inline";
  let mapFile: string | null = null;
  if (mode === "file" || mode === "both") mapFile = JSON.stringify(map);
  if (mode === "file") output += separator + fileMapComment(task.output!) + "\n";
  else output += separator + inlineMapComment(map) + "\n";
  return { kind: transformed ? "transformed" : "unchanged", code: output, map: mapFile, warnings };
}

function compileFailure(error: unknown): Failure {
  if (error instanceof AwaitlessSyntaxError) {
    return { kind: "syntax", message: error.reason, line: error.line, column: error.column, frame: error.frame };
  }
  if (error instanceof AwaitlessUnsupportedError) {
    return { kind: "unsupported", message: error.reason, line: error.line, column: error.column, frame: error.frame };
  }
  if (error instanceof AwaitlessInputTooDeepError) {
    return { kind: "too-deep", message: error.reason };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { kind: "internal", message: err.message, stack: err.stack };
}
