// Per-test results from vitest's JSON reporter (`--reporter=json
// --outputFile=<file>`). Ids are "file > describe > test" with the file
// relative to the package, so the native and compiled copies agree. A test
// file that fails before any test runs (an import or syntax error) is a
// failing entry of its own.

import { relative } from "node:path";
import { uniqueIds } from "./unique-ids.mjs";

const STATUS = { passed: "pass", failed: "fail", skipped: "skip", pending: "skip", todo: "todo", disabled: "skip" };

/** [{ id, status }] from the reporter's JSON text; packageDir makes file names relative. */
export function parseVitestJson(text, packageDir) {
  const report = JSON.parse(text);
  const results = [];
  for (const file of report.testResults) {
    const name = relative(packageDir, file.name).split("\\").join("/");
    for (const test of file.assertionResults) {
      results.push({ id: [name, ...test.ancestorTitles, test.title].join(" > "), status: STATUS[test.status] ?? "fail" });
    }
    if (file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")) {
      results.push({ id: `${name} (file failed: ${String(file.message).split("\n")[0]})`, status: "fail" });
    }
  }
  return uniqueIds(results);
}
