// Runs one test in one mode (native, or compiled when a compiler is given):
// each of its variants (sloppy/strict) in a fresh realm, stopping at the
// first that fails. The steps follow test262's INTERPRETING.md: assemble,
// parse (or compile), evaluate, and for async tests wait for $DONE's message.

import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import { assembleProgram, variantsFor } from "./program.mjs";
import { CompileFailure } from "./compiler.mjs";
import { createRealm } from "./realm.mjs";
import { judgeParse, judgeThrow, judgeCompletion, judgePrints, isNegativeParse } from "./outcome.mjs";

/**
 * @typedef {{ name: string, file: string, source: string, meta: import("./frontmatter.mjs").Frontmatter }} Test
 *   name: path shown to people (test/…); file: absolute path, for import() and stack traces
 * @typedef {{ syncMs: number, asyncMs: number, idleMs: number }} Limits
 * @typedef {{ pass: boolean, message: string, variant: string | null }} ModeResult
 */

/** @returns {Promise<ModeResult>} */
export async function runTest({ test, compiler, readHarness, limits }) {
  for (const variant of variantsFor(test.meta)) {
    const program = assembleProgram({ source: test.source, meta: test.meta, variant, readHarness });
    const verdict = await runProgram({ test, program, compiler, limits });
    if (!verdict.pass) return { pass: false, message: verdict.message, variant };
  }
  return { pass: true, message: "", variant: null };
}

async function runProgram({ test, program, compiler, limits }) {
  let code = program;
  if (compiler) {
    const compiled = compileProgram(test, program, compiler);
    if (compiled.verdict) return compiled.verdict;
    code = compiled.code;
  }
  const state = { prints: [], activity: { pending: 0, notes: [] } };
  const realm = createRealm({
    compiler,
    onPrint: (line) => state.prints.push(line),
    activity: state.activity,
    file: test.file,
  });
  let script;
  let parseError;
  try {
    script = realm.compileScript(code, test.file);
  } catch (error) {
    parseError = error;
  }
  const parsed = judgeParse(test.meta, parseError, compiler ? "the engine (given the compiled output)" : "the engine");
  if (parsed) return parsed;
  try {
    script.runInContext(realm.context, { timeout: limits.syncMs });
  } catch (error) {
    if (isTimeout(error)) return { pass: false, message: `timed out after ${limits.syncMs} ms (synchronous code)` };
    return judgeThrow(test.meta, error);
  }
  return judgeCompletion(test.meta) ?? (await waitForDone(state, limits));
}

/**
 * Compiles the program: `{ code }` to run, or `{ verdict }` when compiling
 * already decided the run. A negative parse test passes in compiled mode only
 * when the compiler itself rejects it with a SyntaxError.
 */
function compileProgram(test, program, compiler) {
  try {
    const code = compiler.script(program, test.name);
    return isNegativeParse(test.meta) ? { verdict: judgeParse(test.meta, undefined, "the compiler") } : { code };
  } catch (error) {
    if (!(error instanceof CompileFailure)) throw error;
    if (error.kind === "syntax") return { verdict: judgeParse(test.meta, error.cause, "the compiler") };
    if (isNegativeParse(test.meta) && error.kind !== "internal") {
      // Lead with the root cause: the compiler let an invalid program through.
      const accepted = judgeParse(test.meta, undefined, "the compiler").message;
      return { verdict: { pass: false, message: `${accepted} (${error.message})` } };
    }
    return { verdict: { pass: false, message: error.message } };
  }
}

/**
 * Waits for `$DONE`'s message. There are no timers in the realm, so once the
 * microtask queue has drained and no import is loading, nothing can call
 * $DONE any more; the run is judged after `idleMs` of such quiet (the grace
 * covers host tasks such as FinalizationRegistry callbacks) instead of
 * waiting out the whole time limit, which keeps broken compiled runs cheap.
 */
async function waitForDone(state, limits) {
  const start = performance.now();
  let idleSince = null;
  let turns = 0;
  for (;;) {
    const verdict = judgePrints(state.prints);
    if (verdict) return verdict;
    const now = performance.now();
    if (now - start > limits.asyncMs) {
      return { pass: false, message: withNotes(`async test timed out after ${limits.asyncMs} ms without calling $DONE`, state) };
    }
    if (state.activity.pending > 0) idleSince = null;
    else if (idleSince === null) idleSince = now;
    else if (now - idleSince >= limits.idleMs) {
      return { pass: false, message: withNotes("async test went idle without calling $DONE", state) };
    }
    // A turn of the event loop drains every microtask; after a few, poll gently.
    if (turns++ < 3) await nextTurn();
    else await sleep(2);
  }
}

/** Adds what the host noticed (a fixture that failed to compile) to a message that otherwise hides it. */
function withNotes(message, state) {
  const notes = state.activity.notes;
  return notes.length ? `${message} (${notes.join("; ")})` : message;
}

function isTimeout(error) {
  try {
    return typeof error === "object" && error !== null && error.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
  } catch {
    return false;
  }
}
