// Runs a script on Hermes, React Native's JavaScript engine, through the
// command-line VM of the hermes-engine-cli package (Hermes 0.12), with the
// engine's own Promise and job queue (`-Xes6-promise -Xmicrotask-queue`), as
// React Native runs it. The VM has `print` but no `console`: a prelude gives
// the script a `console.log` that prints its arguments as strings joined by
// spaces, which is what Node prints for strings (the only values the
// programs run here log). What a run prints is returned in the shape of
// run-node.ts's results, so it compares with a Node run in one toEqual.

import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./package-sandbox.js";
import { execCapture } from "./exec.js";
import type { RunResult } from "./run-node.js";

const PLATFORM_FOLDERS: Partial<Record<NodeJS.Platform, string>> = { linux: "linux64-bin", darwin: "osx-bin", win32: "win64-bin" };

export const HERMES = join(REPO_ROOT, "node_modules/hermes-engine-cli", PLATFORM_FOLDERS[process.platform] ?? "linux64-bin", "hermes");

const PRELUDE = [
  "var console = {",
  "  log: function () {",
  "    var parts = [];",
  "    for (var i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));",
  "    print(parts.join(' '));",
  "  },",
  "};",
].join("\n");

export async function runOnHermes(script: string, options: { timeoutMs?: number } = {}): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), "awaitless-hermes-"));
  try {
    const file = join(dir, "bundle.js");
    await writeFile(file, PRELUDE + "\n" + script);
    const raw = await execCapture(HERMES, ["-Xes6-promise", "-Xmicrotask-queue", file], options.timeoutMs ?? 60_000);
    const stderr = raw.stderr.trim();
    // Hermes reports an uncaught exception as "Uncaught TypeError: message" and a stack.
    const errorLine = stderr.split("\n").find((line) => /\w*Error\b/.test(line));
    return {
      stdout: raw.stdout.toString("utf8"),
      status: raw.status,
      error: stderr ? (errorLine ?? stderr.split("\n")[0]).replace(/^Uncaught /, "").trim() : null,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
