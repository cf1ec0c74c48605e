// Compile throughput: MB/s over a real package's source tree, the mongodb
// driver's lib/ (a pinned devDependency: 132 files, 1.1 MB, 62 of them with
// async functions), for awaitless's API and CLI beside Babel's regenerator
// transforms, TypeScript 5's ES5 downlevel and SWC (native, wasm and its CLI),
// with @babel/parser's parse alone as a floor, warm, and two floors under any
// command built on Babel (bench/cold-floor.mjs): a fresh process that parses,
// or parses and prints, what needs lowering and writes the tree.
//
//   node bench/throughput.mjs [--rounds N]
//
// `npm run bench` runs it as the last section of its report (skip it with
// --no-throughput, run only it with --only-throughput).
//
// Each API variant runs in its own node process: it loads its compiler,
// compiles the whole tree once to warm up, then times one pass over it (wall
// clock); a round starts one such process per variant, and the report gives
// the median and the best pass over the rounds. The command-line variants
// (awaitless's CLI, SWC's CLI, and the two floors) run once per
// round on the whole tree in a fresh process, start-up, worker threads and
// file writing included, timed from outside: the way a command is run once
// on a tree. Variants are interleaved round by round so a busy machine slows
// them all alike.
//
// Ratios are throughput ÷ throughput: above 1× is faster than the compiler
// compared with.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SWC_CONFIG } from "./compilers.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(new URL("../package.json", import.meta.url));
export const CORPUS = join(root, "node_modules/mongodb/lib");

export function corpusFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) files.push(path);
    }
  };
  walk(CORPUS);
  return files.sort();
}

/**
 * Variant → label. The API rows run in a child process through each
 * compiler's API, warmed up; the rows in COLD run as a command on the whole
 * tree in a fresh process, timed from outside.
 */
const VARIANTS = {
  awaitless: "awaitless API",
  cli: "awaitless CLI (whole tree, -d)",
  regenerator: "babel regenerator (preset-env)",
  typescript: "typescript es5",
  swc: "swc es5 (native @swc/core)",
  swcWasm: "swc es5 (@swc/wasm)",
  swcCli: "swc CLI (native, whole tree, -d)",
  parse: "@babel/parser (parse only)",
  floorParse: "floor: fresh process, parse + write, nothing lowered",
  floorPrint: "floor: fresh process, parse + print + write, nothing lowered",
};

const COLD = new Set(["cli", "swcCli", "floorParse", "floorPrint"]);

/** One line on what each variant runs, for the report. */
export function throughputConfiguration() {
  const version = (name) => require(`${name}/package.json`).version;
  return [
    `corpus: node_modules/mongodb/lib, mongodb ${version("mongodb")} (a pinned devDependency), every .js file`,
    "awaitless API: transform(code, { sourceType: \"script\", runtime: \"inline\" }) per file; CLI: bin/awaitless.js lib -d out --quiet --source-type script (start-up and writes included)",
    `babel regenerator: @babel/core ${version("@babel/core")} with @babel/preset-env ${version("@babel/preset-env")}, targets "ie 11", modules: false (regenerator alone rejects this corpus)`,
    `typescript es5 and swc es5: the benchmark configurations (bench/compilers.mjs); SWC as @swc/core ${version("@swc/core")} (native binding), @swc/wasm ${version("@swc/wasm")}, and @swc/cli ${version("@swc/cli")}: swc lib -d out --quiet --no-swcrc --config-file <the same configuration>`,
    "floors: node bench/cold-floor.mjs lib parse|print (start Node, load @babel/parser (and @babel/generator), read every file, parse the ones the CLI parses (and print them back unchanged), write every file to out/), timed from outside like the CLI rows",
  ];
}

