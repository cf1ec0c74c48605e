// `npm ci` in a package's copy, exactly as the corpus README says to install it.
//
// npm 11 checks dependencies' install scripts (preinstall, install,
// postinstall) against package.json's `allowScripts` and names the unreviewed
// ones in `npm warn install-scripts` lines. In npm 11.19 they still run (only
// packages denied with `false` are skipped, and `strict-allow-scripts` would
// make them an error); npm says a later release will block them. The harness
// changes none of this, so both runs get what a user's `npm ci` gives, and
// the report names those packages: if npm starts blocking them, a native
// failure they cause is easy to trace. (No dependency in the corpus has an
// install script today.)

import { spawnSync } from "node:child_process";
import { packageEnv } from "./env.mjs";

/** Runs `npm ci` in dir; returns { seconds, unreviewed: ["pkg@version (script)"] }; throws when it fails. */
export function npmCi(dir) {
  const started = performance.now();
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, env: packageEnv(), encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm ci failed in ${dir} (status ${result.status}):\n${output.slice(-4000)}`);
  const unreviewed = output
    .split("\n")
    .filter((line) => /install-scripts\s+\S+@\S+/.test(line))
    .map((line) => line.replace(/^npm warn install-scripts\s+/, "").trim());
  return { seconds, unreviewed };
}
