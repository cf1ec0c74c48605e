// What the harness needs to know about each test runner of the corpus: the
// arguments that make it print per-test results in a machine-readable form
// (appended to the package's own test command, the same way in both runs),
// and how to read them back.

import { existsSync, readFileSync } from "node:fs";
import { parseTap } from "./parsers/tap.mjs";
import { parseMochaJson } from "./parsers/mocha.mjs";
import { parseLabJson } from "./parsers/lab.mjs";
import { parseVitestJson } from "./parsers/vitest.mjs";

const fromFile = (parse) => (run, reportFile, dir) => {
  if (!existsSync(reportFile)) return [];
  return parse(readFileSync(reportFile, "utf8"), dir);
};

export const RUNNERS = {
  // tape prints TAP by itself; its test points are assertions, grouped by
  // the `# test name` comment before them.
  tape: { args: () => [], parse: (run) => parseTap(run.stdout, { commentGroups: true }) },
  // The corpus's ava commands already have --tap.
  ava: { args: () => [], parse: (run) => parseTap(run.stdout) },
  // tap 16 with -R tap: one subtest per test file, and a file is one test
  // (as the corpus counts them; node's own stream tests have no finer names).
  tap: { args: () => [], parse: (run) => parseTap(run.stdout, { maxDepth: 1 }) },
  // node --test prints TAP when stdout is not a terminal (Node 20).
  "node:test": { args: () => [], parse: (run) => parseTap(run.stdout) },
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
