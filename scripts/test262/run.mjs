#!/usr/bin/env node
// `npm run test262`: runs the selected test262 tests natively and compiled by
// awaitless, in a pool of worker threads, compares the outcome with
// test262/expectations.json, prints a summary and exits non-zero when the
// outcome differs from the expectations. See docs/test262.md.

import { existsSync, writeFileSync } from "node:fs";
import { parseOptions, USAGE } from "./options.mjs";
import { locateTest262, loadTests, DIST_INDEX, EXPECTATIONS_FILE } from "./tests.mjs";
import { selectTests } from "./select.mjs";
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

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const test262Dir = locateTest262(options.test262);
  if (options.compiled && !existsSync(DIST_INDEX)) {
    throw new Error("dist/index.js is missing: run `npm run build` first");
  }
  const tests = selectTests(loadTests(test262Dir), options);
  const started = performance.now();
  const results = await runAll(tests, test262Dir, options);
  const elapsedMs = performance.now() - started;

  let expectations = loadExpectations(EXPECTATIONS_FILE);
  if (options.writeNative) {
    expectations = withNativeResults(expectations, results);
    saveExpectations(EXPECTATIONS_FILE, expectations);
  }
  const diff = compareWithExpectations(results, expectations, { checkCompiled: options.compiled });
  for (const line of formatSummary({ results, diff, options, elapsedMs })) console.log(line);
  if (options.json) writeJson(options.json, { options, elapsedMs, results, diff });
  if (options.writeNative) {
    console.log(`\nwrote the "native" section of test262/expectations.json for ${results.length} tests`);
    return 0;
  }
  const ok = matchesExpectations(diff);
  console.log(ok ? "\ntest262: as expected" : "\ntest262: results differ from test262/expectations.json");
  return ok ? 0 : 1;
}

/** Runs the tests in the pool; returns [{ path, native, compiled? }] in the tests' order. */
async function runAll(tests, test262Dir, options) {
  const modes = options.compiled ? ["native", "compiled"] : ["native"];
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
    const native = result.native ?? NO_RESULT;
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
