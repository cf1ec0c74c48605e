// The variants a benchmark program runs as: the source itself (native) and
// its output from each compiler. Every compiler is configured the way a user
// targeting an engine without async functions would configure it, with its
// helpers inlined into the file (no imports, no external runtime), so each
// compiled program is one self-contained script.
//
// Each compile function takes ES2017+ source and returns the compiled text.

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// Compilers are devDependencies of the package; resolve them from its root.
const require = createRequire(new URL("../package.json", import.meta.url));

function awaitlessCompile(code, filename) {
  // Loaded lazily so `--only` runs and the helper-size script fail with a clear
  // message if dist/ is missing, rather than at import time.
  return loadAwaitless().then((awaitless) => awaitless.transform(code, { runtime: "inline", filename }).code);
}

let awaitlessModule;
async function loadAwaitless() {
  if (!awaitlessModule) {
    try {
      awaitlessModule = await import(new URL("../dist/index.js", import.meta.url).href);
    } catch (error) {
      throw new Error(`cannot load dist/index.js (run \`npm run build\` first): ${error.message}`);
    }
  }
  return awaitlessModule;
}

function babelCompile(code, filename) {
  const babel = require("@babel/core");
  // plugin-transform-regenerator alone rejects two constructs the programs use
  // inside async functions: a `for…of` containing an await ("unknown Statement
  // of type ForOfStatement") and a destructuring declaration ("Property name
  // expected type of string"). In a real set-up preset-env lowers both first;
  // we add just those two plugins, which come with preset-env (a devDependency).
  // Async generators and `for await…of` are lowered by
  // plugin-transform-async-generator-functions (also part of preset-env, and a
  // devDependency), into generators driven by Babel's async-generator helpers,
  // which regenerator then lowers; without it regenerator fails on them. It comes
  // before async-to-generator, as in preset-env.
  const fromPresetEnv = createRequire(require.resolve("@babel/preset-env"));
  const result = babel.transformSync(code, {
    filename,
    configFile: false,
    babelrc: false,
    sourceType: "script",
    // Helpers are inlined by default (no @babel/plugin-transform-runtime).
    plugins: [
      require.resolve("@babel/plugin-transform-async-generator-functions"),
      require.resolve("@babel/plugin-transform-async-to-generator"),
      require.resolve("@babel/plugin-transform-regenerator"),
      fromPresetEnv.resolve("@babel/plugin-transform-for-of"),
      fromPresetEnv.resolve("@babel/plugin-transform-destructuring"),
    ],
  });
  return result.code;
}

function typescriptCompile(code, filename) {
  const ts = require("typescript");
  const result = ts.transpileModule(code, {
    fileName: filename,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      // CommonJS: the programs have no imports or exports, so the output is a
      // plain script Node runs as .cjs; ES module output would add `export {}`.
      module: ts.ModuleKind.CommonJS,
      // Without it, ES5 `for…of` only works on arrays (an index loop); with it,
      // iteration follows the protocol, as native code and the other compilers do.
      downlevelIteration: true,
      // Inline __awaiter/__generator (the defaults, spelled out).
      importHelpers: false,
      noEmitHelpers: false,
    },
  });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  }
  return result.outputText;
}

/**
 * SWC's benchmark configuration: an ES5 script with its helpers inlined and no
 * source maps. The same options go to @swc/wasm here, to the native @swc/core
 * binding and to SWC's CLI (as its config file) in bench/throughput.mjs.
 */
export const SWC_CONFIG = {
  isModule: false,
  jsc: {
    parser: { syntax: "ecmascript" },
    target: "es5",
    externalHelpers: false,
    loose: false,
  },
  sourceMaps: false,
};

function swcCompile(code, filename) {
  const swc = require("@swc/wasm");
  return swc.transformSync(code, { ...SWC_CONFIG, filename }).code;
}

/** Variant name → { label, compile(code, filename) → Promise<string> | string, version }. */
export const variants = {
  native: { label: "native", compile: (code) => code, version: () => `node ${process.version}` },
  awaitless: { label: "awaitless", compile: awaitlessCompile, version: () => `awaitless ${packageVersion(".")}` },
  regenerator: {
    label: "babel regenerator",
    compile: babelCompile,
    version: () =>
      `@babel/core ${packageVersion("@babel/core")}, plugin-transform-regenerator ${packageVersion("@babel/plugin-transform-regenerator")}, plugin-transform-async-generator-functions ${packageVersion("@babel/plugin-transform-async-generator-functions")}`,
  },
  typescript: { label: "typescript es5", compile: typescriptCompile, version: () => `typescript ${packageVersion("typescript")}` },
  swc: { label: "swc es5", compile: swcCompile, version: () => `@swc/wasm ${packageVersion("@swc/wasm")}` },
};

export const variantNames = Object.keys(variants);

function packageVersion(name) {
  return name === "." ? require("./package.json").version : require(`${name}/package.json`).version;
}

export { root };