/** In the child: compile the corpus once to warm up, then `rounds` timed passes; prints the pass times in ms as JSON. */
async function child(variant, rounds) {
  const { variants } = await import("./compilers.mjs");
  const files = corpusFiles().map((path) => ({ path: relative(root, path), code: readFileSync(path, "utf8") }));
  let compile;
  if (variant === "awaitless") {
    const { transform } = await import(new URL("../dist/index.js", import.meta.url).href);
    compile = (code, filename) => transform(code, { filename, sourceType: "script", runtime: "inline" }).code;
  } else if (variant === "regenerator") {
    // Regenerator on this corpus needs Babel's other transforms first (it
    // fails on `catch {}`, `a ?? await b`, for await…of on its own), so it
    // runs as an ES5 user runs it: @babel/preset-env for an ES5 target, which
    // lowers everything else too, as TypeScript's and SWC's ES5 targets do.
    const babel = require("@babel/core");
    const presets = [[require.resolve("@babel/preset-env"), { targets: "ie 11", modules: false }]];
    compile = (code, filename) => babel.transformSync(code, { filename, configFile: false, babelrc: false, sourceType: "script", presets }).code;
  } else if (variant === "swc") {
    const swc = require("@swc/core");
    compile = (code, filename) => swc.transformSync(code, { ...SWC_CONFIG, filename }).code;
  } else if (variant === "swcWasm") {
    compile = (code, filename) => variants.swc.compile(code, filename);
  } else if (variant === "parse") {
    const { parse } = require("@babel/parser");
    compile = (code) => parse(code, { sourceType: "script" });
  } else {
    compile = (code, filename) => variants[variant].compile(code, filename);
  }
  const pass = async () => {
    const start = process.hrtime.bigint();
    for (const file of files) await compile(file.code, file.path);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  await pass();
  const times = [];
  for (let i = 0; i < rounds; i++) times.push(await pass());
  process.stdout.write(JSON.stringify(times));
}

function firstError(stderr) {
  return stderr.split("\n").find((line) => /Error/.test(line)) ?? stderr.slice(0, 300);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The command line of a COLD variant, run in `work` on its own copy of the
 * corpus, `lib`, with relative paths (SWC's CLI, given an absolute input
 * path, writes over the input instead of into the output folder).
 */
function coldCommand(variant, work) {
  if (variant === "cli") return [join(root, "bin/awaitless.js"), "lib", "-d", "out", "--quiet", "--source-type", "script"];
  if (variant === "floorParse") return [join(root, "bench/cold-floor.mjs"), "lib", "parse"];
  if (variant === "floorPrint") return [join(root, "bench/cold-floor.mjs"), "lib", "print"];
  writeFileSync(join(work, "swc-config.json"), JSON.stringify(SWC_CONFIG));
  return [require.resolve("@swc/cli/bin/swc.js"), "lib", "-d", "out", "--quiet", "--no-swcrc", "--config-file", "swc-config.json"];
}

/** One fresh process of a COLD variant on the whole corpus, timed from outside, in ms. */
function timeCold(variant) {
  const work = mkdtempSync(join(tmpdir(), "awaitless-throughput-"));
  try {
    cpSync(CORPUS, join(work, "lib"), { recursive: true });
    const command = coldCommand(variant, work);
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, command, { cwd: work, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${VARIANTS[variant]} failed on the corpus:\n${run.stderr || run.error}`);
    checkOutputs(variant, join(work, "out"));
    return ms;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A command that wrote fewer files than the corpus has was not timed doing the whole job. */
function checkOutputs(variant, outDir) {
  let count = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else if (entry.name.endsWith(".js")) count++;
    }
  };
  if (existsSync(outDir)) walk(outDir);
  const expected = corpusFiles().length;
  if (count !== expected) throw new Error(`${VARIANTS[variant]} wrote ${count} .js files, not ${expected}`);
}

/** One timed pass of `variant` over the corpus, in ms; throws with the reason when it fails. */
function timeOnce(variant) {
  if (COLD.has(variant)) return timeCold(variant);
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", variant], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${VARIANTS[variant]} failed on the corpus: ${firstError(run.stderr || String(run.error))}`);
  return JSON.parse(run.stdout)[0];
}

/**
 * Runs the throughput comparison over `rounds` interleaved rounds. Returns
 * { files, megabytes, rounds, rows: [{ variant, label, mbps, bestMbps } | { variant, label, error }] }.
 * A variant that fails is reported (its row carries the error) and not run again.
 */
export function measureThroughput({ rounds = 3, onRun = () => {} } = {}) {
  if (!existsSync(CORPUS)) throw new Error(`${relative(root, CORPUS)} is missing (run \`npm install\`)`);
  const files = corpusFiles();
  const bytes = files.reduce((sum, path) => sum + readFileSync(path).length, 0);
  const megabytes = bytes / 1e6;
  const times = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
  const errors = {};
  for (let round = 0; round < rounds; round++) {
    for (const variant of Object.keys(VARIANTS)) {
      if (errors[variant]) continue;
      try {
        const ms = timeOnce(variant);
        times[variant].push(ms);
        onRun({ round, variant, ms });
      } catch (error) {
        errors[variant] = error.message;
      }
    }
  }
  const rows = Object.entries(VARIANTS).map(([variant, label]) =>
    errors[variant]
      ? { variant, label, error: errors[variant] }
      : { variant, label, mbps: megabytes / (median(times[variant]) / 1000), bestMbps: megabytes / (Math.min(...times[variant]) / 1000) },
  );
  return { files: files.length, megabytes, rounds, rows };
}

const COMPARED = ["regenerator", "typescript", "swc", "swcCli"];
const COMPARED_LABEL = { regenerator: "regenerator", typescript: "typescript", swc: "swc", swcCli: "swc CLI" };

function ratioTo(rows, row, variant) {
  const other = rows.find((r) => r.variant === variant);
  if (row.error || !other || other.error || row.variant === variant) return "–";
  return `${(row.mbps / other.mbps).toFixed(2)}×`;
}

function title({ files, megabytes, rounds }) {
  return `compile throughput over node_modules/mongodb/lib (${files} files, ${megabytes.toFixed(2)} MB), ${rounds} rounds: MB/s, median (best); ratio = MB/s ÷ the other's MB/s (higher is faster)`;
}

export function formatThroughput(result) {
  const header = ["compiler", "MB/s", "best", ...COMPARED.map((v) => `× ${COMPARED_LABEL[v]}`)];
  const body = result.rows.map((row) =>
    row.error
      ? [row.label, "FAILED", "", ...COMPARED.map(() => "")]
      : [row.label, row.mbps.toFixed(2), row.bestMbps.toFixed(2), ...COMPARED.map((v) => ratioTo(result.rows, row, v))],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const lines = [title(result), "", line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  for (const row of result.rows) if (row.error) lines.push(`FAILED ${row.label}: ${row.error}`);
  return lines.join("\n");
}

export function markdownThroughput(result) {
  const lines = [
    `| compiler | MB/s (median) | best | ${COMPARED.map((v) => `× ${COMPARED_LABEL[v]}`).join(" | ")} |`,
    `| --- | ---: | ---: | ${COMPARED.map(() => "---:").join(" | ")} |`,
  ];
  for (const row of result.rows) {
    if (row.error) lines.push(`| ${row.label} | FAILED | | ${COMPARED.map(() => "").join(" | ")} |`);
    else lines.push(`| ${row.label} | ${row.mbps.toFixed(2)} | ${row.bestMbps.toFixed(2)} | ${COMPARED.map((v) => ratioTo(result.rows, row, v)).join(" | ")} |`);
  }
  for (const row of result.rows) if (row.error) lines.push("", `Failed: ${row.label}: ${row.error.replace(/\n/g, " ")}`);
  return lines.join("\n");
}

export function throughputTitle(result) {
  return title(result);
}

const isMain = fileURLToPath(import.meta.url) === process.argv[1];
const args = process.argv.slice(2);
if (isMain && args[0] === "--child") {
  await child(args[1], 1);
} else if (isMain) {
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: node bench/throughput.mjs [--rounds N]   (default 3; `npm run bench` runs this too)");
    process.exit(0);
  }
  const rounds = args.includes("--rounds") ? Number(args[args.indexOf("--rounds") + 1]) : 3;
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error("bench/throughput: --rounds must be a positive integer");
    process.exit(2);
  }
  const result = measureThroughput({ rounds });
  console.log(formatThroughput(result));
  console.log();
  for (const line of throughputConfiguration()) console.log(line);
  if (result.rows.some((r) => r.error)) process.exitCode = 1;
}
