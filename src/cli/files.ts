// Which files a command works on and where each one goes: the inputs as typed
// (files and folders), the files found in folders (extensions, --ignore,
// --only, dotfiles, node_modules, the output folder itself), and the output
// path of each. Planning refuses, before anything is written, a command that
// would overwrite an input or write two inputs to one output.

import { realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { escapePath, glob } from "tinyglobby";
import { isTemporaryPath } from "./write.js";
import { UsageError, type CliOptions, type Task } from "./types.js";

export interface InputRoot {
  kind: "file" | "dir";
  /** Absolute. */
  path: string;
  /** As typed. */
  given: string;
}

/** A path as shown to the user: relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || ".";
  return toPosix(rel);
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
}

/** Checks that every input exists; a missing one is a usage error. */
export async function resolveInputs(inputs: string[], cwd: string): Promise<InputRoot[]> {
  const roots: InputRoot[] = [];
  for (const given of inputs) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = await stat(path);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (stats.isDirectory()) roots.push({ kind: "dir", path, given });
    else if (stats.isFile()) roots.push({ kind: "file", path, given });
    else throw new UsageError(`not a file or folder: ${given}`);
  }
  return roots;
}

export type Selection = "compile" | "copy" | null;

/**
 * Decides what happens to a file: compiled, copied (--copy-files) or left
 * alone. A file named on the command line is always compiled; filters apply
 * to the files found in folders.
 */
export function createSelector(options: CliOptions, cwd: string): (path: string, root: InputRoot) => Selection {
  const outDir = options.outDir ? resolve(cwd, options.outDir) : null;
  const ignore = options.ignore.length ? picomatch(options.ignore, { dot: true }) : null;
  const only = options.only.length ? picomatch(options.only, { dot: true }) : null;
  // A glob matches a file or any folder above it, relative to the working
  // directory or absolute: `--ignore src/legacy` leaves out the whole folder.
  const matches = (matcher: (path: string) => boolean, path: string): boolean => {
    for (let current = path; ; current = dirname(current)) {
      if (matcher(toPosix(relative(cwd, current))) || matcher(toPosix(current))) return true;
      if (dirname(current) === current || current === cwd) return false;
    }
  };
  return (path, root) => {
    if (root.kind === "file") return "compile";
    if (isTemporaryPath(path)) return null;
    if (outDir && isInside(path, outDir)) return null;
    const segments = relative(root.path, path).split(sep);
    if (segments.includes("node_modules")) return null;
    if (!options.includeDotfiles && segments.some((segment) => segment.startsWith("."))) return null;
    const excluded = (ignore !== null && matches(ignore, path)) || (only !== null && !matches(only, path));
    const lower = path.toLowerCase();
    const compilable = options.extensions.some((extension) => lower.endsWith(extension));
    if (compilable && !excluded) return "compile";
    if (options.copyFiles && (!excluded || options.copyIgnored)) return "copy";
    return null;
  };
}

/** Where a file found under `root` is written (--out-dir), or the --out-file. */
export function outputPath(path: string, root: InputRoot, kind: "compile" | "copy", options: CliOptions, cwd: string): string {
  if (options.outFile) return resolve(cwd, options.outFile);
  const outDir = resolve(cwd, options.outDir!);
  const rel = root.kind === "dir" ? relative(root.path, path) : basename(path);
  let target = join(outDir, rel);
  if (kind === "compile" && options.outFileExtension) {
    target = target.slice(0, target.length - extname(target).length) + options.outFileExtension;
  }
  return target;
}

/** Every task of an --out-dir build, in a stable order: inputs as typed, folders sorted. */
export async function planBuild(roots: InputRoot[], options: CliOptions, cwd: string): Promise<Task[]> {
  const select = createSelector(options, cwd);
  const outDir = resolve(cwd, options.outDir!);
  const tasks: Task[] = [];
  for (const root of roots) {
    if (root.kind === "file") {
      tasks.push(makeTask(root.path, root, "compile", options, cwd));
      continue;
    }
    if (root.path === outDir) {
      throw new UsageError(`the output folder is the input folder ${root.given}; choose another --out-dir`);
    }
    const ignore = ["**/node_modules/**"];
    if (isInside(outDir, root.path)) ignore.push(escapePath(toPosix(relative(root.path, outDir))) + "/**");
    const found = await glob("**/*", {
      cwd: root.path,
      dot: options.includeDotfiles,
      onlyFiles: true,
      ignore,
      expandDirectories: false,
    });
    found.sort();
    for (const rel of found) {
      const path = join(root.path, rel);
      const selection = select(path, root);
      if (selection) tasks.push(makeTask(path, root, selection, options, cwd));
    }
  }
  return checkTargets(tasks, options, cwd);
}

export function makeTask(path: string, root: InputRoot, kind: "compile" | "copy", options: CliOptions, cwd: string): Task {
  const display = displayPath(path, cwd);
  const output = outputPath(path, root, kind, options, cwd);
  return kind === "compile" ? { kind, input: path, output, display } : { kind, input: path, output, display };
}

/** The real path of a file that may not exist yet (its nearest existing folder resolved). */
function realish(path: string): string {
  const tail: string[] = [];
  for (let head = path; ; head = dirname(head)) {
    try {
      return join(realpathSync(head), ...tail.reverse());
    } catch {
      if (dirname(head) === head) return path;
      tail.push(basename(head));
    }
  }
}

/**
 * Drops duplicate tasks and refuses outputs that would overwrite an input or
 * receive two different inputs. A copied file whose target is a compiled
 * file's .map gives way to the new map.
 */
export function checkTargets(tasks: Task[], options: CliOptions, cwd: string): Task[] {
  const inputs = new Set(tasks.map((task) => realish(task.input)));
  const writesMap = options.sourceMaps === "file" || options.sourceMaps === "both";
  const mapTargets = new Set<string>();
  if (writesMap) for (const task of tasks) if (task.kind === "compile" && task.output) mapTargets.add(realish(task.output + ".map"));
  const byOutput = new Map<string, Task>();
  const kept: Task[] = [];
  for (const task of tasks) {
    const target = realish(task.output!);
    if (task.kind === "copy" && mapTargets.has(target)) continue;
    if (inputs.has(target) || (task.kind === "compile" && writesMap && inputs.has(realish(task.output + ".map")))) {
      throw new UsageError(`refusing to overwrite the input ${displayPath(target, cwd)}; choose another ${options.outFile ? "--out-file" : "--out-dir"}`);
    }
    const earlier = byOutput.get(target);
    if (earlier) {
      if (realish(earlier.input) === realish(task.input)) continue;
      throw new UsageError(`${earlier.display} and ${task.display} would both be written to ${displayPath(target, cwd)}`);
    }
    byOutput.set(target, task);
    kept.push(task);
  }
  return kept;
}
