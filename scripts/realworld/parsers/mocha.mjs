// Per-test results from mocha's JSON reporter (`--reporter json`, written to a
// file with `--reporter-option output=<file>` so the suite's own console output
// cannot corrupt it). Failed hooks ("before all" hook for …) are failures of
// their own; a test reported twice (mocha's "done() called multiple times")
// gets a second, numbered id.

import { uniqueIds } from "./unique-ids.mjs";

/** [{ id, status }] from the reporter's JSON text. */
export function parseMochaJson(text) {
  const report = JSON.parse(text);
  const results = [
    ...report.passes.map((test) => ({ id: test.fullTitle, status: "pass" })),
    ...report.failures.map((test) => ({ id: test.fullTitle, status: "fail" })),
    ...report.pending.map((test) => ({ id: test.fullTitle, status: "skip" })),
  ];
  return uniqueIds(results);
}
