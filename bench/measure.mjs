// The timed part: `rounds` rounds; in each round every program runs once per
// variant, each run in its own node process. Variants are interleaved within a
// round (and their order rotates from round to round), so a slow patch of
// machine time — another process, thermal throttling — lands on all variants
// alike instead of on whichever happened to run then.

import { runProgram } from "./exec.mjs";

/**
 * `jobs[program][variant]` = { file, output } (output: the verified lines).
 * Returns samples[program][variant] = [ms, …] (one per round).
 * Throws if a run fails or prints something other than it did when verified:
 * a program that is only sometimes right is not worth timing.
 */
export function measure(jobs, rounds, onRun = () => {}) {
  const samples = {};
  for (const program of Object.keys(jobs)) {
    samples[program] = {};
    for (const variant of Object.keys(jobs[program])) samples[program][variant] = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (const program of Object.keys(jobs)) {
      const names = rotate(Object.keys(jobs[program]), round);
      for (const variant of names) {
        const { file, output } = jobs[program][variant];
        const run = runProgram(file);
        if (run.error) throw new Error(`${program} (${variant}), round ${round + 1}: ${run.error}`);
        if (run.output !== output) throw new Error(`${program} (${variant}), round ${round + 1}: output changed between runs`);
        samples[program][variant].push(run.ms);
        onRun({ round, program, variant, ms: run.ms });
      }
    }
  }
  return samples;
}

function rotate(list, by) {
  const k = by % list.length;
  return list.slice(k).concat(list.slice(0, k));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
