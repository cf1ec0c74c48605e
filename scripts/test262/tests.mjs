// Where things are, and the list of tests with their frontmatter. The test262
// copy sits beside the repository (../shared/test262), found from this file's
// own location so the run works from any working directory and any checkout.

import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { parseFrontmatter } from "./frontmatter.mjs";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST_INDEX = join(REPO_ROOT, "dist", "index.js");
/**
 * The known failures: one file per list of tests (the erm suite runs on another
 * engine); a compiled-only run on an engine without the feature keeps its own
 * compiled failures, by Node major version (its native results are the list's).
 */
export function expectationsFile(suite, compiledOnlyOn = null) {
  const base = suite === "erm" ? "expectations-erm" : "expectations";
  return join(REPO_ROOT, "test262", compiledOnlyOn ? `${base}-node${compiledOnlyOn}.json` : `${base}.json`);
}

/** The test262 directory: the option if given, else ../shared/test262 beside the repository. */
export function locateTest262(option) {
  const dir = option ? resolve(option) : resolve(REPO_ROOT, "..", "shared", "test262");
  if (!existsSync(join(dir, "tests.txt"))) {
    throw new Error(`no test262 copy at ${dir} (expected tests.txt there; see docs/test262.md)`);
  }
  return dir;
}

/** Every test of a list (tests.txt by default) as { path, meta }, in the list's order. */
export function loadTests(test262Dir, list = "tests.txt") {
  const paths = readFileSync(join(test262Dir, list), "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return paths.map((path) => ({ path, meta: parseFrontmatter(readFileSync(join(test262Dir, "test", path), "utf8")) }));
}
