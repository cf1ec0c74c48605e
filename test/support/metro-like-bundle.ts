// A bundle made the way Metro makes a React Native release bundle, reduced
// to what a test needs: every module reachable from the entry, node_modules
// included, compiled on its own by Babel with the project's configuration
// (babel.config.js found from the project folder, the production
// environment, Metro as the caller), then all of them concatenated into one
// script as CommonJS module factories that a small loader runs on demand.
// Metro's own module system (`__d`, `__r`) works the same way.

import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { parse } from "@babel/parser";
import * as t from "@babel/types";

const require = createRequire(import.meta.url);
const babel = require("@babel/core") as typeof import("@babel/core");

export interface BundledModule {
  file: string;
  /** The module as Babel compiled it. */
  code: string;
  /** Each `require()` argument of the module and the file it names. */
  dependencies: Map<string, string>;
}

export interface MetroLikeBundle {
  /** One script: the loader, every module, then a call of the entry. */
  script: string;
  modules: BundledModule[];
}

function compile(projectDir: string, file: string): string {
  const result = babel.transformFileSync(file, {
    cwd: projectDir,
    envName: "production",
    caller: { name: "metro", bundler: "metro", platform: "ios" } as import("@babel/core").TransformCaller,
  });
  if (!result?.code) throw new Error(`Babel produced no code for ${file}`);
  return result.code;
}

/** The string arguments of the module's `require()` calls, in order. */
function requiredSpecifiers(code: string): string[] {
  const found: string[] = [];
  t.traverseFast(parse(code, { sourceType: "script" }).program, (node) => {
    if (t.isCallExpression(node) && t.isIdentifier(node.callee, { name: "require" }) && t.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].value);
    }
  });
  return found;
}

/** Bundles `entry` (a path inside `projectDir`); package names resolve from the project. */
export function metroLikeBundle(projectDir: string, entry: string): MetroLikeBundle {
  const projectRequire = createRequire(join(projectDir, "package.json"));
  const modules = new Map<string, BundledModule>();
  const pending = [resolve(projectDir, entry)];
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (modules.has(file)) continue;
    const code = compile(projectDir, file);
    const dependencies = new Map<string, string>();
    for (const specifier of requiredSpecifiers(code)) {
      const target = specifier.startsWith(".") ? resolve(dirname(file), specifier) : projectRequire.resolve(specifier);
      dependencies.set(specifier, target);
      pending.push(target);
    }
    modules.set(file, { file, code, dependencies });
  }

  const ids = [...modules.keys()];
  const parts = [
    "var __modules = [];",
    "function __define(id, dependencies, factory) { __modules[id] = { dependencies: dependencies, factory: factory, module: null }; }",
    "function __require(id) {",
    "  var entry = __modules[id];",
    "  if (!entry.module) {",
    "    entry.module = { exports: {} };",
    "    entry.factory(function (specifier) { return __require(entry.dependencies[specifier]); }, entry.module, entry.module.exports);",
    "  }",
    "  return entry.module.exports;",
    "}",
  ];
  for (const [id, m] of ids.map((file, id) => [id, modules.get(file)!] as const)) {
    const dependencies = Object.fromEntries([...m.dependencies].map(([specifier, target]) => [specifier, ids.indexOf(target)]));
    parts.push(`__define(${id}, ${JSON.stringify(dependencies)}, function (require, module, exports) {`, m.code, "});");
  }
  parts.push("__require(0);", "");
  return { script: parts.join("\n"), modules: [...modules.values()] };
}
