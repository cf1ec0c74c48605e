// A real bundler build: the multi-module app in test/support/app
// (async functions and methods, a generator method, async generators,
// for-await, try/catch around a rejection) bundled by Rollup (its wasm build,
// same API as `rollup`) with @rollup/plugin-babel running awaitless, the
// runtime imported from awaitless/runtime and bundled once. Each bundle is
// run and must print what the app prints run unbundled in Node:
// - an ES module bundle, awaitless alone, run in Node;
// - an ES5 IIFE bundle, awaitless beside @babel/preset-env, run in Node and
//   on the ES5 engines (Duktape, mujs) after the test host.

import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { rollup, type Plugin } from "@rollup/wasm-node";
import { babel } from "@rollup/plugin-babel";
import awaitless from "../src/babel-plugin.js";
import { REPO_ROOT } from "./support/package-sandbox.js";
import { runNodeAsync } from "./support/run-node-async.js";
import { APP_DIR, nativeAppRun } from "./support/app-project.js";
import { ENGINES, ENGINE_TIMEOUT_MS, ES5_TARGETS, PRESET_ENV_ASYNC_TRANSFORMS, runInEngine } from "./support/es5/engines.js";
import { suspendingSyntax, syntaxAfterEs5 } from "./support/syntax.js";

const RUNTIME_ENTRY = join(REPO_ROOT, "dist/runtime/index.js");

/**
 * Resolves `awaitless/runtime` to the built runtime, as
 * @rollup/plugin-node-resolve would in a project that installed awaitless.
 */
function awaitlessRuntime(): Plugin {
  return {
    name: "awaitless-runtime",
    resolveId(id) {
      return id === "awaitless/runtime" ? RUNTIME_ENTRY : null;
    },
  };
}

async function bundle(options: { es5: boolean }): Promise<string> {
  const build = await rollup({
    input: join(APP_DIR, "main.js"),
    plugins: [
      awaitlessRuntime(),
      babel({
        babelHelpers: "bundled",
        babelrc: false,
        configFile: false,
        plugins: [[awaitless, { runtime: "import" }]],
        presets: options.es5 ? [["@babel/preset-env", { targets: ES5_TARGETS, exclude: PRESET_ENV_ASYNC_TRANSFORMS }]] : [],
      }),
    ],
  });
  try {
    const { output } = await build.generate({ format: options.es5 ? "iife" : "es" });
    return output[0].code;
  } finally {
    await build.close();
  }
}

describe("Rollup with @rollup/plugin-babel and awaitless", () => {
  it("bundles the app as an ES module that runs as the app does unbundled", async () => {
    const [code, expected] = await Promise.all([bundle({ es5: false }), nativeAppRun()]);
    expect(expected.stdout.split("\n").length).toBeGreaterThan(5);
    // Everything is in the bundle, the runtime once, and nothing suspends natively any more.
    expect(code).not.toMatch(/^import /m);
    expect(code.match(/^function runAsync\(/gm)).toHaveLength(1);
    expect(suspendingSyntax(code)).toEqual([]);
    expect(await runNodeAsync(code, { module: true })).toEqual(expected);
  });

  describe.concurrent("an ES5 bundle, with @babel/preset-env", async () => {
    const [code, expected] = await Promise.all([bundle({ es5: true }), nativeAppRun()]);

    it("is ES5 with the runtime once, and runs in Node as the app does unbundled", async () => {
      expect(code).toMatch(/^\(function \(\) \{$/m);
      expect(code.match(/^\s*function runAsync\(/gm)).toHaveLength(1);
      expect(syntaxAfterEs5(code)).toEqual([]);
      expect(await runNodeAsync(code, { module: false })).toEqual(expected);
    });

    for (const engine of ENGINES) {
      it(`runs on ${engine}`, async () => {
        expect(await runInEngine(engine, code, { module: false })).toEqual(expected);
      }, ENGINE_TIMEOUT_MS);
    }
  });
});
