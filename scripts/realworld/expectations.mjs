// scripts/realworld/expectations.json: per package, the tests that fail
// natively ("native") and the tests that cannot pass compiled by construction
// ("compiled"), each with the reason. Nothing that is a compiler bug belongs
// there: a bug is a regression until it is fixed.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const EXPECTATIONS_FILE = fileURLToPath(new URL("./expectations.json", import.meta.url));

/** The whole file: { [package]: { native: { id: reason }, compiled: { id: reason } } }. */
export function loadExpectations(file = EXPECTATIONS_FILE) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** One package's expectations, with both sections present. */
export function expectationsFor(all, name) {
  const entry = all[name] ?? {};
  return { native: entry.native ?? {}, compiled: entry.compiled ?? {} };
}
