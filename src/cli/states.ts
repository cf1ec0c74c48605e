// `awaitless --states [table|json|dot] files…`: prints the state model of
// each input (stdin too) instead of writing compiled code.

import { resolve } from "node:path";
import { inspect } from "../pipeline/inspect.js";
import { AwaitlessSyntaxError, AwaitlessUnsupportedError, AwaitlessInputTooDeepError } from "../pipeline/errors.js";
import { formatStates } from "./states-format.js";
import { displayPath, type InputRoot } from "./files.js";
import { notTextFailure } from "./failures.js";
import { readSourceFile, readSourceStdin, type SourceText } from "./source-text.js";
import { UsageError, type CliOptions } from "./types.js";
import type { BuildContext } from "./build.js";

export async function runStates(roots: InputRoot[] | null, options: CliOptions, context: BuildContext): Promise<number> {
  const { cwd, reporter, settings } = context;
  const inputs: Array<{ display: string; path: string; read: () => Promise<SourceText> }> = [];
  if (roots === null) {
    const name = options.filename ?? "stdin";
    inputs.push({ display: name, path: resolve(cwd, name), read: readSourceStdin });
  } else {
    for (const root of roots) {
      if (root.kind === "dir") throw new UsageError(`${root.given} is a folder; --states takes files`);
      inputs.push({ display: displayPath(root.path, cwd), path: root.path, read: () => readSourceFile(root.path) });
    }
  }
  let status = 0;
  for (const input of inputs) {
    try {
      const source = await input.read();
      if (source.kind === "not-text") {
        reporter.failure(input.display, notTextFailure(source.reason));
        status = 1;
        continue;
      }
      const { functions } = inspect(source.text, {
        filename: input.path,
        sourceType: settings.sourceType,
        runtime: settings.runtime,
      });
      process.stdout.write(formatStates(functions, input.display, options.states!));
    } catch (error) {
      if (error instanceof AwaitlessSyntaxError || error instanceof AwaitlessUnsupportedError) {
        const kind = error instanceof AwaitlessSyntaxError ? "syntax" : "unsupported";
        reporter.failure(input.display, { kind, message: error.reason, line: error.line, column: error.column, frame: error.frame });
      } else if (error instanceof AwaitlessInputTooDeepError) {
        reporter.failure(input.display, { kind: "too-deep", message: error.reason });
      } else if ((error as NodeJS.ErrnoException)?.code) {
        reporter.failure(input.display, { kind: "io", message: (error as Error).message });
      } else {
        throw error;
      }
      status = 1;
    }
  }
  return status;
}
