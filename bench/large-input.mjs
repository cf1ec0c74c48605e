// Compile time must grow linearly with the input: this compiles files of
// 0.625, 1.25, 2.5 and 5 MB of the same realistic code (bench/large-input/source.mjs)
// and reports the CPU time per MB of each, and the ratio of the largest to the
// smallest. Linear growth gives about 1 (0.9 to 1.3 measured: noise, and a
// bigger heap to collect at 5 MB), n log n about 1.3, quadratic growth up to
// 8, and already 2 when the quadratic part is only as large as the linear
// part at 5 MB. It exits 1 when the ratio reaches 1.6.
//
// A benchmark, not a test: CPU time still depends on the machine's load (a
// busy machine once gave 1.615), so `npm test` only checks that the 5 MB file
// compiles. Run after `npm run build`:
//
//   node bench/large-input.mjs
//
// Each compile runs in one fresh process with the built compiler, which
// keeps the multi-gigabyte heap of the 5 MB compile out of this one and
// gives it a fixed heap limit.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { realisticFile, MB } from "./large-input/source.mjs";

const LIMIT = 1.6;
const SIZES = [0.625, 1.25, 2.5, 5];
const DIST_INDEX = fileURLToPath(new URL("../dist/index.js", import.meta.url));

const COMPILER = `
  import { readFileSync } from "node:fs";
  import { pathToFileURL } from "node:url";
  const [dist, ...files] = process.argv.slice(1);
  const { transform } = await import(pathToFileURL(dist).href);
  // Warm-up on the smallest file: otherwise its time includes the JIT's
  // (0.625 MB measured at 6.9 s/MB after a tiny warm-up, 4.2 s/MB after this).
  transform(readFileSync(files[0], "utf8"), { sourceType: "module" });
  const results = [];
  for (const file of files) {
    const code = readFileSync(file, "utf8");
    const before = process.cpuUsage();
    const result = transform(code, { sourceType: "module", filename: file });
    const used = process.cpuUsage(before);
    const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    results.push({ cpuMs: (used.user + used.system) / 1000, inputBytes: code.length, functions: result.functions.length, heapMb });
  }
  console.log(JSON.stringify(results));
`;

function compileTimes(files) {
  // --single-threaded-gc: the CPU time V8's parallel collector threads use
  // grows with the machine's load; on one thread it does less so.
  // The heap limit: the 5 MB compile holds about 2.6 GB; under a 4 GB limit
  // V8 collected ever harder as the heap neared it (5 MB at 5.8 to 7.7 s/MB
  // against 4.4 with room), which is the collector's curve, not the compiler's.
  const heapLimitMb = Math.min(12_288, Math.floor((totalmem() / 2 ** 20) * 0.6));
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapLimitMb}`, "--single-threaded-gc", "--input-type=module", "-e", COMPILER, DIST_INDEX, ...files],
    { encoding: "utf8", maxBuffer: 16 * MB },
  );
  if (run.status !== 0) throw new Error(`the compiling process failed (status ${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout);
}

const dir = mkdtempSync(join(tmpdir(), "awaitless-large-"));
try {
  const files = SIZES.map((size) => {
    const file = join(dir, `large-${size}.js`);
    writeFileSync(file, realisticFile(size * MB));
    return file;
  });
  const results = compileTimes(files);
  const perMb = results.map((r) => r.cpuMs / (r.inputBytes / MB));
  for (const [i, r] of results.entries()) {
    console.log(
      `${(r.inputBytes / MB).toFixed(2)} MB: ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${(perMb[i] / 1000).toFixed(2)} s/MB, ` +
        `${r.functions} functions, heap ${r.heapMb} MB after`,
    );
  }
  const ratio = perMb[perMb.length - 1] / perMb[0];
  console.log(`CPU time per MB, 5 MB ÷ 0.625 MB: ${ratio.toFixed(2)} (linear if below ${LIMIT})`);
  process.exitCode = ratio < LIMIT ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
