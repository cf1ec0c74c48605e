// The least a command line built on the project's stack can do on a tree, as
// a fresh process, with nothing lowered: start Node, load Babel's parser (and
// printer), read every .js file under the folder, parse the ones the CLI
// would parse (the same text test, src/cli/may-need-lowering.ts), print them back
// unchanged with @babel/generator when asked to, and write every file into
// out/, keeping the tree. The modules are imported the way the CLI imports
// them. bench/throughput.mjs times it from outside like the CLI rows: any
// compiler that parses and prints with Babel, awaitless included, is slower
// than this on the same tree.
//
//   node bench/cold-floor.mjs <folder> parse|print

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@babel/parser";
import generateModule from "@babel/generator";
import { mayNeedLowering } from "../dist/cli/may-need-lowering.js";

const generate = typeof generateModule === "function" ? generateModule : generateModule.default;

function copyTree(folder, out, print) {
  mkdirSync(out, { recursive: true });
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      copyTree(path, join(out, entry.name), print);
      continue;
    }
    if (!entry.name.endsWith(".js")) continue;
    const code = readFileSync(path, "utf8");
    let text = code;
    if (mayNeedLowering(code)) {
      const ast = parse(code, { sourceType: "script" });
      if (print) text = generate(ast, { comments: true }, code).code;
    }
    writeFileSync(join(out, entry.name), text);
  }
}

const [folder, mode] = process.argv.slice(2);
if (!folder || (mode !== "parse" && mode !== "print")) {
  console.error("usage: node bench/cold-floor.mjs <folder> parse|print");
  process.exit(2);
}
copyTree(folder, "out", mode === "print");
