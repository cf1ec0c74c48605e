// The compiler as the runner sees it: `transform` from the build output, with
// its failures sorted into the kinds the runner scores differently. A syntax
// error is the right answer for a negative parse test; any other throw is an
// internal compiler error; output that still suspends was not fully lowered.

import { pathToFileURL } from "node:url";
import { findUnlowered } from "./lowered.mjs";
import { describeError, errorName } from "./outcome.mjs";

export class CompileFailure extends Error {
  /**
   * @param {"syntax" | "internal" | "unlowered" | "bad-output"} kind
   * @param {string} message what the summary shows
   * @param {unknown} cause the error the compiler (or the check of its output) threw, if any
   * @param {string | null} output the compiled code, when there is some
   */
  constructor(kind, message, cause, output = null) {
    super(message);
    this.kind = kind;
    this.cause = cause;
    this.output = output;
  }
}

/** Loads `transform` from the built compiler (dist/index.js). */
export async function loadCompiler(distIndexPath) {
  const { transform } = await import(pathToFileURL(distIndexPath).href);
  if (typeof transform !== "function") throw new Error(`${distIndexPath} does not export transform`);
  return {
    script: (code, filename) => compile(transform, code, "script", filename),
    module: (code, filename) => compile(transform, code, "module", filename),
  };
}

/** Compiled code, or a CompileFailure saying why there is none. */
function compile(transform, code, sourceType, filename) {
  let output;
  try {
    output = transform(code, { sourceType, runtime: "inline", filename }).code;
  } catch (error) {
    if (errorName(error) === "SyntaxError") throw new CompileFailure("syntax", describeError(error), error);
    throw new CompileFailure("internal", `compiler error: ${describeError(error)}`, error);
  }
  checkLowered(output, sourceType);
  return output;
}

function checkLowered(output, sourceType) {
  let leftover;
  try {
    leftover = findUnlowered(output, sourceType);
  } catch (error) {
    throw new CompileFailure("bad-output", `compiled output does not parse: ${describeError(error)}`, error, output);
  }
  if (leftover) throw new CompileFailure("unlowered", `not fully lowered: ${leftover}`, null, output);
}
