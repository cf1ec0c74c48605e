// `npm run bench`: compiles every program in bench/programs/ with every
// compiler, checks each compiled program prints what native prints, times them
// all over several rounds (each run in its own node process), and reports the
// median per variant with its ratio to native, plus the size of each
// compiler's async helpers (for one async function, and for the probe files of
// bench/size-probes/ with awaitless's runtime per unit) and each compiler's
// throughput (MB/s) over a real source tree (bench/throughput.mjs). Then the
// same programs, at a fraction of their work, on the other engines
// (bench/engines: Hermes, QuickJS), every variant in the same run. Output:
// tables on stdout and the same in markdown in bench/results/latest.md.
//
//   node bench/run.mjs [--rounds N] [--only <program>[,<program>…]]
//                      [--engines <name>[,<name>…] | --no-engines] [--engine-rounds N]
//                      [--no-throughput | --only-throughput] [--help]
//
// Exits with status 1 when any variant fails to compile, crashes or prints
// something different from native on V8 (its cell then reads FAILED), when
// awaitless's output fails on another engine, or when a compiler fails on the
// throughput corpus. (Another compiler's output failing on another engine, or
// a native program an engine cannot run, is reported, not a failure of ours.)

import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { variants, variantNames, root } from "./compilers.mjs";
import { listPrograms, compileProgram } from "./compile.mjs";
import { verifyProgram } from "./verify.mjs";
import { measure } from "./measure.mjs";
import { summarize, textTable, markdownTable, markdownSpread, markdownHelperSizes } from "./report.mjs";
import { measureHelperSizes, formatHelperSizes } from "./helper-size.mjs";
import { measureSizeProbes, formatSizeProbes, markdownSizeProbes, sizeProbesFailed } from "./size-probes.mjs";
import { measureThroughput, formatThroughput, markdownThroughput, throughputConfiguration } from "./throughput.mjs";
import { ENGINE_NAMES } from "./engines/engines.mjs";
import { measureEngines } from "./engines/measure-engines.mjs";
import { engineTextTables, engineMarkdownTables, engineFailures } from "./engines/report-engines.mjs";

const USAGE = `usage: node bench/run.mjs [--rounds N] [--only <program>[,<program>…]] [--no-throughput | --only-throughput]
  --rounds N          timed runs of every program × variant, and passes of every
                      compiler over the throughput corpus (default 7)
  --only NAMES        run only these programs (comma-separated); available: ${listPrograms().join(", ")}
  --engines NAMES     the other engines to time the programs on (comma-separated; default all:
                      ${ENGINE_NAMES.join(", ")})
  --no-engines        time the programs on V8 (Node) only
  --engine-rounds N   timed runs of every program × variant on each other engine (default 3)
  --no-throughput     skip the compile-throughput section (MB/s over node_modules/mongodb/lib)
  --only-throughput   run only the compile-throughput section: no programs, no helper sizes or size probes`;

function parseArgs(argv) {
  const options = { rounds: 7, only: null, throughput: true, onlyThroughput: false, engines: ENGINE_NAMES, engineRounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === "--rounds") options.rounds = Number(value());
    else if (arg.startsWith("--rounds=")) options.rounds = Number(arg.slice(9));
    else if (arg === "--only") options.only = value().split(",");
    else if (arg.startsWith("--only=")) options.only = arg.slice(7).split(",");
    else if (arg === "--engines") options.engines = value().split(",");
    else if (arg.startsWith("--engines=")) options.engines = arg.slice(10).split(",");
    else if (arg === "--no-engines") options.engines = [];
    else if (arg === "--engine-rounds") options.engineRounds = Number(value());
    else if (arg.startsWith("--engine-rounds=")) options.engineRounds = Number(arg.slice(16));
    else if (arg === "--no-throughput") options.throughput = false;
    else if (arg === "--only-throughput") options.onlyThroughput = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1) fail("--rounds must be a positive integer");
  if (!Number.isInteger(options.engineRounds) || options.engineRounds < 1) fail("--engine-rounds must be a positive integer");
  for (const name of options.engines) if (!ENGINE_NAMES.includes(name)) fail(`no engine named ${name}`);
  if (options.onlyThroughput) options.engines = [];
  const known = listPrograms();
  for (const name of options.only ?? []) if (!known.includes(name)) fail(`no program named ${name}`);
  if (options.onlyThroughput && !options.throughput) fail("--only-throughput and --no-throughput exclude each other");
  if (options.onlyThroughput && options.only) fail("--only-throughput runs no programs; drop --only");
  return options;
}

