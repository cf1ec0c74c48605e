// Runs one compiled program in a fresh process and splits what it printed
// into the timing and the rest. A fresh process per run means no variant
// inherits another's JIT state, heap or runtime patches.

import { spawnSync } from "node:child_process";

const TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Runs `file` in a fresh `node`. Returns { ms, output, order } on success:
 * `ms` from the program's `elapsed <ms>` line, `order` from its optional
 * `order <hash>` line (the microtask-order fingerprint, compared separately
 * because it reflects timing, not correctness), `output` the remaining lines.
 * Returns { error } when the process fails or prints no timing.
 */
export function runProgram(file) {
  return runTimed(process.execPath, [file]);
}

/** Runs `command args` (an engine and its program) as runProgram runs node. */
export function runTimed(command, args) {
  const child = spawnSync(command, args, { encoding: "utf8", timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
  if (child.error) return { error: `${child.error.message}` };
  if (child.status !== 0 || child.signal) {
    const how = child.signal ? `signal ${child.signal}` : `exit code ${child.status}`;
    return { error: `${how}\n${(child.stderr || child.stdout).trim()}` };
  }
  return parseTimedOutput(child.stdout, child.stderr);
}

function parseTimedOutput(stdout, stderr) {
  const lines = stdout.trimEnd().split("\n");
  let ms;
  let order;
  const output = [];
  for (const line of lines) {
    const elapsed = /^elapsed (\d+(?:\.\d+)?)$/.exec(line);
    if (elapsed) ms = Number(elapsed[1]);
    else if (line.startsWith("order ")) order = line.slice(6);
    else output.push(line);
  }
  if (ms === undefined) return { error: `no "elapsed <ms>" line in output:\n${stdout}${stderr}` };
  return { ms, order, output: output.join("\n"), stderr };
}
