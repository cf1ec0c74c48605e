// The awaitless command line (bin/awaitless.js runs `run`): parses the
// options, then compiles stdin or one file (single.ts), a build into an
// output folder (files.ts + build.ts), or keeps watching (watch.ts).

import { readFileSync } from "node:fs";
import { CommanderError } from "commander";
import { createProgram, toCliOptions } from "./cli/options.js";
import { resolveInputs, planBuild } from "./cli/files.js";
import { runTasks, type BuildContext } from "./cli/build.js";
import { runSingle } from "./cli/single.js";
import { runWatch } from "./cli/watch.js";
import { Reporter } from "./cli/report.js";
import { removePendingTemporaries } from "./cli/write.js";
import { UsageError, type CliOptions, type CompileSettings } from "./cli/types.js";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const USAGE_HINT = 'Run "awaitless --help" for usage.';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function usageError(message: string): number {
  process.stderr.write(`awaitless: ${message}\n${USAGE_HINT}\n`);
  return EXIT_USAGE;
}

/** Runs the command for `argv` (without node and the script); resolves to the exit status. */
export async function run(argv: string[], cwd: string = process.cwd()): Promise<number> {
  const parsed = createProgram(packageVersion());
  parsed.program.exitOverride().configureOutput({
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    // Commander's "error: unknown option '--x'\n(Did you mean --y?)" as one line.
    outputError: () => {},
  });
  let options: CliOptions;
  try {
    parsed.program.parse(argv, { from: "user" });
    options = toCliOptions(parsed);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      return usageError(error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " "));
    }
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }

  const reporter = new Reporter({ quiet: options.quiet, verbose: options.verbose });
  const settings: CompileSettings = {
    annotate: options.annotate,
    runtime: options.runtime,
    sourceType: options.sourceType,
    globalName: options.globalName,
    runtimeModule: options.runtimeModule,
    sourceMaps: options.sourceMaps,
  };
  const context: BuildContext = { settings, cwd, reporter, jobs: options.jobs };
  stopCleanlyOnSignals();

  try {
    const stdin = options.inputs.length === 0 || options.inputs[0] === "-";
    if (stdin) {
      if (options.inputs.length === 0 && process.stdin.isTTY) {
        throw new UsageError("no input: name files or folders, or pipe code into stdin");
      }
      if (options.states) return await (await loadStates())(null, options, context);
      return await runSingle(null, options, context);
    }
    const roots = await resolveInputs(options.inputs, cwd);
    if (options.states) return await (await loadStates())(roots, options, context);
    if (options.watch) return await runWatch(roots, options, context);
    if (!options.outDir) {
      if (roots.length > 1) throw new UsageError("several inputs need --out-dir (--out-file and stdout take one)");
      return await runSingle(roots[0], options, context);
    }
    const tasks = await planBuild(roots, options, cwd);
    if (tasks.length === 0) {
      reporter.info(`awaitless: no files to compile in ${options.inputs.join(", ")} (extensions: ${options.extensions.join(",")})`);
      return EXIT_OK;
    }
    const stats = await runTasks(tasks, context);
    reporter.summary(stats);
    return stats.failed > 0 ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    const err = error instanceof Error ? error : new Error(String(error));
    reporter.error(`awaitless: internal error: ${err.message}\nThis is a bug in awaitless; please report it.`);
    if (options.verbose && err.stack) reporter.error(err.stack);
    return EXIT_FAILED;
  }
}

/**
 * `--states` needs the compiler's inspect(), loaded only when asked for: like
 * the compile paths (build.ts, single.ts), it is kept out of the start-up of
 * `--help`, `--version` and a parallel build's main thread.
 */
async function loadStates(): Promise<typeof import("./cli/states.js").runStates> {
  return (await import("./cli/states.js")).runStates;
}

/** Ctrl-C or a kill mid-write leaves no temporary file behind. */
function stopCleanlyOnSignals(): void {
  for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      removePendingTemporaries();
      process.exit(status);
    });
  }
}
