// Deep recursion through compiled code on Hermes, the engine React Native
// ships. Hermes allows about 128 native frames on the stack at once
// (`f.call(…)` is one), against tens of thousands of interpreter frames. The
// runtime once called each step as `step.call(self, m)` and forwarded each
// yield* with `next.call(iterator, v)`, so an async function awaiting a call
// of itself stopped at 126 levels, and a yield* chain at 127. Now a step is
// called as `m.step(m)` (it reads the wrapper's copy of `this`) and a yield*
// into one of the runtime's own generators resumes it directly.
//
// The async programs below go 5,000 levels deep, the yield* chain 2,000 (V8's
// own generators overflow between 4,000 and 5,000): far past the old limit,
// and below the interpreter's (measured: about 19,000 levels of async
// recursion, 12,000 of yield*). Each also runs natively in Node, which must
// print the same.

import { describe, it, expect } from "vitest";
import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transform } from "../src/index.js";
import { execCapture } from "./support/exec.js";
import { runNodeAsync } from "./support/run-node-async.js";
import { REPO_ROOT } from "./support/package-sandbox.js";

const HERMES = join(REPO_ROOT, "node_modules/hermes-engine-cli/linux64-bin/hermes");
const TIMEOUT_MS = 120_000;

// Hermes 0.12 has no `class`: objects and functions only. `print` stands for console.log.
const PROGRAMS: Record<string, string> = {
  "an async method awaiting itself through this": `
    var tree = {
      async depth(n) { return n === 0 ? 0 : 1 + (await this.depth(n - 1)); },
    };
    tree.depth(5000).then(function (d) { log("depth " + d); }, function (e) { log("failed " + e); });
  `,
  "an async function awaiting itself, with a try/finally per level": `
    var unwound = 0;
    async function down(n) {
      try { return n === 0 ? "bottom" : await down(n - 1); } finally { unwound++; }
    }
    down(5000).then(function (v) { log(v + " " + unwound); }, function (e) { log("failed " + e); });
  `,
  "a generator chain of yield*": `
    function* chain(n) { if (n > 0) yield* chain(n - 1); yield n; }
    var total = 0, count = 0;
    for (var it = chain(2000), r = it.next(); !r.done; r = it.next()) { total += r.value; count++; }
    log(count + " values, sum " + total);
    var early = chain(2000);
    early.next();
    log("returned " + JSON.stringify(early.return("stop")));
  `,
};

function compile(source: string): string {
  return transform(source, { filename: "deep.js", sourceType: "script", runtime: "inline" }).code;
}

async function runOnHermes(code: string): Promise<{ stdout: string; status: number | null; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), "awaitless-hermes-"));
  try {
    const file = join(dir, "program.js");
    await writeFile(file, `var log = print;\n${code}`);
    const run = await execCapture(HERMES, ["-Xes6-promise", "-Xmicrotask-queue", file], TIMEOUT_MS);
    return { stdout: run.stdout.toString("utf8"), status: run.status, stderr: run.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("deep recursion on Hermes", () => {
  it.each(Object.entries(PROGRAMS))("%s", async (_name, source) => {
    const native = await runNodeAsync(`var log = console.log;\n${source}`, { module: false });
    expect(native.status).toBe(0);
    const hermes = await runOnHermes(compile(source));
    // (Hermes warns on stderr about globals it cannot see declared, such as `Promise`; an error would show in the status.)
    expect({ stdout: hermes.stdout.trim(), status: hermes.status }).toEqual({ stdout: native.stdout.trim(), status: 0 });
  }, TIMEOUT_MS);
});
