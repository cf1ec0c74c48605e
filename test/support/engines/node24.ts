// Running a program on Node 24, as `npm run engines` installs it into
// .engines/node24 (scripts/engines; .ci/run installs it before the tests).

import { existsSync } from "node:fs";
import type { RunResult } from "../run-node.js";
import { runNodeAsync } from "../run-node-async.js";
import { ENGINES } from "../../../scripts/engines/paths.mjs";

export const NODE24_MISSING = "Node 24 is not installed: run `npm run engines`, which installs it into .engines/node24";

/** The Node 24 binary, or an error that says how to install it. */
export function node24(): string {
  if (!existsSync(ENGINES.node24.binary)) throw new Error(NODE24_MISSING);
  return ENGINES.node24.binary;
}

export function runOnNode24(code: string, options: { module: boolean; timeoutMs: number }): Promise<RunResult> {
  return runNodeAsync(code, { ...options, node: node24() });
}
