// Vite's production build with @rollup/plugin-babel running awaitless, as
// docs/babel-plugin.md shows it: each of the page's two vite.config.js files
// is written into a project holding the multi-module app
// (test/support/app-project.ts) and built through Vite's `build()` API, in
// a process of its own started in the project, so that Vite, the Babel
// plugin and presets resolve from the project as they would for a user:
// - the first recipe (awaitless alone): an ES module bundle, run in Node;
// - the ES5 recipe (preset-env in the Babel step, terser, an IIFE), since
//   Vite cannot emit ES5 itself (also checked: it rejects `target: "es5"`):
//   ES5 throughout, run in Node and on the ES5 engines (Duktape, mujs).
// Each must print exactly what the app prints run unbundled in Node, and
// have no async function, generator, await, yield or for-await left.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Sandbox } from "./support/package-sandbox.js";
import { createAppProject, nativeAppRun, runIn } from "./support/app-project.js";
import { docRecipe } from "./support/doc-recipes.js";
import { runNodeAsync } from "./support/run-node-async.js";
import { ENGINES, ENGINE_TIMEOUT_MS, runInEngine } from "./support/es5/engines.js";
import { suspendingSyntax, syntaxAfterEs5 } from "./support/syntax.js";
import type { RunResult } from "./support/run-node.js";

const BUILD_TIMEOUT_MS = 180_000;
const APP_MODULES = ["src/inventory.js", "src/log.js", "src/main.js", "src/streams.js", "src/users.js"];
const RUNTIME_DIR = "node_modules/awaitless/dist/runtime/";

/**
 * The project's build script: `node build.mjs <config file> <out dir>
 * [target]` builds the app's src/main.js with that config into
 * <out dir>/app.js, Vite logging warnings and errors only (to stderr), and
 * prints the bundled files' paths as JSON. What it adds to the config is
 * what a test needs and a user's build does not.
 */
const BUILD_SCRIPT = `import { build } from "vite";
import { relative } from "node:path";

const [configFile, outDir, target] = process.argv.slice(2);
const result = await build({
  configFile,
  logLevel: "warn",
  // awaitless is linked into node_modules here, where npm would have copied
  // it: followed to its real path, the runtime would leave node_modules and
  // go through the Babel plugin, as it does not in a user's project.
  resolve: { preserveSymlinks: true },
  build: {
    outDir,
    ...(target ? { target } : {}),
    rolldownOptions: {
      // A script, not a page: the app has no index.html.
      input: "src/main.js",
      output: { entryFileNames: "app.js" },
      // Rolldown warns when plugins took most of a build's time, which on a
      // busy machine they may or may not: a warning only the clock decides.
      checks: { bundlerTimings: false },
    },
  },
});
const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === "chunk");
// Files only: virtual modules (Babel's helpers, "\\0"-prefixed) are no file's.
const files = chunks.flatMap((c) => Object.keys(c.modules)).filter((id) => !id.startsWith("\\0"));
console.log(JSON.stringify(files.map((id) => relative(process.cwd(), id)).sort()));
`;

describe("Vite's production build with @rollup/plugin-babel and awaitless (docs/babel-plugin.md's vite.config.js)", () => {
  let project: Sandbox;
  let expected: RunResult;

  beforeAll(async () => {
    project = await createAppProject({ packages: ["vite", "@rollup/plugin-babel", "terser"], type: "module" });
    await project.write("vite.config.js", docRecipe("Vite", "// vite.config.js"));
    await project.write("vite.config.es5.js", docRecipe("Vite", "// vite.config.js, for ES5"));
    await project.write("build.mjs", BUILD_SCRIPT);
    expected = await nativeAppRun();
    expect(expected.stdout.split("\n").length).toBeGreaterThan(5);
  });

  afterAll(() => project?.remove());

  async function build(configFile: string, outDir: string): Promise<string> {
    const run = await runIn(project.dir, process.execPath, ["build.mjs", configFile, outDir], { timeoutMs: BUILD_TIMEOUT_MS });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The app's modules and, once each, the runtime's from the installed package.
    const modules = JSON.parse(run.stdout) as string[];
    const runtime = modules.filter((id) => id.startsWith(RUNTIME_DIR));
    expect(modules.filter((id) => !id.startsWith(RUNTIME_DIR))).toEqual(APP_MODULES);
    expect(runtime).toContain(RUNTIME_DIR + "index.js");
    expect(new Set(runtime).size).toBe(runtime.length);
    return readFile(join(project.dir, outDir, "app.js"), "utf8");
  }

  it("bundles the app, awaitless alone, as an ES module that runs as the app does unbundled", async () => {
    const code = await build("vite.config.js", "dist/modern");
    expect(suspendingSyntax(code)).toEqual([]);
    expect(await runNodeAsync(code, { module: true })).toEqual(expected);
  }, BUILD_TIMEOUT_MS);

  it("rejects an ES5 target of its own (what the ES5 recipe works around)", async () => {
    const run = await runIn(project.dir, process.execPath, ["build.mjs", "vite.config.js", "dist/target-es5", "es5"], {
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Invalid target 'es5'/);
  }, BUILD_TIMEOUT_MS);

  describe.concurrent("the ES5 recipe", async () => {
    let code = "";

    beforeAll(async () => {
      code = await build("vite.config.es5.js", "dist/es5");
    }, BUILD_TIMEOUT_MS);

    it("is ES5 throughout, a classic script", () => {
      expect(syntaxAfterEs5(code)).toEqual([]);
    });

    it("runs in Node as the app does unbundled", async () => {
      expect(await runNodeAsync(code, { module: false })).toEqual(expected);
    });

    for (const engine of ENGINES) {
      it(`runs on ${engine} as the app does in Node`, async () => {
        expect(await runInEngine(engine, code, { module: false })).toEqual(expected);
      }, ENGINE_TIMEOUT_MS);
    }
  });
});
