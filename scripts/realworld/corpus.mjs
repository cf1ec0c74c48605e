// The real-world corpus: one folder per package, each described by its
// CORPUS.json (runner, test command, source and test globs). It sits beside
// the repository (../shared/realworld), found from this file's own location so
// the run works from any working directory.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { globSync } from "tinyglobby";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The corpus directory: the option if given, else ../shared/realworld beside the repository. */
export function locateCorpus(option) {
  const dir = option ? resolve(option) : resolve(REPO_ROOT, "..", "shared", "realworld");
  if (!existsSync(dir)) throw new Error(`no real-world corpus at ${dir} (see docs/realworld.md)`);
  return dir;
}

/** Every package of the corpus as { name, dir, corpus }, sorted by name; `only` narrows it. */
export function loadPackages(corpusDir, only) {
  const all = readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corpusDir, entry.name, "CORPUS.json")))
    .map((entry) => entry.name)
    .sort();
  if (only) {
    const unknown = only.filter((name) => !all.includes(name));
    if (unknown.length) throw new Error(`--only: no such package ${unknown.join(", ")} (have ${all.join(", ")})`);
  }
  return all
    .filter((name) => !only || only.includes(name))
    .map((name) => {
      const dir = join(corpusDir, name);
      return { name, dir, corpus: JSON.parse(readFileSync(join(dir, "CORPUS.json"), "utf8")) };
    });
}

/** The files (relative paths, sorted) matched by the package's `source` and `tests` globs. */
export function compiledFiles(pkg) {
  const patterns = [...pkg.corpus.source, ...pkg.corpus.tests];
  return globSync(patterns, { cwd: pkg.dir, ignore: ["**/node_modules/**"], onlyFiles: true }).sort();
}
