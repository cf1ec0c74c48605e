// The programs timed on each engine of bench/engines/engines.mjs, every
// variant in the same run: compiled at the engine's scale, checked against
// what the scaled native program prints on Node, then timed over rounds with
// the variants interleaved (as bench/measure.mjs does for V8).
//
// A variant that fails on an engine is kept out of the timings and reported;
// the native variant may fail by construction (Hermes has no async
// generators), which is the engine's, not a compiler's, failure.

import { readFileSync, writeFileSync } from "node:fs";
import { compileProgram } from "../compile.mjs";
import { runProgram, runTimed } from "../exec.mjs";
import { median } from "../measure.mjs";
import { variantNames } from "../compilers.mjs";
import { ENGINES } from "./engines.mjs";
import { withPrelude } from "./prelude.mjs";

/**
 * Returns, per engine, { label, version, scale, rows, failures, orderNotes }:
 * rows as bench/report.mjs's summarize makes them (ratio to the engine's own
 * native run where it has one), failures[program][variant] = error text.
 */
export async function measureEngines({ programs, rounds, engines, onRun = () => {} }) {
  const results = {};
  for (const name of engines) {
    const engine = ENGINES[name];
    const jobs = {};
    const failures = {};
    const orderNotes = [];
    for (const program of programs) {
      const { jobs: programJobs, failed, notes } = await prepareProgram(program, name, engine);
      jobs[program] = programJobs;
      if (Object.keys(failed).length) failures[program] = failed;
      orderNotes.push(...notes);
    }
    const samples = time(jobs, rounds, engine, (run) => onRun({ engine: name, ...run }));
    results[name] = { label: engine.label, version: engine.version(), scale: engine.scale, rows: summarizeEngine(samples, failures), failures, orderNotes };
  }
  return results;
}

/** Compiles every variant at the engine's scale and checks each against native Node's output. */
async function prepareProgram(program, name, engine) {
  const subdir = `engine-scale-${engine.scale}`;
  const nativeFile = (await compileProgram(program, "native", { scale: engine.scale, subdir })).file;
  const expected = runProgram(nativeFile);
  if (expected.error) throw new Error(`${program} at 1/${engine.scale} of its work fails on Node itself:\n${expected.error}`);
  const jobs = {};
  const failed = {};
  const notes = [];
  for (const variant of variantNames) {
    const compiled = await compileProgram(program, variant, { scale: engine.scale, subdir });
    if (compiled.error) {
      failed[variant] = compiled.error;
      continue;
    }
    const file = compiled.file.replace(/\.cjs$/, `.${name}.js`);
    writeFileSync(file, withPrelude(readFileSync(compiled.file, "utf8")));
    const run = runTimed(...engine.command(file));
    if (run.error) failed[variant] = `run failed: ${run.error}`;
    else if (run.output !== expected.output) failed[variant] = `prints other than native Node:\n${run.output}\n--- native Node:\n${expected.output}`;
    else {
      jobs[variant] = { file, output: run.output };
      if (run.order !== expected.order) notes.push(`${program}: ${variant} on ${engine.label} finished its concurrent calls in another order than native Node`);
    }
  }
  return { jobs, failed, notes };
}

function time(jobs, rounds, engine, onRun) {
  const samples = {};
  for (const program of Object.keys(jobs)) samples[program] = Object.fromEntries(Object.keys(jobs[program]).map((v) => [v, []]));
  for (let round = 0; round < rounds; round++) {
    for (const program of Object.keys(jobs)) {
      const names = Object.keys(jobs[program]);
      // Rotated each round, so a slow patch of machine time lands on all variants alike.
      const order = names.slice(round % names.length).concat(names.slice(0, round % names.length));
      for (const variant of order) {
        const { file, output } = jobs[program][variant];
        const run = runTimed(...engine.command(file));
        if (run.error) throw new Error(`${program} (${variant}) on ${engine.label}, round ${round + 1}: ${run.error}`);
        if (run.output !== output) throw new Error(`${program} (${variant}) on ${engine.label}, round ${round + 1}: output changed between runs`);
        samples[program][variant].push(run.ms);
        onRun({ round, program, variant, ms: run.ms });
      }
    }
  }
  return samples;
}

/** Like report.mjs's summarize; the ratio is to the engine's native run, absent where native cannot run there. */
function summarizeEngine(samples, failures) {
  return Object.keys(samples).map((program) => {
    const cells = {};
    const native = samples[program].native;
    const nativeMedian = native ? median(native) : undefined;
    for (const [variant, values] of Object.entries(samples[program])) {
      const m = median(values);
      cells[variant] = { median: m, min: Math.min(...values), max: Math.max(...values), ratio: nativeMedian ? m / nativeMedian : undefined };
    }
    for (const variant of Object.keys(failures[program] ?? {})) cells[variant] = { failed: true };
    return { program, cells };
  });
}
