// The command line: the commander program (options, help with examples) and
// the check that turns what was typed into CliOptions, or a usage error.

import { Command, Option } from "commander";
import { UsageError, type CliOptions, type SourceMapMode } from "./types.js";

export const DEFAULT_EXTENSIONS = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"];

const EXAMPLES = `
Examples:
  awaitless src -d lib                      compile the folder src into lib
  awaitless src -d lib --source-maps        ... with a .map file beside each output
  awaitless src -d lib --copy-files         ... and copy the files it does not compile
  awaitless app.js -o app.es5.js            compile one file
  awaitless < app.js > app.es5.js           stdin to stdout
  awaitless src -d lib --runtime import     import the runtime from "awaitless/runtime"
  awaitless src -d lib --watch              recompile files as they change

Inputs named on the command line are always compiled; in folders, files with
one of the --extensions are compiled, except those --ignore or --only leave
out, and dotfiles and node_modules are skipped. Outputs keep the input's file
extension unless --out-file-extension is given. Messages go to stderr; stdout
carries only compiled code.

Exit status: 0 success, 1 a file failed to compile, 2 usage error.
`;

export interface ParsedCommandLine {
  program: Command;
  /** Words taken by `--source-maps` that are not a mode: they were inputs. */
  stolen: string[];
}

export function createProgram(version: string): ParsedCommandLine {
  const stolen: string[] = [];
  const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...splitList(value)];
  const program = new Command()
    .name("awaitless")
    .usage("[options] [files or folders...]")
    .description("Compile async functions, generators and for-await into explicit state machines with a small runtime.")
    .argument("[inputs...]", "files or folders to compile; none, or -, reads stdin")
    .option("-o, --out-file <file>", "write the output of the one input to <file>")
    .option("-d, --out-dir <dir>", "compile files and folders into <dir>, keeping their relative paths")
    .option("--copy-files", "with --out-dir, also copy the files that are not compiled")
    .option("--no-copy-ignored", "with --copy-files, do not copy files that --ignore/--only leave out")
    .option("--include-dotfiles", "also take files and folders whose names start with a dot")
    .option("-x, --extensions <list>", "comma-separated extensions to compile in folders", DEFAULT_EXTENSIONS.join(","))
    .option("--ignore <globs>", "leave out files matching these comma-separated globs (repeatable)", collect)
    .option("--only <globs>", "compile only files matching these comma-separated globs (repeatable)", collect)
    .option("--out-file-extension <ext>", "give outputs this extension (default: the input's)")
    .option(
      "-s, --source-maps [mode]",
      "write source maps: true (a .map file), inline or both",
      (value: string) => {
        if (/^(true|false|inline|both)$/.test(value)) return value;
        // `--source-maps src -d lib`: "src" is an input, not a mode.
        stolen.push(value);
        return true;
      },
    )
    .addOption(new Option("--runtime <mode>", "how compiled code reaches the runtime").choices(["inline", "import", "global"]).default("inline"))
    .option("--global-name <name>", 'the global holding the runtime with --runtime global (default "awaitlessRuntime")')
    .option("--runtime-module <specifier>", 'the module imported with --runtime import (default "awaitless/runtime")')
    .addOption(
      new Option("--source-type <type>", "how inputs are parsed").choices(["module", "script", "unambiguous"]).default("module"),
    )
    .option("-f, --filename <name>", "the file name stdin is compiled as (errors, source maps, .ts syntax)")
    .option("--states [format]", "print each function's states instead of the code: table (default), json or dot", (value: string) => {
      if (/^(table|json|dot)$/.test(value)) return value;
      // `--states f.js`: "f.js" is an input, not a format.
      stolen.push(value);
      return "table";
    })
    .option("--annotate", "comment each state in the output with the source line it resumes at")
    .option("-w, --watch", "recompile files when they change")
    .option("-j, --jobs <n>", "worker threads for large builds (default: one per core when it pays; 1: none)")
    .option("-q, --quiet", "print only errors")
    .option("--verbose", "print every file written")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "print this help")
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError(true);
  return { program, stolen };
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function sourceMapMode(value: unknown): SourceMapMode | null {
  if (value === undefined || value === "false") return null;
  if (value === true || value === "true") return "file";
  return value as SourceMapMode;
}

/** The parsed command line as CliOptions; contradictions are usage errors. */
export function toCliOptions(parsed: ParsedCommandLine): CliOptions {
  const { program, stolen } = parsed;
  const raw = program.opts();
  const inputs = [...program.args, ...stolen];
  const extensions = splitList(String(raw.extensions)).map((ext) => (ext.startsWith(".") ? ext : "." + ext).toLowerCase());
  if (extensions.length === 0) throw new UsageError("--extensions needs at least one extension");
  let jobs: number | null = null;
  if (raw.jobs !== undefined) {
    jobs = Number(raw.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of 1 or more (got ${JSON.stringify(raw.jobs)})`);
  }
  let outFileExtension: string | null = raw.outFileExtension ?? null;
  if (outFileExtension !== null && !outFileExtension.startsWith(".")) outFileExtension = "." + outFileExtension;

  const options: CliOptions = {
    inputs,
    outFile: raw.outFile ?? null,
    outDir: raw.outDir ?? null,
    copyFiles: Boolean(raw.copyFiles),
    copyIgnored: raw.copyIgnored !== false,
    includeDotfiles: Boolean(raw.includeDotfiles),
    extensions,
    ignore: raw.ignore ?? [],
    only: raw.only ?? [],
    outFileExtension,
    sourceMaps: sourceMapMode(raw.sourceMaps),
    runtime: raw.runtime,
    globalName: raw.globalName ?? null,
    runtimeModule: raw.runtimeModule ?? null,
    sourceType: raw.sourceType,
    filename: raw.filename ?? null,
    watch: Boolean(raw.watch),
    jobs,
    quiet: Boolean(raw.quiet),
    verbose: Boolean(raw.verbose),
    states: raw.states === undefined ? null : raw.states === true ? "table" : raw.states,
    annotate: Boolean(raw.annotate),
  };
  checkCombinations(options);
  return options;
}

function checkCombinations(options: CliOptions): void {
  const stdin = options.inputs.length === 0 || (options.inputs.length === 1 && options.inputs[0] === "-");
  if (options.inputs.length > 1 && options.inputs.includes("-")) throw new UsageError("- (stdin) cannot be combined with other inputs");
  if (options.outFile && options.outDir) throw new UsageError("--out-file and --out-dir cannot be used together");
  if (options.quiet && options.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  if (options.outDir && stdin) throw new UsageError("--out-dir needs files or folders to compile");
  if (options.copyFiles && !options.outDir) throw new UsageError("--copy-files needs --out-dir");
  if (options.outFileExtension && !options.outDir) throw new UsageError("--out-file-extension needs --out-dir");
  if (options.filename && !stdin) throw new UsageError("--filename names stdin input; files keep their own names");
  if (options.watch && stdin) throw new UsageError("--watch needs files or folders, not stdin");
  if (options.watch && !options.outFile && !options.outDir) throw new UsageError("--watch needs --out-file or --out-dir");
  if (options.globalName && options.runtime !== "global") throw new UsageError("--global-name needs --runtime global");
  if (options.runtimeModule && options.runtime !== "import") throw new UsageError("--runtime-module needs --runtime import");
  if (options.states && (options.outFile || options.outDir || options.watch)) {
    throw new UsageError("--states prints the states to stdout; it cannot be combined with --out-file, --out-dir or --watch");
  }
}
