// Runs a program in a fresh Node process and captures what it printed, so a
// native run and a compiled run can be compared exactly.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunResult {
  stdout: string;
  /** Exit status (null when killed by the timeout). */
  status: number | null;
  /** The uncaught error's "Name: message" line, if the process died of one. */
  error: string | null;
}

export function runNode(code: string, options: { module?: boolean; timeoutMs?: number; args?: string[]; node?: string } = {}): RunResult {
  const dir = mkdtempSync(join(tmpdir(), "awaitless-run-"));
  const file = join(dir, options.module === false ? "program.cjs" : "program.mjs");
  writeFileSync(file, code);
  try {
    const child = spawnSync(options.node ?? process.execPath, [...(options.args ?? []), file], {
      encoding: "utf8",
      timeout: options.timeoutMs ?? 20_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout: child.stdout, status: child.status, error: uncaughtError(child.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The "TypeError: message" line of Node's uncaught-exception report, without paths or stacks. */
function uncaughtError(stderr: string): string | null {
  if (!stderr) return null;
  const line = stderr.split("\n").find((l) => /^(\w*Error|Uncaught|\[UnhandledPromiseRejection)/.test(l));
  return line ? line.trim() : stderr.trim().split("\n")[0];
}
