// The temporary folders of one package: a fresh copy of the corpus folder for
// the native run and another for the compiled run, so that neither run sees
// what the other left behind. Each run gets its own TMPDIR inside the folder
// (globby's tests leave hundreds of temporary git repositories there).

import { cpSync, mkdtempSync, mkdirSync, readdirSync, chmodSync, lstatSync, rmSync, renameSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A new temporary root for the whole run. */
export function makeRunRoot() {
  return mkdtempSync(join(tmpdir(), "awaitless-realworld-"));
}

/** Copies the package into `<root>/<name>/<mode>` and returns that folder and its TMPDIR. */
export function copyPackage(pkg, root, mode) {
  const dir = join(root, pkg.name, mode);
  cpSync(pkg.dir, dir, { recursive: true });
  // The corpus may be read-only (CI lays it out without write bits); the
  // suites and the compiler write into the copy.
  makeWritable(dir);
  const tmp = join(root, pkg.name, `${mode}-tmp`);
  mkdirSync(tmp, { recursive: true });
  return { dir, tmp };
}

/**
 * Gives the compiled copy the native copy's installed node_modules: moving it
 * is instant, and `npm ci` from the same lockfile would install the same tree.
 * Caches that the native run wrote there are dropped.
 */
export function moveNodeModules(fromDir, toDir) {
  // A package without dependencies (hwp) has none.
  if (!existsSync(join(fromDir, "node_modules"))) return;
  renameSync(join(fromDir, "node_modules"), join(toDir, "node_modules"));
  for (const cache of [".cache", ".vite", ".vitest"]) {
    const path = join(toDir, "node_modules", cache);
    if (existsSync(path)) rmSync(path, { recursive: true, force: true });
  }
}

export function removeRoot(root) {
  rmSync(root, { recursive: true, force: true });
}

function makeWritable(path) {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  chmodSync(path, stat.mode | 0o200);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}
