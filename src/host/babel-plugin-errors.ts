// What a Babel build shows for a file that lowering cannot take.

import type * as t from "@babel/types";
import { UnsupportedInput } from "../lower/unsupported.js";
import { isStackOverflow } from "./large-stack.js";
import { AwaitlessInputTooDeepError } from "../pipeline/errors.js";

/** Babel's File (7 and 8): its typings leave this method out. */
export interface CodeFrameSource {
  buildCodeFrameError(node: t.Node | null, message: string, ErrorClass?: new (message: string) => Error): Error;
}

/**
 * Valid code lowering does not handle gets Babel's own located error with a
 * code frame (Babel puts the file's name in front), and input nested beyond
 * the stack the named error the API throws, not a RangeError from deep inside
 * the compiler. (The API compiles such input again on a larger stack; here
 * Babel owns the tree and the thread, and its own parser and traversal
 * overflow first on most such input anyway.) Anything else is a bug and goes
 * through as it is.
 */
export function reportedToBabel(error: unknown, file: CodeFrameSource, filename: string): unknown {
  if (error instanceof UnsupportedInput) return file.buildCodeFrameError(error.node, error.message, Error);
  if (isStackOverflow(error)) {
    const tooDeep = new AwaitlessInputTooDeepError(filename);
    tooDeep.message = tooDeep.reason;
    return tooDeep;
  }
  return error;
}
