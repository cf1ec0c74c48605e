// The multi-module app in test/support/app, what it prints run unbundled in
// Node (what every build of it must print), and throwaway user projects
// that hold it: a folder with the app in src/, awaitless installed (linked,
// see package-sandbox.ts) and whichever build tools a test names, linked from
// this repository's node_modules as `npm install` would have put them there.
// Commands run with the project as their working directory, so configuration
// files and package names resolve from it as they would for a user.

import { cp, mkdir, symlink, writeFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { createSandbox, REPO_ROOT, type Sandbox } from "./package-sandbox.js";
import { execCapture } from "./exec.js";
import type { RunResult } from "./run-node.js";

export const APP_DIR = join(REPO_ROOT, "test/support/app");

/** What the app prints run unbundled: its modules as they are, natively, in Node. */
export async function nativeAppRun(): Promise<RunResult> {
  const raw = await execCapture(process.execPath, [join(APP_DIR, "main.js")], 30_000);
  return { stdout: raw.stdout.toString("utf8"), status: raw.status, error: raw.stderr ? raw.stderr.split("\n")[0] : null };
}

export interface AppProjectOptions {
  /** Packages of this repository's node_modules to install into the project, by name ("webpack", "@rollup/plugin-babel"). */
  packages: string[];
  /**
   * The project's package.json `type`: "module" makes its .js files, configuration included, ES
   * modules. Without it, Node loads .js files as CommonJS and bundlers take them as either.
   */
  type?: "module";
}

/** A project with the app in src/ and the named packages installed. */
export async function createAppProject(options: AppProjectOptions): Promise<Sandbox> {
  const project = await createSandbox();
  for (const name of options.packages) {
    const link = join(project.dir, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(join(REPO_ROOT, "node_modules", name), link, "dir");
  }
  await cp(APP_DIR, join(project.dir, "src"), { recursive: true });
  const manifest = { name: "app", private: true, ...(options.type ? { type: options.type } : {}) };
  await writeFile(join(project.dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  return project;
}

export interface CommandRun {
  stdout: string;
  stderr: string;
  /** Exit status (null when the timeout killed it). */
  status: number | null;
}

/** Runs a command in `dir` without blocking the test worker. */
export function runIn(dir: string, command: string, args: string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: dir, env: options.env ?? process.env, encoding: "utf8", timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
        if (failure && failure.code === "ENOENT") {
          reject(new Error(`${command} was not found`));
          return;
        }
        const status = failure ? (failure.killed ? null : typeof failure.code === "number" ? failure.code : 1) : 0;
        resolve({ stdout, stderr, status });
      },
    );
  });
}
