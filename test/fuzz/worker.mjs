// A pool worker: generates programs (or takes a given one), checks each
// natively and compiled, and answers with a small summary. Started with
// --experimental-vm-modules so that module programs run as real modules.

import { parentPort } from "node:worker_threads";
import { generateProgram, printProgram } from "./generate.mjs";
import { checkProgram } from "./check.mjs";

const { transform } = await import(new URL("../../dist/index.js", import.meta.url).href);

parentPort.on("message", async (job) => {
  try {
    parentPort.postMessage({ id: job.id, result: await run(job) });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.stack) || error) });
  }
});

async function run(job) {
  const started = performance.now();
  let program = null;
  let source = job.source;
  let sourceType = job.sourceType;
  let ts = Boolean(job.ts);
  if (job.type === "generate") {
    program = generateProgram(job.seed, job.index, { lang: job.lang });
    source = printProgram(program);
    sourceType = program.sourceType;
    ts = Boolean(program.ts);
  }
  const check = await checkProgram(source, { sourceType, timeoutMs: job.timeoutMs, transform, ts });
  const result = {
    verdict: check.verdict,
    kind: check.kind ?? null,
    reason: check.reason ?? null,
    sourceType,
    ts,
    nativeLines: check.native ? check.native.lines.length : 0,
    nativeError: check.native ? check.native.error : null,
    ms: performance.now() - started,
  };
  // Everything a report needs, only when it is needed (messages stay small otherwise).
  if (check.verdict !== "same" || job.full) {
    result.native = check.native ?? null;
    result.compiled = check.compiled ?? null;
    result.compiledCode = check.compiledCode ?? null;
    if (program) result.program = program;
  }
  if (job.keep) {
    result.source = source;
    result.compiledCode = check.compiledCode ?? null;
  }
  return result;
}
