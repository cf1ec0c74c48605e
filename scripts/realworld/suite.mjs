// Runs a package's own test command (CORPUS.json "test", `npm test`) in one of
// its copies, with the runner's reporter arguments appended after `--`, and
// collects what it printed. The command runs in its own process group so a
// suite that hangs can be stopped with everything it started.

import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { packageEnv } from "./env.mjs";

// The process groups of the suites running now: a suite runs detached, so a
// Ctrl-C on the terminal does not reach it, and stopSuites() ends them.
const running = new Set();

/** Kills every suite still running (on SIGINT/SIGTERM of the harness). */
export function stopSuites() {
  for (const pid of running) killGroup(pid);
}

/**
 * Runs the suite; resolves to { command, stdout, stderr, status, signal, timedOut, seconds }.
 * stdout and stderr are also written beside the copy (<mode>.stdout, <mode>.stderr) for --keep.
 */
export function runSuite({ pkg, dir, tmp, extraArgs, timeoutMs, logPrefix }) {
  const [program, ...args] = pkg.corpus.test.split(/\s+/);
  if (extraArgs.length) args.push("--", ...extraArgs);
  const command = [program, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, args, {
      cwd: dir,
      env: packageEnv({ TMPDIR: tmp, TMP: tmp, TEMP: tmp }),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.add(child.pid);
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      running.delete(child.pid);
      // Whatever the suite left running in its group goes too.
      killGroup(child.pid);
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      writeFileSync(`${logPrefix}.stdout`, stdout);
      writeFileSync(`${logPrefix}.stderr`, stderr);
      resolve({ command, stdout, stderr, status, signal, timedOut, seconds: (performance.now() - started) / 1000 });
    });
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}

