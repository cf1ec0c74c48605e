// Running a program on Hermes (the hermes-engine-cli package's `hermes`, the
// engine of React Native), compiled as a React Native build for Hermes would
// compile it: Babel 7 with awaitless (runtime inlined) and @babel/preset-env
// for an ES5 target without its own async transforms — compileForEs5, as for
// Duktape and mujs (Hermes 0.12 has no `class` or block scoping of its own).
// The program uses Hermes's own Promise and job queue (-Xes6-promise
// -Xmicrotask-queue, as React Native runs it), after the host: Hermes's part
// (hermes-engine.js), timers and Node's end of a program (host.js), and
// console.log (the ES5 host's console.js). One file holds all of it: the CLI
// runs several files only as CommonJS modules.

import { mkdtemp, writeFile, rm, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "../run-node.js";
import { execCapture } from "../exec.js";
import { engineProgram, parseEngineOutput } from "../es5/engines.js";
import { HERMES } from "../hermes.js";

export { compileForEs5 as compileForHermes } from "../es5/engines.js";

const HOST_FILES = ["hermes-engine.js", "../node-host.js", "host.js", "../es5/console.js"].map((name) => fileURLToPath(new URL(name, import.meta.url)));

/** The CLI's flags: Hermes's own Promise and microtask queue, as in React Native; no compiler warnings on stderr. */
export const HERMES_FLAGS = ["-Xes6-promise", "-Xmicrotask-queue", "-w"];

let host: Promise<string> | undefined;

function hostCode(): Promise<string> {
  host ??= Promise.all(HOST_FILES.map((file) => readFile(file, "utf8"))).then((texts) => texts.join("\n"));
  return host;
}

/** Runs a program compiled by compileForHermes (a module is CommonJS by then). */
export async function runInHermes(compiled: string, options: { module: boolean; timeoutMs: number }): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), "awaitless-hermes-"));
  try {
    const file = join(dir, "program.js");
    await writeFile(file, [await hostCode(), engineProgram(compiled, options.module), "__engine.drive(__host.turn);", ""].join("\n"));
    const raw = await execCapture(HERMES, [...HERMES_FLAGS, file], options.timeoutMs);
    return parseEngineOutput(raw);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
