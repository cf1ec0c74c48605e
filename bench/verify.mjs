// Checks, before anything is timed, that every compiled program does what the
// native one does: a benchmark of wrong code measures nothing. Each compiled
// file runs once and its printed lines (minus `elapsed`) must equal native's.
//
// The `order` line, a hash of the order in which concurrent async calls
// finished, is compared on its own: a difference there means the compiled code
// takes a different number of microtask ticks than native, which can make it
// look faster or slower; it is reported next to the timings, not as a failure.

import { runProgram } from "./exec.mjs";

/**
 * `files[variant]` is the compiled file (or { error } from compiling).
 * Returns { native, results } where results[variant] is
 * { ok: true, orderDiffers } or { ok: false, error }.
 */
export function verifyProgram(program, files) {
  const results = {};
  const native = runProgram(files.native.file);
  if (native.error) throw new Error(`${program}: the native program itself fails:\n${native.error}`);
  for (const [variant, compiled] of Object.entries(files)) {
    if (variant === "native") {
      results[variant] = { ok: true, orderDiffers: false };
      continue;
    }
    if (compiled.error) {
      results[variant] = { ok: false, error: compiled.error };
      continue;
    }
    const run = runProgram(compiled.file);
    if (run.error) {
      results[variant] = { ok: false, error: `run failed: ${run.error}` };
    } else if (run.output !== native.output) {
      results[variant] = { ok: false, error: `output differs from native:\n${diffLines(native.output, run.output)}` };
    } else {
      results[variant] = { ok: true, orderDiffers: run.order !== native.order, order: run.order };
    }
  }
  return { native, results };
}

/** A short line-by-line account of where two outputs part. */
function diffLines(expected, actual) {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 20; i++) {
    if (a[i] === b[i]) continue;
    out.push(`  line ${i + 1}: native   ${JSON.stringify(a[i] ?? "(missing)")}`);
    out.push(`  line ${i + 1}: compiled ${JSON.stringify(b[i] ?? "(missing)")}`);
  }
  return out.join("\n");
}
