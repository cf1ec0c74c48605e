// @babel/traverse and @babel/generator are CommonJS modules whose function is
// `module.exports.default`; imported from ESM, the namespace's default is the
// whole `module.exports`. One place resolves that for the rest of the code.

import traverseModule from "@babel/traverse";
import generateModule from "@babel/generator";

type Traverse = typeof import("@babel/traverse").default;
type Generate = typeof import("@babel/generator").default;

function interop<T>(module: unknown): T {
  const candidate = module as { default?: unknown };
  return (typeof candidate === "function" ? candidate : candidate.default) as T;
}

export const traverse = interop<Traverse>(traverseModule);
export const generate = interop<Generate>(generateModule);
export type { NodePath, Scope, Binding, Visitor } from "@babel/traverse";
