// Measures the runtime helpers each compiler adds to a file for one async
// function: the fixed cost a user pays once per file (inline helpers) before
// any of their own code. Run on its own with `node bench/helper-size.mjs`;
// `npm run bench` includes it in the report.
//
// Method, the same for every compiler:
// 1. compile the tiny file below with the exact configuration the benchmarks
//    use (compilers.mjs);
// 2. keep the top-level statements that do not mention the user's function
//    (`userFn`): those are the helpers — awaitless's `var _awaitless = …`,
//    TypeScript's `__awaiter` and `__generator`, Babel's and SWC's helper
//    functions; the user's function and its wrappers (`_userFn`,
//    `_awaitless.markAsync(userFn)`) are per-function code, not helpers;
// 3. minify them with terser (compress + mangle, top-level names kept since
//    compiled code refers to them) with its default comment handling, which
//    keeps licence comments (/*! … */) as a production build ships them —
//    regenerator's helper carries one; the size without it is reported too;
// 4. gzip with node:zlib at level 9 and count bytes.

import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { variants, root } from "./compilers.mjs";

const require = createRequire(`${root}/package.json`);

const TINY = `async function userFn(x) {
  const y = await x;
  return y + 1;
}
`;
const USER_NAME = "userFn";

export const compilersMeasured = ["awaitless", "typescript", "regenerator", "swc"];

/** Returns [{ variant, helpers: [names], raw, minified, gzip, error? }]. */
export async function measureHelperSizes() {
  const { parse } = require("@babel/parser");
  const generate = require("@babel/generator").default;
  const { minify } = require("terser");
  const rows = [];
  for (const variant of compilersMeasured) {
    let compiled;
    try {
      compiled = await variants[variant].compile(TINY, "tiny.js");
    } catch (error) {
      rows.push({ variant, error: `${error.message}` });
      continue;
    }
    const body = parse(compiled, { sourceType: "script" }).program.body;
    const helpers = body.filter((statement) => !generate(statement).code.includes(USER_NAME));
    const names = helpers.flatMap(declaredNames);
    if (variant === "awaitless" && (names.length !== 1 || names[0] !== "_awaitless")) {
      rows.push({ variant, error: `expected only \`var _awaitless = …\` as helpers, found: ${names.join(", ") || "nothing"}` });
      continue;
    }
    const code = helpers.map((statement) => generate(statement).code).join("\n");
    const minifyWith = async (comments) =>
      (await minify(code, { compress: true, mangle: true, toplevel: false, module: false, format: { comments } })).code;
    const minified = await minifyWith("some");
    const codeOnly = await minifyWith(false);
    rows.push({
      variant,
      helpers: names,
      raw: Buffer.byteLength(code),
      minified: Buffer.byteLength(minified),
      gzip: gzipSync(minified, { level: 9 }).length,
      gzipCodeOnly: gzipSync(codeOnly, { level: 9 }).length,
      minifiedCode: minified,
    });
  }
  return rows;
}

function declaredNames(statement) {
  if (statement.type === "FunctionDeclaration") return [statement.id.name];
  if (statement.type === "VariableDeclaration") return statement.declarations.map((d) => d.id.name);
  return [`(${statement.type})`];
}

export function formatHelperSizes(rows) {
  const lines = ["helper size for one async function (terser, then gzip -9):"];
  for (const row of rows) {
    const label = variants[row.variant].label.padEnd(18);
    if (row.error) lines.push(`  ${label} ERROR ${row.error}`);
    else {
      const codeOnly = row.gzipCodeOnly !== row.gzip ? `, ${row.gzipCodeOnly} B without licence comments` : "";
      lines.push(`  ${label} ${String(row.gzip).padStart(5)} B gzip  ${String(row.minified).padStart(5)} B min   (${row.helpers.join(", ")}${codeOnly})`);
    }
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureHelperSizes();
  console.log(formatHelperSizes(rows));
  if (process.argv.includes("--show")) {
    for (const row of rows) if (!row.error) console.log(`\n// ${row.variant}\n${row.minifiedCode}`);
  }
  if (rows.some((row) => row.error)) process.exitCode = 1;
}
