// The engines besides V8 that `npm run bench` times the programs on: the
// ones awaitless's users run compiled code on. Each runs a program file in a
// fresh process; `scale` divides the programs' work (bench/compile.mjs
// scaleProgram) so that an interpreter's run takes about as long as V8's.
//
// Hermes runs with its own Promise and job queue (-Xes6-promise
// -Xmicrotask-queue) and compiles with optimizations (-O), as a release
// build of a React Native app does. It runs async functions natively but
// rejects async generators, so the native async-generator program fails there
// by construction. QuickJS runs everything natively.

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const require = createRequire(new URL("../../package.json", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));

function version(name) {
  return require(`${name}/package.json`).version;
}

export const ENGINES = {
  hermes: {
    label: "Hermes",
    version: () => `hermes-engine-cli ${version("hermes-engine-cli")}`,
    scale: 5,
    command: (file) => [join(require.resolve("hermes-engine-cli/package.json"), "../linux64-bin/hermes"), ["-O", "-w", "-Xes6-promise", "-Xmicrotask-queue", file]],
  },
  quickjs: {
    label: "QuickJS",
    version: () => `quickjs-emscripten ${version("quickjs-emscripten")} (WebAssembly)`,
    scale: 40,
    command: (file) => [process.execPath, [join(here, "quickjs-run.mjs"), file]],
  },
};

export const ENGINE_NAMES = Object.keys(ENGINES);
