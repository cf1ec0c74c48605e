// Which --source-type a user would pass for a file: what Node itself does with
// it. `.cjs`/`.cts` are CommonJS (script), `.mjs`/`.mts` are ES modules, and
// `.js`/`.ts` follow the "type" of the nearest package.json (CommonJS when it
// has none). TypeScript run by vitest is ESM whatever the package says: vite
// loads every test and source file as a module.

import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";

/** "script" or "module" for the file at relPath inside packageDir. */
export function sourceTypeOf(packageDir, relPath, runner) {
  const ext = extname(relPath);
  if (ext === ".cjs" || ext === ".cts") return "script";
  if (ext === ".mjs" || ext === ".mts") return "module";
  if (runner === "vitest") return "module";
  return nearestPackageType(packageDir, dirname(relPath)) === "module" ? "module" : "script";
}

function nearestPackageType(packageDir, relDir) {
  for (let dir = relDir; ; dir = dirname(dir)) {
    const manifest = join(packageDir, dir, "package.json");
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).type ?? "commonjs";
    if (dir === "." || dir === "" || dir === "/") return "commonjs";
  }
}
