// A production build's last step: terser over the whole file, top-level names
// mangled, with or without its compressor. The same options minify a native
// program and its compiled copy, so the two can be run and compared.

import { minify } from "terser";
import { parse } from "@babel/parser";
import * as t from "@babel/types";

export interface MinifyOptions {
  module: boolean;
  compress: boolean;
  /** Names terser must neither mangle nor drop from functions and classes. */
  keepNames: string[];
}

export async function minifyForProduction(code: string, options: MinifyOptions): Promise<string> {
  // Identifiers hold no regular-expression metacharacters but `$`.
  const keep = new RegExp(`^(?:${options.keepNames.map((name) => name.replace(/\$/g, "\\$")).join("|")})$`);
  const result = await minify(code, {
    module: options.module,
    toplevel: true,
    mangle: { reserved: options.keepNames },
    compress: options.compress ? {} : false,
    keep_fnames: keep,
    keep_classnames: keep,
  });
  if (result.code === undefined) throw new Error("terser returned no code");
  return result.code;
}

/**
 * Every identifier the program itself writes, for `keepNames`.
 *
 * Mangled names are arbitrary: terser picks them by counting the names of
 * the whole file, so a native program and its compiled copy, which has more
 * names, would get different letters for the same binding, and print them
 * (a function's `name`, inferred from its binding; V8's "fn is not a
 * function"), and neither letter would be more right than the other. Left
 * as written, the program's own names agree in both. Everything else is
 * mangled: the runtime's functions and variables and the compiler's
 * temporaries, which no fixture's source names, so whatever of them user
 * code can read must survive mangling by itself.
 */
export function programNames(source: string, module: boolean): string[] {
  const ast = parse(source, { sourceType: module ? "module" : "script" });
  const names = new Set<string>();
  t.traverseFast(ast.program, (node) => {
    if (node.type === "Identifier") names.add(node.name);
  });
  return [...names].sort();
}
