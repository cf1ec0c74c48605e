#!/usr/bin/env node
// `npm run hostile:test262`: feeds every test262 file (and the `_FIXTURE.js`
// modules) to the compiler and checks that it either compiles or is rejected
// with a clear syntax error, never with an internal error or a stack
// overflow; and that the files it rejects are exactly the tests test262
// marks as early (parse-time) errors. Nothing is run: this is about what the
// compiler accepts. See docs/hostile-input.md.
//
// Each test is compiled as test262's runner would hand it over: as a script,
// sloppy and strict (`"use strict";` and a newline before it) unless its
// flags pick one; `module`-flagged tests and the fixtures as module code.
// The compiles happen in child processes (one per core, each on a main
// thread with Node's default stack, as a user's program calls `transform`),
// one file at a time, so a file that hangs or kills its process is reported
// by name and the run goes on.
//
// Exit status: 0 when every file compiled or was rejected as expected,
// 1 on any internal error, stack overflow, hang, crash, or mismatch
// (a negative test accepted, a positive test rejected as a syntax error),
// 2 when the run could not start.

import { fork } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseFrontmatter } from "./test262/frontmatter.mjs";
import { STRICT_PREFIX, variantsFor } from "./test262/program.mjs";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST_INDEX = join(REPO_ROOT, "dist", "index.js");
const CHILD_FLAG = "--hostile-child";

const USAGE = `usage: npm run hostile:test262 -- [options]

  --jobs <n>        child processes (default: the number of cores)
  --filter <text>   only files whose path (under test/) contains it
  --timeout <ms>    limit for compiling one file, all its variants (default 60000)
  --json <file>     write every file's outcome there
  --test262 <dir>   another test262 copy laid out the same way (default ../shared/test262)
  --help`;

if (process.argv.includes(CHILD_FLAG)) {
  await child();
} else {
  process.exitCode = await main().catch((error) => {
    console.error(`hostile:test262: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  });
}

// ---------------------------------------------------------------- parent

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const test262Dir = options.test262 ? resolve(options.test262) : resolve(REPO_ROOT, "..", "shared", "test262");
  if (!existsSync(join(test262Dir, "tests.txt"))) {
    throw new Error(`no test262 copy at ${test262Dir} (expected tests.txt there; see docs/test262.md)`);
  }
  if (!existsSync(DIST_INDEX)) throw new Error("dist/index.js is missing: run `npm run build` first");

  const jobs = listFiles(test262Dir).filter((job) => !options.filter || job.path.includes(options.filter));
  const started = performance.now();
  const outcomes = await runPool(jobs, test262Dir, options);
  const elapsedMs = performance.now() - started;

  const report = classify(jobs, outcomes);
  for (const line of formatReport(report, elapsedMs, options)) console.log(line);
  if (options.json) {
    writeFileSync(options.json, JSON.stringify({ elapsedMs, files: jobs.map((job, i) => ({ ...job, ...outcomes[i] })) }, null, 1));
  }
  return report.failed ? 1 : 0;
}

function parseOptions(argv) {
  const options = { jobs: availableParallelism(), filter: "", timeout: 60_000, json: "", test262: "", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--jobs") options.jobs = positive(arg, value());
    else if (arg === "--timeout") options.timeout = positive(arg, value());
    else if (arg === "--filter") options.filter = value();
    else if (arg === "--json") options.json = value();
    else if (arg === "--test262") options.test262 = value();
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

function positive(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a positive whole number, not ${text}`);
  return n;
}

/** The tests of tests.txt, then the `_FIXTURE.js` modules found under test/. */
function listFiles(test262Dir) {
  const tests = readFileSync(join(test262Dir, "tests.txt"), "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((path) => ({ path, fixture: false }));
  const fixtures = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith("_FIXTURE.js")) fixtures.push({ path: relative(join(test262Dir, "test"), full).split("\\").join("/"), fixture: true });
    }
  };
  walk(join(test262Dir, "test"));
  fixtures.sort((a, b) => (a.path < b.path ? -1 : 1));
  return [...tests, ...fixtures];
}

/**
 * Compiles every file in `options.jobs` child processes, one file per
 * message. A child that takes longer than the timeout on one file is killed
 * and replaced, and so is one that dies; that file is reported as such.
 */
