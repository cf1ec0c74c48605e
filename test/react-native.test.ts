// React Native's Babel preset with awaitless, as docs/babel-plugin.md shows
// it: the page's babel.config.js is written into a project holding the
// multi-module app (test/support/app-project.ts), every module reachable
// from its entry (awaitless/runtime included, as Metro compiles node_modules
// too) is compiled with that configuration for a release build and bundled
// into one script as Metro would (test/support/metro-like-bundle.ts), and
// the script runs on Hermes 0.12 with its own Promise and job queue
// (test/support/hermes.ts). It must print exactly what the app prints run
// unbundled in Node.
//
// The preset brings its own lowering of async functions and async
// generators (Babel's async-to-generator and async-generator-functions);
// awaitless, listed in `plugins`, lowers everything first, so those find
// nothing left: no module may have an async function, generator, await,
// yield or for-await left, nor the preset's asyncToGenerator helper.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Sandbox } from "./support/package-sandbox.js";
import { createAppProject, nativeAppRun } from "./support/app-project.js";
import { docRecipe } from "./support/doc-recipes.js";
import { metroLikeBundle, type MetroLikeBundle } from "./support/metro-like-bundle.js";
import { runOnHermes } from "./support/hermes.js";
import { suspendingSyntax } from "./support/syntax.js";

const APP_MODULES = ["inventory.js", "log.js", "main.js", "streams.js", "users.js"];

describe("React Native's Babel preset with awaitless, bundled and run on Hermes (docs/babel-plugin.md's babel.config.js)", () => {
  let project: Sandbox;
  let bundle: MetroLikeBundle;

  beforeAll(async () => {
    project = await createAppProject({ packages: ["@react-native/babel-preset"] });
    await project.write("babel.config.js", docRecipe("React Native", "// babel.config.js"));
    bundle = metroLikeBundle(project.dir, "src/main.js");
  }, 120_000);

  afterAll(() => project?.remove());

  it("bundles the app's modules and the runtime's, once each", () => {
    const files = bundle.modules.map((m) => m.file);
    const app = files.filter((f) => f.startsWith(project.dir + "/src/")).map((f) => f.slice(project.dir.length + 5));
    const runtime = files.filter((f) => /[/\\]dist[/\\]runtime[/\\][\w-]+\.js$/.test(f));
    expect(app.sort()).toEqual(APP_MODULES);
    expect(runtime.some((f) => f.endsWith("index.js"))).toBe(true);
    expect(app.length + runtime.length).toBe(files.length);
    expect(new Set(files).size).toBe(files.length);
  });

  it("leaves nothing suspending in any module, and nothing for the preset's own async lowering", () => {
    for (const m of bundle.modules) {
      expect({ file: m.file, left: suspendingSyntax(m.code, "script") }).toEqual({ file: m.file, left: [] });
      expect(m.code).not.toMatch(/asyncToGenerator|wrapAsyncGenerator|awaitAsyncGenerator|regeneratorRuntime/);
    }
  });

  it("runs on Hermes as the app does unbundled in Node", async () => {
    const [hermes, node] = await Promise.all([runOnHermes(bundle.script), nativeAppRun()]);
    expect(node.stdout.split("\n").length).toBeGreaterThan(5);
    expect(hermes).toEqual(node);
  });
});
