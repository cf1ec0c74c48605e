// The least a Babel-based command line can do on a tree, as a fresh process:
// start Node, load @babel/parser, find the .js files under the folder given,
// read and parse each one. Nothing is lowered, printed or written.
// bench/throughput.mjs times it from outside like the CLI rows, so the report
// shows the floor under any CLI built on the parser the project uses.
//
//   node bench/cold-parse.cjs <folder>

"use strict";

const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { parse } = require("@babel/parser");

function parseTree(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) parseTree(path);
    else if (entry.name.endsWith(".js")) parse(readFileSync(path, "utf8"), { sourceType: "script" });
  }
}

parseTree(process.argv[2]);
