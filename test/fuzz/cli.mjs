#!/usr/bin/env node
// `npm run fuzz -- --count N --seed S`: generates N random programs from seed
// S, runs each natively and compiled by awaitless, and compares the outputs.
// Mismatches are shrunk and written as fixtures to the pending folder. Exits
// 1 when any program mismatched. See docs/fuzzing.md.

import { availableParallelism, tmpdir } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runBatch, shrinkMismatch, writePendingFixture, DEFAULT_TIMEOUT_MS } from "./fuzz.mjs";
import { createPool } from "./pool.mjs";
import { generateProgram, printProgram } from "./generate.mjs";

const USAGE = `usage: npm run fuzz -- [options]

  --count N         programs to check (default 200)
  --seed S          seed of the batch, any string (default 1)
  --start K         number of the first program (default 0)
  --ts              every program is TypeScript (default: a fifth of them)
  --js              no program is TypeScript
  --jobs J          worker threads (default: the number of cores)
  --timeout MS      time limit of one run (default ${DEFAULT_TIMEOUT_MS})
  --keep DIR        write every program and its compiled code to DIR
  --no-shrink       report mismatches without shrinking them
  --shrink-limit M  shrink at most M mismatches (default 10)
  --pending DIR     where shrunk reproducers go (default: <tmp>/awaitless-fuzz-pending)
  --print K         print program K of the seed and exit
  --help`;

function parseArgs(argv) {
  const options = {
    count: 200,
    seed: "1",
    lang: "mixed",
    start: 0,
    jobs: Math.max(1, availableParallelism()),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    keep: null,
    shrink: true,
    shrinkLimit: 10,
    pending: join(tmpdir(), "awaitless-fuzz-pending"),
    print: null,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const integer = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${arg} needs a whole number`);
      return v;
    };
    switch (arg) {
      case "--count": options.count = integer(); break;
      case "--seed": options.seed = value(); break;
      case "--start": options.start = integer(); break;
      case "--ts": options.lang = "ts"; break;
      case "--js": options.lang = "js"; break;
      case "--jobs": options.jobs = Math.max(1, integer()); break;
      case "--timeout": options.timeoutMs = integer(); break;
      case "--keep": options.keep = value(); break;
      case "--no-shrink": options.shrink = false; break;
      case "--shrink-limit": options.shrinkLimit = integer(); break;
      case "--pending": options.pending = value(); break;
      case "--print": options.print = integer(); break;
      case "--help": case "-h": options.help = true; break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.print !== null) {
    process.stdout.write(printProgram(generateProgram(options.seed, options.print, { lang: options.lang })));
    return 0;
  }
  if (!existsSync(new URL("../../dist/index.js", import.meta.url))) {
    throw new Error("dist/index.js is missing: run `npm run build` first");
  }
  const { seed, count, start, jobs, lang } = options;
  const langNote = lang === "mixed" ? "" : lang === "ts" ? ", all TypeScript" : ", no TypeScript";
  console.log(`fuzz: ${count} programs from seed ${JSON.stringify(seed)} (programs ${start}..${start + count - 1}${langNote}), ${jobs} workers`);
  const pool = createPool({ jobs });
  try {
    let last = 0;
    const started = Date.now();
    const batch = await runBatch({
      seed, count, lang, start, jobs, pool, timeoutMs: options.timeoutMs, keepDir: options.keep,
      onProgress(done, stats) {
        const now = Date.now();
        const line = `${done}/${count}  same ${stats.same}  mismatch ${stats.mismatch}  invalid ${stats.invalid}`;
        if (process.stdout.isTTY && (now - last > 500 || done === count)) {
          last = now;
          process.stdout.write(`\r  ${line}   `);
        } else if (!process.stdout.isTTY && count >= 1000 && done % Math.floor(count / 10) === 0) {
          console.log(`  ${line}  (${Math.round((now - started) / 1000)} s)`);
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write("\n");
    const { stats, mismatches, invalid, elapsedMs } = batch;
    const perMinute = Math.round((count / elapsedMs) * 60_000);
    const cpu = process.cpuUsage();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    for (const m of mismatches) console.log(`  mismatch: program ${m.index} (${m.kind ?? m.verdict}): ${m.reason}`);
    for (const v of invalid.slice(0, 20)) console.log(`  invalid program ${v.index}: ${v.reason}`);
    console.log(
      `fuzz: ${count} programs, ${stats.same} same, ${mismatches.length} mismatched, ${stats.invalid} invalid` +
        ` (${stats.lines} lines printed natively) in ${(elapsedMs / 1000).toFixed(1)} s, ${perMinute} programs/minute` +
        ` (${cpuSeconds.toFixed(0)} s of CPU time, all threads)`,
    );
    if (options.shrink && mismatches.length) {
      const toShrink = mismatches.filter((m) => m.verdict === "mismatch").slice(0, options.shrinkLimit);
      for (const m of toShrink) {
        const t0 = performance.now();
        const shrunk = await shrinkMismatch(m, { pool, timeoutMs: options.timeoutMs, parallel: jobs });
        const folder = writePendingFixture(options.pending, m, shrunk);
        const lines = shrunk.source.split("\n").length;
        console.log(
          `  shrunk program ${m.index} to ${lines} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
            ` (${shrunk.checks} checks${shrunk.stopped ? ", stopped " + shrunk.stopped : ""}): ${folder}`,
        );
      }
    }
    return mismatches.length ? 1 : 0;
  } finally {
    await pool.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`fuzz: ${error.message}`);
    process.exit(2);
  },
);
