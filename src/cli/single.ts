// One input, one output: stdin or a file, compiled to stdout or --out-file.

import { resolve } from "node:path";
import { writeOutcome, type BuildContext } from "./build.js";
import { checkTargets, displayPath, type InputRoot } from "./files.js";
import { readSourceStdin } from "./source-text.js";
import { UsageError, type CliOptions, type CompileOutcome, type CompileTask } from "./types.js";

/** Compiles stdin (no root) or one file; returns the exit status. */
export async function runSingle(root: InputRoot | null, options: CliOptions, context: BuildContext): Promise<number> {
  const { cwd, reporter, settings } = context;
  if (root?.kind === "dir") {
    throw new UsageError(`${root.given} is a folder; compile folders with --out-dir`);
  }
  const output = options.outFile ? resolve(cwd, options.outFile) : null;
  // Loaded here, not up front, so that --help and usage errors stay quick.
  const { compileFile, compileSource } = await import("./compile-file.js");
  let task: CompileTask;
  let outcome: CompileOutcome;
  if (root) {
    task = { kind: "compile", input: root.path, output, display: displayPath(root.path, cwd) };
    if (output) checkTargets([task], options, cwd);
    outcome = await compileFile(task, settings, cwd);
  } else {
    const name = options.filename ?? "stdin";
    task = { kind: "compile", input: resolve(cwd, name), output, display: name };
    outcome = compileSource(await readSourceStdin(), task, settings, cwd);
  }
  for (const warning of outcome.warnings) reporter.warning(task.display, warning);
  if (outcome.kind === "failed") {
    reporter.failure(task.display, outcome.failure);
    return 1;
  }
  if (output) {
    const done = await writeOutcome(task, outcome, cwd, root !== null);
    if (done.kind === "failed") {
      reporter.failure(task.display, done.failure);
      return 1;
    }
    reporter.detail(`${task.display} -> ${displayPath(output, cwd)}${outcome.kind === "unchanged" ? " (unchanged)" : ""}`);
    return 0;
  }
  await writeStdout(outcome.code);
  return 0;
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolveWrite) => {
    // A closed pipe (`| head`) is not an error worth a stack trace.
    process.stdout.once("error", () => resolveWrite());
    process.stdout.write(text, () => resolveWrite());
  });
}