function runPool(jobs, test262Dir, options) {
  const outcomes = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const childCount = Math.max(1, Math.min(options.jobs, jobs.length));
  return new Promise((resolveAll) => {
    if (jobs.length === 0) return resolveAll(outcomes);
    const finish = (index, outcome) => {
      outcomes[index] = outcome;
      done++;
      if (process.stderr.isTTY && (done % 200 === 0 || done === jobs.length)) process.stderr.write(`\r${done}/${jobs.length}`);
      if (done === jobs.length) {
        if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
        resolveAll(outcomes);
      }
    };
    const start = () => {
      const worker = fork(fileURLToPath(import.meta.url), [CHILD_FLAG], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
      let current = -1;
      let timer = null;
      let stderr = "";
      worker.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
      const give = () => {
        if (next >= jobs.length) {
          current = -1;
          worker.disconnect();
          return;
        }
        current = next++;
        worker.send({ test262Dir, ...jobs[current] });
        timer = setTimeout(() => {
          const index = current;
          current = -1;
          worker.kill("SIGKILL");
          finish(index, lost(`no answer after ${options.timeout} ms (killed)`));
        }, options.timeout);
      };
      worker.on("message", (outcome) => {
        clearTimeout(timer);
        const index = current;
        current = -1;
        finish(index, outcome);
        give();
      });
      worker.on("exit", (code, signal) => {
        clearTimeout(timer);
        if (current >= 0) {
          const index = current;
          current = -1;
          const last = stderr.trim().split("\n").slice(-3).join(" / ");
          finish(index, lost(`the compiling process died (${signal ?? `exit status ${code}`})${last ? `: ${last}` : ""}`));
        }
        if (next < jobs.length) start();
      });
      give();
    };
    for (let i = 0; i < childCount; i++) start();
  });
}

function lost(message) {
  return { negative: null, variants: [{ variant: "?", kind: "internal", message, reason: message.replace(/:.*/s, ""), stack: "", ms: 0 }] };
}

/** Sorts each file into one outcome; `failed` when anything must be fixed. */
function classify(jobs, outcomes) {
  const report = {
    files: jobs.length,
    fixtures: jobs.filter((job) => job.fixture).length,
    variants: 0,
    compiled: [],
    rejected: [],
    rejectedForMissingPlugin: [],
    negativeTests: 0,
    unsupported: [],
    negativeAccepted: [],
    negativeUnsupported: [],
    positiveRejected: [],
    internal: [],
    slowest: [],
    failed: false,
  };
  jobs.forEach((job, i) => {
    const { negative, variants } = outcomes[i];
    report.variants += variants.length;
    const negativeParse = negative !== null && negative.phase === "parse";
    if (negativeParse) report.negativeTests++;
    for (const v of variants) report.slowest.push({ path: job.path, variant: v.variant, ms: v.ms });
    const entry = (v) => ({ path: job.path, variant: v.variant, message: v.message, reason: v.reason ?? v.message, stack: v.stack });
    const internal = variants.filter((v) => v.kind === "internal" || v.kind === "overflow");
    if (internal.length) {
      report.internal.push(...internal.map(entry));
      return;
    }
    if (negativeParse) {
      const accepted = variants.filter((v) => v.kind === "compiled");
      const unsupported = variants.filter((v) => v.kind === "unsupported");
      if (accepted.length) report.negativeAccepted.push(...accepted.map((v) => ({ ...entry(v), message: "compiled without an error" })));
      else if (unsupported.length) report.negativeUnsupported.push(...unsupported.map(entry));
      else {
        report.rejected.push(job.path);
        // Right answer, maybe for the wrong reason: the parser does not know the syntax at all.
        const plugin = variants.find((v) => /parser plugin/.test(v.reason ?? ""));
        if (plugin) report.rejectedForMissingPlugin.push({ path: job.path, variant: plugin.variant, message: plugin.message, reason: plugin.reason, stack: "" });
      }
      return;
    }
    const rejected = variants.filter((v) => v.kind === "syntax");
    const unsupported = variants.filter((v) => v.kind === "unsupported");
    if (rejected.length) report.positiveRejected.push(...rejected.map(entry));
    else if (unsupported.length) report.unsupported.push(...unsupported.map(entry));
    else report.compiled.push(job.path);
  });
  report.slowest.sort((a, b) => b.ms - a.ms);
  report.slowest = report.slowest.slice(0, 5);
  report.failed =
    report.internal.length + report.negativeAccepted.length + report.negativeUnsupported.length + report.positiveRejected.length > 0;
  return report;
}

function formatReport(report, elapsedMs, options) {
  const lines = [];
  const section = (title, entries, withStack = false) => {
    if (!entries.length) return;
    lines.push("", `${title} (${entries.length}):`);
    for (const e of entries) {
      lines.push(`  ${e.path} [${e.variant}] ${e.message}`);
      if (withStack && e.stack) for (const frame of e.stack.split("\n")) lines.push(`      ${frame}`);
    }
  };
  const grouped = (title, entries) => {
    if (!entries.length) return;
    const groups = new Map();
    for (const e of entries) {
      const group = groups.get(e.reason) ?? { files: new Set(), example: e.path };
      group.files.add(e.path);
      groups.set(e.reason, group);
    }
    lines.push("", `${title}, by message:`);
    for (const [reason, group] of [...groups].sort((a, b) => b[1].files.size - a[1].files.size)) {
      lines.push(`  ${String(group.files.size).padStart(5)}  ${reason}  (e.g. ${group.example})`);
    }
  };
  section("internal errors, stack overflows, hangs and crashes", report.internal, true);
  section("negative tests accepted (test262 says they must not parse)", report.negativeAccepted);
  section("negative tests rejected as unsupported instead of as syntax errors", report.negativeUnsupported);
  section("valid tests rejected as syntax errors", report.positiveRejected);
  section("valid tests the compiler does not support", report.unsupported);
  grouped("internal errors", report.internal);
  grouped("negative tests rejected as unsupported", report.negativeUnsupported);
  grouped("valid tests rejected", report.positiveRejected);
  grouped("unsupported", report.unsupported);
  grouped("negative tests rejected only because the parser does not know the syntax (right answer, maybe not for the test's reason)", report.rejectedForMissingPlugin);
  lines.push(
    "",
    `hostile:test262: ${report.files} files (${report.files - report.fixtures} tests, ${report.fixtures} fixtures), ${report.variants} compiles, ${(elapsedMs / 1000).toFixed(1)} s with ${options.jobs} processes`,
    `  compiled:                      ${report.compiled.length}`,
    `  rejected as expected:          ${report.rejected.length} of ${report.negativeTests} negative parse tests`,
    `    only because the parser does not know the syntax: ${report.rejectedForMissingPlugin.length}`,
    `  unsupported:                   ${new Set(report.unsupported.map((e) => e.path)).size}`,
    `  negative tests accepted:       ${new Set(report.negativeAccepted.map((e) => e.path)).size}`,
    `  negative tests unsupported:    ${new Set(report.negativeUnsupported.map((e) => e.path)).size}`,
    `  valid tests rejected:          ${new Set(report.positiveRejected.map((e) => e.path)).size}`,
    `  internal errors:               ${new Set(report.internal.map((e) => e.path)).size}`,
    `  slowest compiles: ${report.slowest.map((s) => `${s.path} [${s.variant}] ${s.ms.toFixed(0)} ms`).join(", ")}`,
    "",
    report.failed ? "hostile:test262: FAILED" : "hostile:test262: ok",
  );
  return lines;
}

// ---------------------------------------------------------------- child

async function child() {
  const { transform } = await import(pathToFileURL(DIST_INDEX).href);
  process.on("message", ({ test262Dir, path, fixture }) => {
    process.send(compileFile(transform, test262Dir, path, fixture));
  });
  process.on("disconnect", () => process.exit(0));
}

function compileFile(transform, test262Dir, path, fixture) {
  let source;
  try {
    source = readFileSync(join(test262Dir, "test", path), "utf8");
  } catch (error) {
    return { negative: null, variants: [{ variant: "?", kind: "internal", message: `cannot read the file: ${error.message}`, stack: "", ms: 0 }] };
  }
  const meta = parseFrontmatter(source);
  const module = fixture || meta.flags.includes("module");
  const variants = module ? ["module"] : variantsFor(meta);
  return {
    negative: meta.negative,
    variants: variants.map((variant) => {
      const code = variant === "strict" ? STRICT_PREFIX + source : source;
      const started = performance.now();
      const outcome = compileOne(transform, code, module ? "module" : "script", path);
      return { variant, ...outcome, ms: performance.now() - started };
    }),
  };
}

/** What `transform` did with one program: compiled, or which kind of error it threw. */
function compileOne(transform, code, sourceType, filename) {
  try {
    transform(code, { sourceType, runtime: "inline", filename });
    return { kind: "compiled", message: "", stack: "" };
  } catch (error) {
    const errorCode = error && typeof error === "object" ? error.code : undefined;
    if (errorCode === "AWAITLESS_SYNTAX_ERROR" || errorCode === "AWAITLESS_UNSUPPORTED") {
      return {
        kind: errorCode === "AWAITLESS_SYNTAX_ERROR" ? "syntax" : "unsupported",
        message: `${error.line}:${error.column}: ${firstLine(error.reason)}`,
        reason: firstLine(error.reason),
        stack: "",
      };
    }
    const kind = error instanceof RangeError && /call stack/i.test(error.message) ? "overflow" : "internal";
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    return { kind, message: `${name}: ${firstLine(message)}`, reason: `${name}: ${firstLine(message)}`, stack: stackTop(error) };
  }
}

function firstLine(text) {
  return String(text).split("\n")[0];
}

/** The first frames of an error's stack, with the repository's path taken out. */
function stackTop(error) {
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.trim().replace(pathToFileURL(REPO_ROOT).href, "").replace(REPO_ROOT, ""))
    .join("\n");
}
