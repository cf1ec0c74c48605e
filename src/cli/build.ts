// Running a batch of tasks (an --out-dir build, or one round of watch mode):
// compile on the main thread or on workers, write each result atomically,
// copy the other files, report each file in task order (so a parallel run
// prints what a serial one does) and count what happened.

import { stat } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { ioFailure } from "./failures.js";
import { displayPath } from "./files.js";
import { Reporter, type BuildStats } from "./report.js";
import { compileInWorkers, workerCount } from "./workers.js";
import { copyFileAtomic, writeFileAtomic } from "./write.js";
import type { CompileOutcome, CompileSettings, CompileTask, Failure, Task } from "./types.js";

export interface BuildContext {
  settings: CompileSettings;
  cwd: string;
  reporter: Reporter;
  /** --jobs, null for automatic. */
  jobs: number | null;
}

export type Done =
  | { kind: "transformed" | "unchanged" | "copied"; warnings: string[] }
  | { kind: "failed"; failure: Failure; warnings: string[] };

export async function runTasks(tasks: Task[], context: BuildContext): Promise<BuildStats> {
  const started = performance.now();
  const { reporter, cwd } = context;
  const stats: BuildStats = { compiled: 0, transformed: 0, copied: 0, failed: 0, milliseconds: 0 };
  const done: Array<Done | undefined> = new Array(tasks.length);
  let finished = 0;
  let cursor = 0;

  // Reports finished tasks in order, as far as the first one still running.
  const record = (index: number, result: Done): void => {
    done[index] = result;
    finished += 1;
    for (let entry = done[cursor]; entry; entry = done[cursor]) {
      report(tasks[cursor], entry);
      cursor += 1;
    }
    reporter.progress(finished, tasks.length, tasks[index].display);
  };

  const report = (task: Task, result: Done): void => {
    for (const warning of result.warnings) reporter.warning(task.display, warning);
    if (result.kind === "failed") {
      stats.failed += 1;
      reporter.failure(task.display, result.failure);
      return;
    }
    if (result.kind === "copied") stats.copied += 1;
    else {
      stats.compiled += 1;
      if (result.kind === "transformed") stats.transformed += 1;
    }
    const note = result.kind === "transformed" ? "" : ` (${result.kind})`;
    reporter.detail(`${task.display} -> ${displayPath(task.output!, cwd)}${note}`);
  };

  const compileIndexes: number[] = [];
  const copyIndexes: number[] = [];
  tasks.forEach((task, index) => (task.kind === "compile" ? compileIndexes : copyIndexes).push(index));

  const copying = (async () => {
    for (const index of copyIndexes) {
      const task = tasks[index];
      try {
        await copyFileAtomic(task.input, task.output!);
        record(index, { kind: "copied", warnings: [] });
      } catch (error) {
        record(index, { kind: "failed", failure: ioFailure(`cannot copy it to ${displayPath(task.output!, cwd)}`, error), warnings: [] });
      }
    }
  })();

  const compileTasks = compileIndexes.map((index) => tasks[index] as CompileTask);
  const finishCompile = async (position: number, outcome: CompileOutcome): Promise<void> => {
    const index = compileIndexes[position];
    record(index, await writeOutcome(tasks[index] as CompileTask, outcome, cwd));
  };
  const workers = workerCount(compileTasks.length, await totalSize(compileTasks), context.jobs);
  if (workers > 0) {
    reporter.detail(`compiling ${compileTasks.length} files on ${workers} worker threads`);
    await compileInWorkers(compileTasks, { settings: context.settings, cwd }, workers, finishCompile);
  } else if (compileTasks.length > 0) {
    // Loaded only here: a parallel build never needs the compiler on the main thread.
    const { compileSerially } = await import("./serial.js");
    await compileSerially(compileTasks, context.settings, cwd, finishCompile);
  }
  await copying;
  reporter.clearProgress();
  stats.milliseconds = performance.now() - started;
  return stats;
}

/** Writes a compiled file: its map first, so the code never names a map not yet there. */
export async function writeOutcome(task: CompileTask, outcome: CompileOutcome, cwd: string, keepMode = true): Promise<Done> {
  if (outcome.kind === "failed") return outcome;
  const output = task.output!;
  try {
    if (outcome.map !== null) await writeFileAtomic(output + ".map", outcome.map);
    await writeFileAtomic(output, outcome.code, keepMode ? task.input : undefined);
  } catch (error) {
    return { kind: "failed", failure: ioFailure(`cannot write ${displayPath(output, cwd)}`, error), warnings: outcome.warnings };
  }
  return { kind: outcome.kind, warnings: outcome.warnings };
}

/** The bytes to compile, for deciding on workers (a file that cannot be read counts as empty: its error comes later). */
async function totalSize(tasks: CompileTask[]): Promise<number> {
  const sizes = await Promise.all(tasks.map((task) => stat(task.input).then((s) => s.size, () => 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}
