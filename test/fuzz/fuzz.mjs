// The fuzzing run: check programs 0..count-1 of a seed in a pool of workers,
// collect the mismatches, shrink each one and write it out as a fixture.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createPool } from "./pool.mjs";
import { generateProgram, printProgram } from "./generate.mjs";
import { shrink } from "./shrink.mjs";

export const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Checks a batch of generated programs.
 * @param {object} options
 * @param {string | number} options.seed
 * @param {number} options.count
 * @param {"mixed" | "ts" | "js"} [options.lang] which programs are TypeScript (see generate.mjs)
 * @param {number} [options.start] first program number
 * @param {number} options.jobs workers
 * @param {number} [options.timeoutMs] time limit of one run
 * @param {string | null} [options.keepDir] write every program (and its compiled code) here
 * @param {(done: number, stats: object) => void} [options.onProgress]
 * @param {object} [options.pool] an existing pool to use
 * @returns {Promise<{ stats: object, mismatches: object[], invalid: object[], elapsedMs: number }>}
 */
export async function runBatch({ seed, count, lang = "mixed", start = 0, jobs, timeoutMs = DEFAULT_TIMEOUT_MS, keepDir = null, onProgress, pool = null }) {
  const ownPool = !pool;
  pool = pool ?? createPool({ jobs });
  const started = performance.now();
  const stats = { same: 0, mismatch: 0, invalid: 0, lost: 0, lines: 0 };
  const mismatches = [];
  const invalid = [];
  let done = 0;
  if (keepDir) mkdirSync(keepDir, { recursive: true });
  try {
    const indexes = Array.from({ length: count }, (_, i) => start + i);
    await Promise.all(
      indexes.map(async (index) => {
        const result = await pool.run({ type: "generate", seed: String(seed), index, lang, timeoutMs, keep: Boolean(keepDir) });
        stats[result.verdict] = (stats[result.verdict] ?? 0) + 1;
        stats.lines += result.nativeLines ?? 0;
        if (result.verdict === "mismatch" || result.verdict === "lost") mismatches.push({ seed: String(seed), lang, index, ...result });
        if (result.verdict === "invalid") invalid.push({ seed: String(seed), index, reason: result.reason });
        if (keepDir && result.source) {
          const ext = result.ts ? (result.sourceType === "module" ? "mts" : "ts") : result.sourceType === "module" ? "mjs" : "js";
          writeFileSync(join(keepDir, `${seed}-${index}.${ext}`), result.source);
          if (result.compiledCode) writeFileSync(join(keepDir, `${seed}-${index}.compiled.${ext}`), result.compiledCode);
        }
        done++;
        onProgress?.(done, stats);
      }),
    );
  } finally {
    if (ownPool) await pool.close();
  }
  mismatches.sort((a, b) => a.index - b.index);
  invalid.sort((a, b) => a.index - b.index);
  return { stats, mismatches, invalid, elapsedMs: performance.now() - started };
}

/**
 * Shrinks one mismatch of a batch: regenerates its program and removes what
 * the mismatch does not need, keeping the same kind of mismatch (a different
 * output, a compile error, a hang, ...).
 * @returns {Promise<{ tree, source, result, checks, stopped }>}
 */
export async function shrinkMismatch(mismatch, { pool, timeoutMs = DEFAULT_TIMEOUT_MS, parallel = 2, maxMs, onCheck } = {}) {
  const program = generateProgram(mismatch.seed, mismatch.index, { lang: mismatch.lang });
  const { sourceType, ts } = program;
  const predicate = async (tree, text) => {
    const result = await pool.run({ type: "source", source: text, sourceType, ts, timeoutMs });
    onCheck?.(result);
    return result.verdict === "mismatch" && result.kind === mismatch.kind && aspect(result.reason) === aspect(mismatch.reason);
  };
  const { tree, checks, stopped } = await shrink(program, { predicate, print: printProgram, sourceType, ts, parallel, maxMs });
  const source = printProgram(tree);
  const result = await pool.run({ type: "source", source, sourceType, ts, timeoutMs, full: true });
  return { tree, source, result, checks, stopped };
}

/** Which part of the runs differs: the printed lines, the uncaught error or the unhandled rejections. */
function aspect(reason) {
  return String(reason).split(":")[0].replace(/^line \d+$/, "line");
}

/**
 * Writes a shrunk mismatch as <name>/input.js (+ options.json for scripts)
 * under `dir`, with the two outputs beside it for the report; once the bug
 * is fixed it becomes a fixture.
 */
export function writePendingFixture(dir, mismatch, shrunk) {
  const name = `fuzz-${mismatch.seed}-${mismatch.index}`;
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const { result } = shrunk;
  const header = [
    `Found by the fuzzer (seed ${mismatch.seed}, program ${mismatch.index}), shrunk: ${mismatch.kind} mismatch.`,
    result.reason ?? mismatch.reason,
  ];
  const tree = { ...shrunk.tree, comment: header.join("\n") };
  // TypeScript keeps its types: the fixture is compiled as a .ts file.
  writeFileSync(join(folder, tree.ts ? "input.ts" : "input.js"), printProgram(tree));
  if (tree.sourceType === "script") writeFileSync(join(folder, "options.json"), JSON.stringify({ sourceType: "script", module: false }, null, 2) + "\n");
  const outputs = (run) =>
    run ? [...run.lines, ...(run.error ? [`uncaught: ${run.error}`] : []), ...run.unhandled.map((u) => `unhandled: ${u}`), ...(run.timedOut ? ["(timed out)"] : [])].join("\n") + "\n" : "(not run)\n";
  writeFileSync(join(folder, "native.txt"), outputs(result.native));
  writeFileSync(join(folder, "compiled.txt"), outputs(result.compiled));
  if (result.compiledCode) writeFileSync(join(folder, "compiled.js"), result.compiledCode);
  return folder;
}
