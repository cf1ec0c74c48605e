// The check that compiling did its job: a compiled file must hold no async
// function, generator, `await`, `yield` or `for await` any more. Each file is
// parsed again with @babel/parser; anything left is listed with its position,
// and so is a file that no longer parses.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@babel/parser";
import { traverseFast } from "@babel/types";

/** [{ file, line, column, what }] for every construct left in the compiled files, and every file that does not parse. */
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
    traverseFast(ast.program, (node) => {
      const what = leftover(node);
      if (what) found.push({ file, line: node.loc.start.line, column: node.loc.start.column, what });
    });
  }
  return found;
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
