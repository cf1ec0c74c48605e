// awaitless as a Babel plugin: the same pipeline as `transform`, run on the
// file Babel has parsed, before the other plugins and presets see it (it all
// happens when the Program is entered). Options are the API's, minus the
// ones Babel owns (parsing, source maps, filename).
//
//   // babel.config.json
//   { "plugins": [["awaitless/babel-plugin", { "runtime": "import" }]] }

import type { PluginObj, PluginPass } from "@babel/core";
import type * as t from "@babel/types";
import { normalizeOptions, type TransformOptions } from "./options.js";
import { lowerProgramPath } from "./transform.js";
import type { NodePath } from "./babel.js";

export type PluginOptions = Pick<TransformOptions, "runtime" | "globalName" | "runtimeModule">;

interface BabelApi {
  assertVersion(range: number | string): void;
}

export default function awaitlessPlugin(api: BabelApi, options: PluginOptions = {}): PluginObj<PluginPass> {
  api.assertVersion("^7.0.0 || ^8.0.0-0");
  const { runtime, globalName, runtimeModule } = options;
  return {
    name: "awaitless",
    visitor: {
      Program(path, state) {
        const opts = normalizeOptions({
          runtime,
          globalName,
          runtimeModule,
          filename: state.filename ?? "unknown.js",
          sourceType: path.node.sourceType === "script" ? "script" : "module",
        });
        lowerProgramPath(path as unknown as NodePath<t.Program>, opts);
        // Later plugins must see the new bindings (the runtime, hoisted locals).
        path.scope.crawl();
      },
    },
  };
}
