// awaitless as a Babel plugin (Babel 7 and 8): the same pipeline as
// `transform`, run on the file Babel has parsed, before the other plugins and
// presets see it (it all happens when the Program is entered). Options are
// the API's, minus the ones Babel owns (parsing, source maps, filename).
// With a source map, it prints the files it lowered (Babel's
// `generatorOverride`), so that what implements nothing maps to nothing, as in
// the API's map (host/babel-plugin-positions.ts).
//
//   // babel.config.json
//   { "plugins": [["awaitless/babel-plugin", { "runtime": "import" }]] }
//
// Set-ups for babel.config.json, Rollup, webpack and Jest: docs/babel-plugin.md.

import type { PluginObj, PluginPass } from "@babel/core";
import type * as t from "@babel/types";
import { normalizeOptions, type TransformOptions } from "./pipeline/options.js";
import { lowerProgramPath } from "./pipeline/transform.js";
import { disambiguateForTypeScript } from "./output/typescript-print.js";
import type { NodePath } from "./host/babel.js";
import { hideNoSource, generateWithNoSource } from "./host/babel-plugin-positions.js";
import { reportedToBabel, type CodeFrameSource } from "./host/babel-plugin-errors.js";

export type PluginOptions = Pick<TransformOptions, "runtime" | "globalName" | "runtimeModule" | "annotate">;

const OPTION_TYPES: Record<keyof PluginOptions, string> = {
  runtime: "string",
  globalName: "string",
  runtimeModule: "string",
  annotate: "boolean",
};

interface BabelApi {
  assertVersion(range: number | string): void;
}

/** Babel's plugin object, with the code generation hook its typings leave out. */
type AwaitlessPluginObj = PluginObj<PluginPass> & { generatorOverride: typeof generateWithNoSource };

export default function awaitlessPlugin(api: BabelApi, options: PluginOptions = {}): AwaitlessPluginObj {
  api.assertVersion("^7.0.0 || ^8.0.0-0");
  const { runtime, globalName, runtimeModule, annotate } = checkOptions(options);
  // Checks the values (an unknown `runtime`) when Babel loads the plugin, not at the first file.
  normalizeOptions({ runtime, globalName, runtimeModule });
  return {
    name: "awaitless",
    visitor: {
      Program(path, state) {
        const opts = normalizeOptions({
          runtime,
          globalName,
          runtimeModule,
          annotate,
          filename: state.filename ?? "unknown.js",
          sourceType: path.node.sourceType === "script" ? "script" : "module",
        });
        let changed;
        try {
          // The file's text, which `annotate` quotes the lines of.
          ({ changed } = lowerProgramPath(path as unknown as NodePath<t.Program>, opts, undefined, state.file.code));
        } catch (error) {
          throw reportedToBabel(error, state.file as unknown as CodeFrameSource, opts.filename);
        }
        // What maps to nothing has no location while the other plugins run,
        // and NO_SOURCE again when Babel prints the file (host/babel-plugin-positions.ts).
        if (changed) hideNoSource(state.file.ast, path.node);
        // Printed as TypeScript, the output must read as it did (what Babel's printer leaves ambiguous).
        if (changed && opts.typescript) disambiguateForTypeScript(path.node);
        // Later plugins must see the new bindings (the runtime, hoisted locals).
        path.scope.crawl();
      },
    },
    generatorOverride: generateWithNoSource,
  };
}

/** Rejects options the plugin does not know, or of the wrong type, naming them (a typo would otherwise be ignored). */
function checkOptions(options: PluginOptions | null | undefined): PluginOptions {
  if (options === null || options === undefined) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`awaitless/babel-plugin: options must be an object (got ${JSON.stringify(options)})`);
  }
  for (const [key, value] of Object.entries(options)) {
    const type = OPTION_TYPES[key as keyof PluginOptions];
    if (!type) {
      throw new TypeError(`awaitless/babel-plugin: unknown option "${key}" (known: ${Object.keys(OPTION_TYPES).join(", ")})`);
    }
    if (value !== undefined && typeof value !== type) {
      throw new TypeError(`awaitless/babel-plugin: option "${key}" must be a ${type} (got ${JSON.stringify(value)})`);
    }
  }
  return options;
}
