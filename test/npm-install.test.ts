// awaitless installed as a user installs it: this repository packed with
// `npm pack` (dist/ as the build left it: `npm test` builds first), the
// tarball installed with npm into a new project outside the repository,
// which must print no `npm warn` line at all (npm 11 warned about the install
// script `prepare` the package once had), and then, from inside that project,
// each way in:
// - the command line, `npx awaitless src -d out/cli` (runtime inlined);
// - the API, `import { transform } from "awaitless"`, with `runtime: "import"`,
//   whose output then loads `awaitless/runtime` from the installed package;
// - the Babel plugin, `awaitless/babel-plugin`, through @babel/core's
//   transformSync (installed beside it, as a user would).
// Each compiles the multi-module app (test/support/app), and each compiled
// copy must have nothing suspending left and print, run in Node, exactly
// what the app prints run unbundled. And the package holds a build of the
// sources as they are (the build empties dist/ first), each map with its source.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { cp, mkdtemp, mkdir, readFile, readdir, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./support/package-sandbox.js";
import { APP_DIR, nativeAppRun, runIn, type CommandRun } from "./support/app-project.js";
import { suspendingSyntax, syntaxAfterEs5 } from "./support/syntax.js";
import type { RunResult } from "./support/run-node.js";

const NPM_TIMEOUT_MS = 240_000;
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";

/**
 * The environment npm runs with: this one without the `npm_*` variables an
 * enclosing `npm test` sets for its script (`npm_config_local_prefix` names
 * this repository as the project, which a nested npm would install into),
 * but with those that say where packages come from.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || keep.test(name)));
}

const API_SCRIPT = `import { transform } from "awaitless";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

mkdirSync("out/api", { recursive: true });
for (const file of readdirSync("src")) {
  const { code } = transform(readFileSync("src/" + file, "utf8"), { filename: "src/" + file, runtime: "import" });
  writeFileSync("out/api/" + file, code);
}
`;

const BABEL_SCRIPT = `import babel from "@babel/core";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";

mkdirSync("out/babel", { recursive: true });
for (const file of readdirSync("src")) {
  const { code } = babel.transformFileSync("src/" + file, { babelrc: false, configFile: false, plugins: ["awaitless/babel-plugin"] });
  writeFileSync("out/babel/" + file, code);
}
`;

describe("awaitless packed with npm pack and installed into a new project", () => {
  let work: string;
  let project: string;
  let install: CommandRun;
  let expected: RunResult;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "awaitless-install-"));
    project = join(work, "project");
    const env = npmEnvironment();

    // --ignore-scripts: the package is packed from dist/ as built; prepack's
    // build would rewrite dist/ while other test files read it.
    const pack = await runIn(REPO_ROOT, NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { timeoutMs: NPM_TIMEOUT_MS, env });
    expect(pack.status, pack.stderr).toBe(0);
    expect(pack.stderr).not.toMatch(/^npm warn/im);
    const [{ filename }] = JSON.parse(pack.stdout) as Array<{ filename: string }>;

    await mkdir(project);
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }, null, 2) + "\n");
    await cp(APP_DIR, join(project, "src"), { recursive: true });
    await writeFile(join(project, "compile-api.mjs"), API_SCRIPT);
    await writeFile(join(project, "compile-babel.mjs"), BABEL_SCRIPT);

    install = await runIn(project, NPM, ["install", join(work, filename), "@babel/core", "--prefer-offline", "--no-audit", "--no-fund"], {
      timeoutMs: NPM_TIMEOUT_MS,
      env,
    });
    expected = await nativeAppRun();
    expect(expected.stdout.split("\n").length).toBeGreaterThan(5);
  }, NPM_TIMEOUT_MS * 2);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("installs without a single npm warning, as a copy in the project's node_modules", async () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(/^npm warn/im);
    const installed = await realpath(join(project, "node_modules/awaitless"));
    expect(installed.startsWith(await realpath(project))).toBe(true);
    const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8")) as { scripts?: Record<string, string> };
    for (const script of ["preinstall", "install", "postinstall", "prepare"]) expect(manifest.scripts?.[script]).toBeUndefined();
  });

  it("ships a build of the sources as they are: nothing a past build left, each source map with its source", async () => {
    const installed = await realpath(join(project, "node_modules/awaitless"));
    const shipped = (await readdir(join(installed, "dist"), { recursive: true })).filter((file) => file.endsWith(".js"));
    const sources = new Set((await readdir(join(REPO_ROOT, "src"), { recursive: true })).filter((file) => file.endsWith(".ts")).map((file) => file.replace(/\.ts$/, ".js")));
    expect(shipped.filter((file) => !sources.has(file))).toEqual([]);
    for (const file of shipped) {
      const map = JSON.parse(await readFile(join(installed, "dist", `${file}.map`), "utf8")) as { sourcesContent?: string[] };
      expect({ file, withSources: map.sourcesContent?.length === 1 }).toEqual({ file, withSources: true });
    }
    // awaitless/runtime is the ES5 build (tsconfig.runtime.json), not the compiler's ES2022 one of the same files.
    for (const file of shipped.filter((f) => f.startsWith("runtime"))) {
      const code = await readFile(join(installed, "dist", file), "utf8");
      const after = syntaxAfterEs5(code, "module").filter((found) => !/^(Import|Export)\w*Declaration\b/.test(found));
      expect({ file, after }).toEqual({ file, after: [] });
    }
    expect(await readdir(installed)).toContain("LICENSE");
  });

  /** Each compiled copy of the app has nothing suspending left and runs as the app does unbundled. */
  async function expectCompiledApp(out: string) {
    const files = await readdir(join(project, out));
    expect(files.sort()).toEqual((await readdir(APP_DIR)).sort());
    for (const file of files) {
      const code = await readFile(join(project, out, file), "utf8");
      expect({ file, left: suspendingSyntax(code) }).toEqual({ file, left: [] });
    }
    const run = await runIn(project, process.execPath, [join(out, "main.js")], { timeoutMs: 30_000 });
    expect({ stdout: run.stdout, status: run.status, error: run.stderr ? run.stderr.split("\n")[0] : null }).toEqual(expected);
  }

  it("compiles the app with the command line (npx awaitless)", async () => {
    const cli = await runIn(project, NPX, ["--no", "awaitless", "src", "-d", "out/cli"], { timeoutMs: 60_000, env: npmEnvironment() });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/^compiled 5 files, 4 transformed/m);
    await expectCompiledApp("out/cli");
  }, 120_000);

  it("compiles the app with the API, and the output runs on awaitless/runtime", async () => {
    const api = await runIn(project, process.execPath, ["compile-api.mjs"], { timeoutMs: 60_000 });
    expect(api.stderr).toBe("");
    expect(api.status).toBe(0);
    const main = await readFile(join(project, "out/api/main.js"), "utf8");
    expect(main).toMatch(/^import \* as _awaitless from "awaitless\/runtime";$/m);
    await expectCompiledApp("out/api");
  }, 120_000);

  it("compiles the app with the Babel plugin through @babel/core", async () => {
    const babel = await runIn(project, process.execPath, ["compile-babel.mjs"], { timeoutMs: 60_000 });
    expect(babel.stderr).toBe("");
    expect(babel.status).toBe(0);
    await expectCompiledApp("out/babel");
  }, 120_000);
});
