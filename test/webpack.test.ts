// webpack 5 with babel-loader running awaitless, as docs/babel-plugin.md
// shows it: the page's webpack.config.js is written into a project holding
// the multi-module app (test/support/app-project.ts) and built through
// webpack's Node API in production mode, in a process of its own started
// in the project, so that loaders, presets and the plugin resolve from the
// project as they would for a user. Two bundles:
// - the recipe as shown (preset-env for ES5 and `target: ["web", "es5"]`):
//   ES5 throughout, run in Node and on the ES5 engines (Duktape, mujs);
// - the recipe without `target` and preset-env (awaitless alone), run in Node.
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
const APP_MODULES = ["./src/inventory.js", "./src/log.js", "./src/main.js", "./src/streams.js", "./src/users.js"];

/**
 * The project's build script: `node build.mjs es5|modern` builds with
 * webpack.config.js into dist/<variant>/main.js and prints webpack's errors,
 * warnings and the modules it bundled (and whether babel-loader compiled
 * each) as JSON.
 */
const BUILD_SCRIPT = `import webpack from "webpack";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const variant = process.argv[2];
const config = createRequire(import.meta.url)("./webpack.config.js");
config.output = { path: resolve("dist", variant) };
// awaitless is linked into node_modules here, where npm would have copied it:
// followed to its real path, the runtime would leave node_modules and go
// through babel-loader, as it does not in a user's project.
config.resolve = { symlinks: false };
if (variant === "modern") {
  // For engines with ES2015: awaitless alone, and webpack's own wrapper as it likes.
  delete config.target;
  config.module.rules[0].use.options.presets = [];
}

webpack(config, (error, stats) => {
  if (error) throw error;
  const json = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true });
  const modules = [];
  const visit = (list) => {
    for (const m of list ?? []) {
      if (m.modules) visit(m.modules);
      else if (m.name && !m.orphan) modules.push({ name: m.name, babel: m.identifier.includes("babel-loader") });
    }
  };
  visit(json.modules);
  const messages = (list) => list.map((e) => e.message);
  console.log(JSON.stringify({ errors: messages(json.errors), warnings: messages(json.warnings), modules }));
});
`;

interface BuildReport {
  errors: string[];
  warnings: string[];
  modules: Array<{ name: string; babel: boolean }>;
}

describe("webpack 5 with babel-loader and awaitless (docs/babel-plugin.md's webpack.config.js)", () => {
  let project: Sandbox;
  let expected: RunResult;

  beforeAll(async () => {
    project = await createAppProject({ packages: ["webpack", "babel-loader"] });
    await project.write("webpack.config.js", docRecipe("webpack (babel-loader)", "// webpack.config.js"));
    await project.write("build.mjs", BUILD_SCRIPT);
    expected = await nativeAppRun();
    expect(expected.stdout.split("\n").length).toBeGreaterThan(5);
  });

  afterAll(() => project?.remove());

  async function build(variant: "es5" | "modern"): Promise<{ code: string; report: BuildReport }> {
    const run = await runIn(project.dir, process.execPath, ["build.mjs", variant], { timeoutMs: BUILD_TIMEOUT_MS });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as BuildReport;
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    return { code: await readFile(join(project.dir, "dist", variant, "main.js"), "utf8"), report };
  }

  /** The app's modules went through babel-loader; the runtime came from the installed package, once, untouched. */
  function expectModules(report: BuildReport) {
    const app = report.modules.filter((m) => m.name.startsWith("./src/"));
    const runtime = report.modules.filter((m) => m.name.startsWith("./node_modules/awaitless/dist/runtime/"));
    expect(app.map((m) => m.name).sort()).toEqual(APP_MODULES);
    expect(app.every((m) => m.babel)).toBe(true);
    expect(runtime.map((m) => m.name)).toContain("./node_modules/awaitless/dist/runtime/index.js");
    expect(runtime.some((m) => m.babel)).toBe(false);
    expect(new Set(runtime.map((m) => m.name)).size).toBe(runtime.length);
    expect(app.length + runtime.length).toBe(report.modules.length);
  }

  describe.concurrent("the recipe as shown: an ES5 bundle", async () => {
    let code = "";

    beforeAll(async () => {
      const built = await build("es5");
      code = built.code;
      expectModules(built.report);
    }, BUILD_TIMEOUT_MS);

    it("is ES5 throughout, webpack's wrapper included", () => {
      expect(code.startsWith("!function(){")).toBe(true);
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

  it("without target and preset-env, bundles code that has nothing suspending left and runs as the app does", async () => {
    const { code, report } = await build("modern");
    expectModules(report);
    // webpack's own wrapper is ES2015 now (what `target` was there for).
    expect(code.startsWith("(()=>{")).toBe(true);
    expect(suspendingSyntax(code, "script")).toEqual([]);
    expect(await runNodeAsync(code, { module: false })).toEqual(expected);
  }, BUILD_TIMEOUT_MS);
});
