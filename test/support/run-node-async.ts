// Runs a program in a fresh Node process, as run-node.ts does, without
// blocking the test worker (so tests can run programs concurrently).

import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execCapture } from "./exec.js";
import type { RunResult } from "./run-node.js";

export interface NodeRunOptions {
  module: boolean;
  timeoutMs?: number;
  /** Run the program from this folder (to resolve its packages) rather than from a new temporary one. */
  dir?: string;
  /** Another Node binary than the one running the tests (Node 24, test/support/engines/node24.ts). */
  node?: string;
}

export async function runNodeAsync(code: string, options: NodeRunOptions): Promise<RunResult> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "awaitless-native-")));
  const file = join(dir, `program-${process.pid}-${Math.random().toString(36).slice(2)}.${options.module ? "mjs" : "cjs"}`);
  try {
    await writeFile(file, code);
    const raw = await execCapture(options.node ?? process.execPath, [file], options.timeoutMs ?? 30_000);
    return { stdout: raw.stdout.toString("utf8"), status: raw.status, error: nodeError(raw.stderr) };
  } finally {
    await rm(options.dir ? file : dir, { recursive: true, force: true });
  }
}

/**
 * The line run-node.ts takes from Node's report of an uncaught exception
 * ("TypeError: message"), and for a rejection with something other than an
 * error, Node's "UnhandledPromiseRejection: ..." line.
 */
function nodeError(stderr: string): string | null {
  if (!stderr) return null;
  const line = stderr.split("\n").find((l) => /^(\w*Error|Uncaught|\[?UnhandledPromiseRejection)/.test(l));
  return line ? line.trim() : stderr.trim().split("\n")[0];
}
