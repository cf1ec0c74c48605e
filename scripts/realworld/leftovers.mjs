// The check that compiling did its job: a compiled file must hold no async
// function, generator, `await`, `yield` or `for await` any more. Each file is
// parsed again with @babel/parser; anything left is listed with its position,
// and so is a file that no longer parses.
//
// One thing is left by construction, and listed as kept rather than as a
// failure: `await` and `for await` at the top level of a module. They belong
// to the module's evaluation, not to a function, and awaitless passes them
// through (README, "Known differences").

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@babel/parser";
import { VISITOR_KEYS, isFunction } from "@babel/types";

const KEPT_TOP_LEVEL = "kept: top-level await belongs to module evaluation, which awaitless does not lower";

/**
 * [{ file, line, column, what, kept? }] for every construct left in the compiled files, and every
 * file that does not parse; `kept` gives the reason for one left by construction.
 */
export function findLeftovers(dir, files, sourceTypeOfFile) {
  const found = [];
  for (const file of files) {
    let ast;
    try {
      ast = parse(readFileSync(join(dir, file), "utf8"), {
        sourceType: sourceTypeOfFile(file),
        sourceFilename: file,
        plugins: /\.[cm]?tsx?$/.test(file) ? ["typescript"] : [],
        errorRecovery: false,
      });
    } catch (error) {
      // The compiler wrote something that is not even valid syntax.
      const { line = 0, column = 0 } = error.loc ?? {};
      found.push({ file, line, column, what: `syntax error in the output: ${error.message}` });
      continue;
    }
    walk(ast.program, false, (node, inFunction) => {
      const what = leftover(node);
      if (!what) return;
      const at = { file, line: node.loc.start.line, column: node.loc.start.column, what };
      const topLevelAwait = !inFunction && (what === "await" || what === "for await");
      found.push(topLevelAwait ? { ...at, kept: KEPT_TOP_LEVEL } : at);
    });
  }
  return found;
}

/** Visits every node, telling whether it lies inside a function. */
function walk(node, inFunction, visit) {
  visit(node, inFunction);
  const inside = inFunction || isFunction(node);
  for (const key of VISITOR_KEYS[node.type] ?? []) {
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === "string") walk(item, inside, visit);
    } else if (child && typeof child.type === "string") walk(child, inside, visit);
  }
}

function leftover(node) {
  if (node.type === "AwaitExpression") return "await";
  if (node.type === "YieldExpression") return "yield";
  if (node.type === "ForOfStatement" && node.await) return "for await";
  // Function-like nodes with a body: declarations, expressions, arrows, object and class methods.
  if ("async" in node && "generator" in node) {
    if (node.async && node.generator) return "async generator";
    if (node.async) return "async function";
    if (node.generator) return "generator";
  }
  return null;
}
