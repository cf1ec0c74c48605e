// Compiles every benchmark program with every variant and writes the results
// under bench/results/compiled/<variant>/<program>.cjs (git-ignored), where
// they can be read, diffed and run by hand.
//
// Everything is written as .cjs: the package is "type": "module", and the
// programs are plain scripts ("use strict", no imports), so running them all
// as CommonJS puts native and compiled code in the same mode.
//
// A compiled file that still contains an async function or a generator would
// quietly benchmark the engine instead of the compiler, so that is an error.

import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { variants, root } from "./compilers.mjs";

const require = createRequire(join(root, "package.json"));
export const programsDir = join(root, "bench/programs");
export const compiledDir = join(root, "bench/results/compiled");

/** Program names (file names without .js), sorted. */
export function listPrograms() {
  return readdirSync(programsDir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Compiles `program` with `variant`. Returns { file } on success or
 * { error } with the compiler's message; never throws for a compiler failure,
 * so one broken variant does not hide the others' results.
 */
export async function compileProgram(program, variant, { scale = 1, subdir = "" } = {}) {
  const filename = `${program}.js`;
  const source = scaleProgram(readFileSync(join(programsDir, filename), "utf8"), scale);
  const dir = join(compiledDir, subdir, variant);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${program}.cjs`);
  let code;
  try {
    code = await variants[variant].compile(source, filename);
  } catch (error) {
    return { file, error: `compile error: ${error.stack || error}` };
  }
  writeFileSync(file, code);
  if (variant !== "native") {
    const left = remainingSuspendingFunctions(code);
    if (left.length) return { file, error: `output still contains native ${left.join(", ")}` };
  }
  return { file };
}

/**
 * The program with its work divided by `scale`: every top-level
 * `const NAME = <integer>;` whose name is a count of work (N, WARMUP, ITEMS,
 * ROUNDS, RECORDS and their WARMUP_ forms) becomes the integer divided, at
 * least 1. Slow engines (bench/engines) run the same programs on less work;
 * widths and batch sizes, which shape the interleaving, stay as written.
 */
export function scaleProgram(source, scale) {
  if (scale === 1) return source;
  return source.replace(/^const ((?:WARMUP_?)?(?:N|ITEMS|ROUNDS|RECORDS)|WARMUP) = (\d+);$/gm, (_line, name, value) => `const ${name} = ${Math.max(1, Math.round(Number(value) / scale))};`);
}

/** Describes each async function or generator left in `code` ("async function f (line 3)"). */
export function remainingSuspendingFunctions(code) {
  const { parse } = require("@babel/parser");
  const traverse = require("@babel/traverse").default;
  const found = [];
  traverse(parse(code, { sourceType: "script" }), {
    Function(path) {
      const { node } = path;
      if (!node.async && !node.generator) return;
      const kind = `${node.async ? "async " : ""}${node.generator ? "generator" : "function"}`;
      found.push(`${kind} ${node.id ? node.id.name : "(anonymous)"} (line ${node.loc.start.line})`);
    },
  });
  return found;
}