function fail(message) {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

/** The command as the user typed it, for the report. */
function commandLine(argv) {
  const args = argv.join(" ");
  if (process.env.npm_lifecycle_event === "bench") return `npm run bench${args ? ` -- ${args}` : ""}`;
  return `node bench/run.mjs${args ? ` ${args}` : ""}`;
}

/** Which compiler source was measured: the commit, and whether src/ had uncommitted changes when dist/ was built from it. */
function awaitlessRevision() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: root, encoding: "utf8" }).trim();
    return dirty ? `${commit} + uncommitted changes in src/` : commit;
  } catch {
    return "unknown revision";
  }
}

function environment() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    cpu: cpus[0] ? cpus[0].model.trim() : "unknown CPU",
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    // Other work on the machine skews timings; the load average says how busy it was.
    load: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
}

const argv = process.argv.slice(2);
const options = parseArgs(argv);
const programs = options.onlyThroughput ? [] : (options.only ?? listPrograms());
const env = environment();
const revision = awaitlessRevision();
const headerLines = [
  `node ${env.node} · ${env.cores} cores · ${env.cpu} · ${env.platform} · load average at start ${env.load}`,
  `awaitless ${revision}; ${variantNames.slice(2).map((v) => variants[v].version()).join("; ")}`,
  options.onlyThroughput
    ? `${options.rounds} rounds of compile throughput only`
    : `${options.rounds} rounds, median per cell; ratio = time / native (lower is better)${options.throughput ? "" : "; compile throughput not measured (--no-throughput)"}`,
  ...(options.engines.length && programs.length ? [`other engines: ${options.engines.join(", ")}, ${options.engineRounds} rounds each`] : []),
];
console.error(headerLines.join("\n"));

// 1. Compile and verify. Failures are collected, printed in full and kept out
//    of the timings, so one broken variant does not hide the others' numbers.
const jobs = {};
const failures = {};
const orderNotes = [];
for (const program of programs) {
  const files = {};
  for (const variant of variantNames) files[variant] = await compileProgram(program, variant);
  const { native, results } = verifyProgram(program, files);
  jobs[program] = {};
  for (const variant of variantNames) {
    const result = results[variant];
    if (result.ok) {
      jobs[program][variant] = { file: files[variant].file, output: native.output };
      if (result.orderDiffers) orderNotes.push(`${program}: ${variants[variant].label} finished its concurrent calls in a different order than native (order ${result.order} vs ${native.order}): it takes a different number of microtask ticks.`);
    } else {
      (failures[program] ??= {})[variant] = result.error;
      console.error(`\n!!! ${program} × ${variants[variant].label} FAILED\n    file: ${files[variant].file.slice(root.length)}\n${indent(result.error)}\n`);
    }
  }
  const broken = Object.keys(failures[program] ?? {});
  console.error(`verified ${program}: ${variantNames.filter((v) => !broken.includes(v)).join(", ")} match native${broken.length ? `; FAILED: ${broken.join(", ")}` : ""}`);
}

// 2. Helper sizes and size probes, measured now so they come from the same build of the
//    compiler as the programs just compiled (dist/ may be rebuilt meanwhile).
const helperRows = options.onlyThroughput ? [] : await measureHelperSizes();
const sizeProbes = options.onlyThroughput ? null : await measureSizeProbes();

// 3. Time.
const total = options.rounds * Object.values(jobs).reduce((n, j) => n + Object.keys(j).length, 0);
let done = 0;
const samples = measure(jobs, options.rounds, ({ round, program, variant, ms }) => {
  done++;
  if (process.stderr.isTTY) process.stderr.write(`\rround ${round + 1}/${options.rounds}  ${done}/${total}  ${program} ${variant} ${ms.toFixed(1)} ms          `);
});
if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
else if (total) console.error(`timed ${total} runs`);

