// Compiling a batch on the main thread without waiting on the disk: the next
// few inputs are read while a file compiles, and each result is written while
// the next ones compile. Compiling is synchronous, so a loop that awaited each
// read and each write in turn left the thread idle for every round trip to
// the file system (a sixth of a serial build of the mongodb driver's lib/).

import { compileInput, readInput, type Input } from "./compile-file.js";
import type { CompileOutcome, CompileSettings, CompileTask } from "./types.js";

/** Inputs read ahead of the one compiling; results being written behind it. */
const READ_AHEAD = 4;
const WRITES_IN_FLIGHT = 8;

/**
 * Compiles `tasks` one after another on this thread, calling `onOutcome`
 * (which writes the result) for each, in order; resolves when every outcome
 * has been handled.
 */
export async function compileSerially(
  tasks: CompileTask[],
  settings: CompileSettings,
  cwd: string,
  onOutcome: (position: number, outcome: CompileOutcome) => Promise<void>,
): Promise<void> {
  const reads = new Map<number, Promise<Input>>();
  const writing = new Set<Promise<void>>();
  for (let position = 0; position < tasks.length; position++) {
    for (let ahead = position; ahead < Math.min(tasks.length, position + READ_AHEAD + 1); ahead++) {
      if (!reads.has(ahead)) reads.set(ahead, readInput(tasks[ahead].input));
    }
    const input = await reads.get(position)!;
    reads.delete(position);
    const write: Promise<void> = onOutcome(position, compileInput(input, tasks[position], settings, cwd)).finally(() => writing.delete(write));
    writing.add(write);
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
  }
  await Promise.all(writing);
}
