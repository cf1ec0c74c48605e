// What the harness needs to know about each test runner of the corpus: the
// arguments that make it print per-test results in a machine-readable form
// (appended to the package's own test command, the same way in both runs),
// and how to read them back.

import { existsSync, readFileSync } from "node:fs";
import { parseTap, tapProblem } from "./parsers/tap.mjs";
import { parseMochaJson } from "./parsers/mocha.mjs";
import { parseLabJson } from "./parsers/lab.mjs";
import { parseVitestJson } from "./parsers/vitest.mjs";

// Each `parse` returns { results, problem }: problem says why the results
// cannot be the whole suite (a missing report, a cut-short TAP stream), or is null.
const fromTap = (options) => (run) => ({ results: parseTap(run.stdout, options), problem: tapProblem(run.stdout) });
const fromFile = (parse) => (run, reportFile, dir) => {
  if (!existsSync(reportFile)) return { results: [], problem: `the runner wrote no report (${reportFile})` };
  return { results: parse(readFileSync(reportFile, "utf8"), dir), problem: null };
};

export const RUNNERS = {
  // tape prints TAP by itself; its test points are assertions, grouped by
  // the `# test name` comment before them.
  tape: { args: () => [], parse: fromTap({ commentGroups: true }) },
  // The corpus's ava commands already have --tap. ava fails a run in which no
  // test finishes for 10 s (its default --timeout), which a loaded machine
  // reaches, and its TAP reporter then crashes; a longer limit, the same in
  // both runs, keeps the run about the code.
  ava: { args: () => ["--timeout=2m"], parse: fromTap({}) },
  // tap 16 with -R tap: one subtest per test file, and a file is one test
  // (as the corpus counts them; node's own stream tests have no finer names).
  tap: { args: () => [], parse: fromTap({ maxDepth: 1 }) },
  // node --test prints TAP when stdout is not a terminal (Node 20).
  "node:test": { args: () => [], parse: fromTap({}) },
  mocha: {
    args: (reportFile) => ["--reporter", "json", "--reporter-option", `output=${reportFile}`],
    parse: fromFile(parseMochaJson),
  },
  // The console reporter stays on stdout for the log; the JSON goes to a file.
  "@hapi/lab": {
    args: (reportFile) => ["-r", "console", "-o", "stdout", "-r", "json", "-o", reportFile],
    parse: fromFile(parseLabJson),
  },
  vitest: {
    args: (reportFile) => ["--reporter=json", `--outputFile=${reportFile}`],
    parse: fromFile(parseVitestJson),
  },
};

/** The runner entry for a package; throws for a runner the harness cannot read. */
export function runnerFor(pkg) {
  const runner = RUNNERS[pkg.corpus.runner];
  if (!runner) throw new Error(`${pkg.name}: no parser for runner ${pkg.corpus.runner}`);
  return runner;
}