// 4. The other engines: every program at the engine's fraction of its work.
let engineResults = {};
if (options.engines.length && programs.length) {
  engineResults = await measureEngines({
    programs,
    rounds: options.engineRounds,
    engines: options.engines,
    onRun: ({ engine, round, program, variant, ms }) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${engine} round ${round + 1}/${options.engineRounds}  ${program} ${variant} ${ms.toFixed(1)} ms          `);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
}
const engineFailed = engineFailures(engineResults);
for (const f of engineFailed) console.error(`\n${f.variant === "awaitless" ? "!!!" : "note:"} ${f.program} × ${variants[f.variant].label} on ${f.engine} failed\n${indent(f.error)}\n`);

// 5. Compile throughput, after the timings so neither disturbs the other.
let throughput = null;
let throughputError = null;
if (options.throughput) {
  const steps = options.rounds * 6;
  let step = 0;
  try {
    throughput = measureThroughput({
      rounds: options.rounds,
      onRun: ({ round, variant, ms }) => {
        step++;
        if (process.stderr.isTTY) process.stderr.write(`\rthroughput round ${round + 1}/${options.rounds}  ${step}/${steps}  ${variant} ${ms.toFixed(0)} ms          `);
      },
    });
  } catch (error) {
    throughputError = error.message;
  }
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  else console.error(`compile throughput: ${step} passes`);
}
headerLines[0] += `, at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;

// 6. Report.
const rows = summarize(samples, failures);
console.log(headerLines.join("\n"));
if (!options.onlyThroughput) {
  console.log();
  console.log(textTable(rows, variantNames));
  console.log();
  console.log(formatHelperSizes(helperRows));
  console.log();
  console.log(formatSizeProbes(sizeProbes));
  for (const note of orderNotes) console.log(`note: ${note}`);
}
const failedCells = Object.entries(failures).flatMap(([p, f]) => Object.keys(f).map((v) => `${p} × ${variants[v].label}`));
if (failedCells.length) console.log(`\nFAILED (not timed; details above): ${failedCells.join(", ")}`);
if (Object.keys(engineResults).length) {
  console.log();
  console.log(engineTextTables(engineResults, variantNames));
  for (const result of Object.values(engineResults)) for (const note of result.orderNotes) console.log(`note: ${note}`);
  if (engineFailed.length) console.log(`\nnot run on an engine (details above): ${engineFailed.map((f) => `${f.program} × ${variants[f.variant].label} on ${f.engine}`).join(", ")}`);
}
if (throughput) {
  console.log();
  console.log(formatThroughput(throughput));
  for (const line of throughputConfiguration()) console.log(`  ${line}`);
}
if (throughputError) console.log(`\nFAILED compile throughput: ${throughputError}`);

const markdown = [
  "# Benchmark results",
  "",
  `Command: \`${commandLine(argv)}\` (${new Date().toISOString().slice(0, 10)})`,
  "",
  ...headerLines.map((l) => `- ${l}`),
  ...(options.onlyThroughput
    ? []
    : [
        "",
        "Median of the rounds, and its ratio to native (time / native; lower is better).",
        "",
        markdownTable(rows, variantNames),
        "",
        "Spread (fastest–slowest round, ms):",
        "",
        markdownSpread(rows, variantNames),
        "",
        "Helpers added for one async function (terser, then gzip level 9):",
        "",
        markdownHelperSizes(helperRows),
        "",
        "## Size probes",
        "",
        "What each compiler adds to a file that uses these features (bench/size-probes/; `node bench/size-probes.mjs --show` for every unit): the helpers, found by compiling each probe twice under different names and keeping the top-level statements the two outputs share, and the whole output; terser's defaults, then gzip level 9.",
        "",
        markdownSizeProbes(sizeProbes),
      ]),
  ...(orderNotes.length ? ["", ...orderNotes.map((n) => `- ${n}`)] : []),
  ...(Object.keys(engineResults).length
    ? [
        "",
        "## Other engines",
        "",
        engineMarkdownTables(engineResults, variantNames),
        ...Object.values(engineResults).flatMap((r) => r.orderNotes.map((n) => `- ${n}`)),
        ...(engineFailed.length
          ? ["", "Not run on an engine:", "", ...engineFailed.map((f) => `- ${f.program} × ${variants[f.variant].label} on ${f.engine}: ${f.error.split("\n").slice(0, 3).join(" ").slice(0, 300)}`)]
          : []),
      ]
    : []),
  ...(failedCells.length
    ? ["", "Failed (not timed):", "", ...Object.entries(failures).flatMap(([p, f]) => Object.entries(f).map(([v, e]) => `- ${p} × ${variants[v].label}:\n\n  \`\`\`\n${indent(e, "  ")}\n  \`\`\``))]
    : []),
  ...(throughput
    ? [
        "",
        `Compile throughput over node_modules/mongodb/lib (${throughput.files} files, ${throughput.megabytes.toFixed(2)} MB), ${throughput.rounds} rounds; MB/s of the median and the best pass; ratio = MB/s ÷ the other's MB/s (higher is faster):`,
        "",
        markdownThroughput(throughput),
        "",
        ...throughputConfiguration().map((l) => `- ${l}`),
      ]
    : []),
  ...(throughputError ? ["", `Compile throughput FAILED: ${throughputError}`] : []),
  "",
].join("\n");
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/latest.md"), markdown);
console.log(`\nmarkdown: bench/results/latest.md`);
const oursFailedOnEngine = engineFailed.some((f) => f.variant === "awaitless");
if (failedCells.length || oursFailedOnEngine || helperRows.some((r) => r.error) || (sizeProbes && sizeProbesFailed(sizeProbes)) || throughputError || throughput?.rows.some((r) => r.error)) process.exitCode = 1;

function indent(text, prefix = "    ") {
  return text.split("\n").map((l) => prefix + l).join("\n");
}
