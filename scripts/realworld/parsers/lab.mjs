// Per-test results from @hapi/lab's JSON reporter (`-r json -o <file>`, beside
// the console reporter on stdout). Tests are grouped by their describe path.
// Lab's JSON has no skipped or todo mark: a skipped test shows as passed, in
// both runs alike. Global leaks and errors outside any test fail the run, so
// they are reported as failing entries of their own.

import { uniqueIds } from "./unique-ids.mjs";

/** [{ id, status }] from the reporter's JSON text. */
export function parseLabJson(text) {
  const report = JSON.parse(text);
  const results = [];
  for (const [path, tests] of Object.entries(report.tests)) {
    for (const test of tests) {
      results.push({ id: path ? `${path} > ${test.title}` : test.title, status: test.err ? "fail" : "pass" });
    }
  }
  if (report.leaks?.length) results.push({ id: "(global variable leaks)", status: "fail" });
  for (const error of report.errors ?? []) {
    results.push({ id: `(error outside tests) ${String(error.message).split("\n")[0]}`, status: "fail" });
  }
  return uniqueIds(results);
}
