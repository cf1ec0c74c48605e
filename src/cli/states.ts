// `awaitless --states [table|json|dot] files…`: prints the state model of
// each input (stdin too) instead of writing compiled code.

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { inspect } from "../inspect.js";
import { AwaitlessSyntaxError, AwaitlessUnsupportedError } from "../errors.js";
import { formatStates } from "../states-format.js";
import { displayPath, type InputRoot } from "./files.js";
import { UsageError, type CliOptions } from "./types.js";
import type { BuildContext } from "./build.js";

export async function runStates(roots: InputRoot[] | null, options: CliOptions, context: BuildContext): Promise<number> {
  const { cwd, reporter, settings } = context;
  const inputs: Array<{ display: string; path: string; read: () => Promise<string> }> = [];
  if (roots === null) {
    const name = options.filename ?? "stdin";
    inputs.push({ display: name, path: resolve(cwd, name), read: readStdin });
  } else {
    for (const root of roots) {
      if (root.kind === "dir") throw new UsageError(`${root.given} is a folder; --states takes files`);
      inputs.push({ display: displayPath(root.path, cwd), path: root.path, read: () => readFile(root.path, "utf8") });
    }
  }
  let status = 0;
  for (const input of inputs) {
    try {
      const { functions } = inspect(await input.read(), {
        filename: input.path,
        sourceType: settings.sourceType,
        runtime: settings.runtime,
      });
      process.stdout.write(formatStates(functions, input.display, options.states!));
    } catch (error) {
      if (error instanceof AwaitlessSyntaxError || error instanceof AwaitlessUnsupportedError) {
        const kind = error instanceof AwaitlessSyntaxError ? "syntax" : "unsupported";
        reporter.failure(input.display, { kind, message: error.reason, line: error.line, column: error.column, frame: error.frame });
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

async function readStdin(): Promise<string> {
  process.stdin.setEncoding("utf8");
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
