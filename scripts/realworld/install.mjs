// `npm ci` in a package's copy, exactly as the corpus README says to install it.
//
// npm 11 holds back dependencies' install scripts (preinstall, install,
// postinstall) that package.json's `allowScripts` does not approve, and names
// them in `npm warn install-scripts` lines. The harness approves nothing: a
// user installing the package gets the same tree, and both runs share it. The
// held-back packages are reported so a native failure they cause is easy to see.

import { spawnSync } from "node:child_process";

/** Runs `npm ci` in dir; returns { seconds, heldBack: [lines] }; throws when it fails. */
export function npmCi(dir) {
  const started = performance.now();
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm ci failed in ${dir} (status ${result.status}):\n${output.slice(-4000)}`);
  const heldBack = output
    .split("\n")
    .filter((line) => /install-scripts\s+\S+@\S+/.test(line))
    .map((line) => line.replace(/^npm warn install-scripts\s+/, "").trim());
  return { seconds, heldBack };
}
