// Compiles a package's source and test files in place with the awaitless
// command line, as a user would: the default inline runtime, and the
// --source-type Node would give each file. The pristine corpus folder is the
// input and the package's copy the output folder (the CLI never writes over
// its own inputs), so each file's compiled version replaces it in the copy.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./corpus.mjs";
import { sourceTypeOf } from "./source-type.mjs";

const CLI = join(REPO_ROOT, "bin", "awaitless.js");

/**
 * Compiles `files` (paths relative to pkg.dir) into outDir, one CLI run per
 * source type. Returns [{ sourceType, files, command, seconds }]; throws when
 * the CLI fails or compiles another number of files than asked.
 */
export function compilePackage(pkg, files, outDir) {
  const groups = new Map();
  for (const file of files) {
    const type = sourceTypeOf(pkg.dir, file, pkg.corpus.runner);
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type).push(file);
  }
  return [...groups].map(([sourceType, group]) => compileGroup(pkg.dir, group, sourceType, outDir));
}

function compileGroup(inputDir, files, sourceType, outDir) {
  // --only takes comma-separated globs; each file is given as a glob that
  // matches only itself, so the CLI compiles exactly the corpus's file list.
  const only = files.map(escapeGlob).join(",");
  const args = [CLI, ".", "-d", outDir, "--only", only, "--source-type", sourceType];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: inputDir, encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}${result.stderr}`;
  const command = `awaitless . -d <copy> --only <${files.length} files> --source-type ${sourceType}`;
  if (result.status !== 0) throw new Error(`${command} failed (status ${result.status}):\n${output.slice(-4000)}`);
  const compiled = Number(/compiled (\d+) files?/.exec(output)?.[1]);
  if (compiled !== files.length) {
    throw new Error(`${command} compiled ${compiled} files, not ${files.length}:\n${output.slice(-2000)}`);
  }
  return { sourceType, files, command, seconds, summary: output.trim().split("\n").pop() };
}

function escapeGlob(path) {
  if (path.includes(",")) throw new Error(`cannot pass ${path} to --only: it has a comma`);
  return path.replace(/[\\*?[\]{}()!+@^$|]/g, "\\$&");
}
