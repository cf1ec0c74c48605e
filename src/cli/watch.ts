// Watch mode: a full build, then every file added or changed under the inputs
// is compiled (or copied) again, in small batches. Errors are reported and
// watching goes on. The output folder and the temporary files of atomic
// writes are never watched, so outputs cannot feed back into the build.

import { watch, type FSWatcher } from "chokidar";
import { relative, resolve, sep } from "node:path";
import { runTasks, type BuildContext } from "./build.js";
import { checkTargets, createSelector, makeTask, planBuild, type InputRoot } from "./files.js";
import { isTemporaryPath } from "./write.js";
import { UsageError, type CliOptions, type Task } from "./types.js";

/** How long changes are collected before a batch is compiled. */
const BATCH_DELAY_MS = 30;

/** Runs until the process is stopped. */
export async function runWatch(roots: InputRoot[], options: CliOptions, context: BuildContext): Promise<never> {
  const { cwd, reporter } = context;
  if (options.outFile && (roots.length !== 1 || roots[0].kind !== "file")) {
    throw new UsageError("--watch with --out-file takes one input file; use --out-dir for folders");
  }
  const select = createSelector(options, cwd);
  const outDir = options.outDir ? resolve(cwd, options.outDir) : null;

  const rootOf = (path: string): InputRoot | null => {
    for (const root of roots) {
      if (root.kind === "file" ? path === root.path : isWithin(path, root.path)) return root;
    }
    return null;
  };
  // Pruned from watching (folders included): outputs, node_modules, dotfiles.
  const ignored = (path: string): boolean => {
    if (isTemporaryPath(path)) return true;
    if (outDir && isWithin(path, outDir)) return true;
    const root = rootOf(path);
    if (!root || root.kind === "file" || path === root.path) return false;
    const segments = relative(root.path, path).split(sep);
    return segments.includes("node_modules") || (!options.includeDotfiles && segments.some((s) => s.startsWith(".")));
  };

  const watcher: FSWatcher = watch(
    roots.map((root) => root.path),
    { ignoreInitial: true, ignored, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } },
  );
  watcher.on("error", (error) => reporter.error(`awaitless: watching failed: ${error instanceof Error ? error.message : String(error)}`));
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));

  const initial = options.outDir ? await planBuild(roots, options, cwd) : checkTargets([makeTask(roots[0].path, roots[0], "compile", options, cwd)], options, cwd);
  reporter.summary(await runTasks(initial, context));
  reporter.info("watching for changes (press Ctrl-C to stop)");

  const queued = new Map<string, Task>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const flush = async (): Promise<void> => {
    timer = null;
    if (running) return;
    running = true;
    while (queued.size > 0) {
      const batch = [...queued.values()];
      queued.clear();
      let tasks: Task[];
      try {
        tasks = checkTargets(batch, options, cwd);
      } catch (error) {
        reporter.error(`awaitless: ${(error as Error).message}`);
        continue;
      }
      reporter.summary(await runTasks(tasks, context));
    }
    running = false;
  };

  const onFile = (path: string): void => {
    const root = rootOf(path);
    if (!root) return;
    const selection = select(path, root);
    if (!selection) return;
    queued.set(path, makeTask(path, root, selection, options, cwd));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), BATCH_DELAY_MS);
  };
  watcher.on("add", onFile);
  watcher.on("change", onFile);

  return new Promise<never>(() => {});
}

function isWithin(path: string, folder: string): boolean {
  if (path === folder) return true;
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel);
}
