#!/usr/bin/env node
// `npm run test262`: runs the selected test262 tests natively and compiled by
// awaitless, in a pool of worker threads, compares the outcome with
// test262/expectations.json, prints a summary and exits non-zero when the
// outcome differs from the expectations. See docs/test262.md.

import { existsSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ENGINES } from "../engines/paths.mjs";
import { parseOptions, USAGE } from "./options.mjs";
import { locateTest262, loadTests, DIST_INDEX, expectationsFile } from "./tests.mjs";
import { selectTests, listOf } from "./select.mjs";
import { runPool } from "./pool.mjs";
import {
  loadExpectations,
  saveExpectations,
  withNativeResults,
  compareWithExpectations,
  matchesExpectations,
} from "./expectations.mjs";
import { formatSummary } from "./summary.mjs";

const NO_RESULT = { pass: false, message: "no result (worker lost)", variant: null };
const SKIPPED = { pass: false, skipped: true, message: "", variant: null };
/** How the native section of the expectations marks a test the engine itself crashes on (not run). */
const CRASHES = /^crashes the engine/;

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const engine = engineFor(options);
  if (engine) return runOn(engine);
  const test262Dir = locateTest262(options.test262);
  if (options.compiled && !existsSync(DIST_INDEX)) {
    throw new Error("dist/index.js is missing: run `npm run build` first");
  }
  let file = expectationsFile(options.suite);
  let expectations = loadExpectations(file);
  if (options.compiledOnly) {
    file = expectationsFile(options.suite, process.versions.node.split(".")[0]);
    expectations = { native: expectations.native, compiled: loadExpectations(file).compiled };
  }
  const selected = selectTests(loadTests(test262Dir, listOf(options.suite)), options);
  // A test that crashes the engine natively would take the whole run down with it (tests run in this process).
  const crashing = selected.filter(({ path }) => CRASHES.test(expectations.native[path] ?? ""));
  const tests = selected.filter((test) => !crashing.includes(test));
  const started = performance.now();
  const results = [
    ...(await runAll(tests, test262Dir, options, expectations)),
    ...crashing.map(({ path }) => ({ path, native: { pass: false, message: expectations.native[path], variant: null }, ...(options.compiled ? { compiled: SKIPPED } : {}) })),
  ];
  const elapsedMs = performance.now() - started;

  if (options.writeNative) {
    expectations = withNativeResults(expectations, results);
    saveExpectations(file, expectations);
  }
  const diff = compareWithExpectations(results, expectations, { checkCompiled: options.compiled });
  for (const line of formatSummary({ results, diff, options, elapsedMs })) console.log(line);
  if (options.json) writeJson(options.json, { options, elapsedMs, results, diff });
  if (options.writeNative) {
    console.log(`\nwrote the "native" section of test262/${file.split("/").pop()} for ${results.length} tests`);
    return 0;
  }
  const ok = matchesExpectations(diff);
  console.log(ok ? "\ntest262: as expected" : `\ntest262: results differ from test262/${file.split("/").pop()}`);
  return ok ? 0 : 1;
}

/**
 * The Node binary the run must happen on, when it is not this one: the one
 * given with --node, or for the erm suite (which Node 20 cannot run natively)
 * the Node 24 of `npm run engines`.
 */
function engineFor(options) {
  if (process.env.AWAITLESS_TEST262_ENGINE === "1") return null;
  if (options.node) return options.node;
  if (options.suite !== "erm" || options.compiledOnly || supportsUsing()) return null;
  if (!existsSync(ENGINES.node24.binary)) throw new Error("the erm suite needs Node 24: run `npm run engines` first (or pass --node)");
  return ENGINES.node24.binary;
}

function supportsUsing() {
  try {
    new Function("{ using x = null; }");
    return true;
  } catch {
    return false;
  }
}

/** Runs this same command on `binary`; its exit status is the run's. */
function runOn(binary) {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(binary, [script, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, AWAITLESS_TEST262_ENGINE: "1" } });
  if (child.error) throw child.error;
  return child.status ?? 1;
}

/** Runs the tests in the pool; returns [{ path, native, compiled? }] in the tests' order. */
async function runAll(tests, test262Dir, options, expectations) {
  const modes = options.compiledOnly ? ["compiled"] : options.compiled ? ["native", "compiled"] : ["native"];
  const byPath = await runPool({
    paths: tests.map((t) => t.path),
    jobs: options.jobs,
    // A hung mode (sloppy and strict, each with its sync and async limit) is
    // given three run limits before its worker is replaced.
    watchdogMs: 3 * options.timeoutMs,
    workerData: {
      test262Dir,
      distIndex: DIST_INDEX,
      modes,
      limits: { syncMs: options.timeoutMs, asyncMs: options.timeoutMs, idleMs: 100 },
    },
    onProgress: progressReporter(tests.length),
  });
  return tests.map(({ path }) => {
    const result = byPath.get(path) ?? {};
    // Compiled only: natively, what the expectations recorded on an engine that runs the tests.
    const recorded = expectations.native[path];
    const native = options.compiledOnly ? { pass: recorded === undefined, message: recorded ?? "", variant: null } : (result.native ?? NO_RESULT);
    if (!options.compiled) return { path, native };
    return { path, native, compiled: result.compiled ?? (native.pass ? NO_RESULT : SKIPPED) };
  });
}

/** Progress on stderr: a live counter on a terminal, a line per 10% otherwise (CI logs). */
function progressReporter(total) {
  const step = Math.max(1, Math.ceil(total / 10));
  return (_path, done) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}${done === total ? "\n" : ""}`);
    else if (done % step === 0 || done === total) process.stderr.write(`${done}/${total}\n`);
  };
}

function writeJson(file, data) {
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  console.log(`\nwrote ${file}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`test262: ${error.message}`);
    if (/^(--|Unknown option|Option)/.test(error.message) || error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error(USAGE);
    }
    process.exitCode = 2;
  },
);
