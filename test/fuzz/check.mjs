// One differential check: compile a program with the inline runtime, run the
// original and the compiled code each in a fresh realm, and compare what they
// printed, the error that escaped (if any) and the unhandled rejections.
//
// A TypeScript program is compiled as `program.ts`; its output must parse as
// TypeScript, and both runs execute the code with types stripped the same way
// (typescript.mjs).

import { runInRealm } from "./realm.mjs";
import { stripTypes, typeScriptSyntaxError } from "./typescript.mjs";

/**
 * @param {string} source
 * @param {object} options
 * @param {"module" | "script"} options.sourceType
 * @param {number} options.timeoutMs time limit for each of the two runs
 * @param {boolean} [options.ts] the program is TypeScript
 * @param {(code: string, options: object) => { code: string }} options.transform
 * @returns {Promise<object>} { verdict: "same" | "mismatch" | "invalid", kind, reason, native, compiled, compiledCode }
 */
export async function checkProgram(source, { sourceType, timeoutMs, transform, ts = false }) {
  const module = sourceType === "module";
  let nativeCode = source;
  if (ts) {
    const stripped = stripTypes(source);
    if (stripped.error) return { verdict: "invalid", reason: `TypeScript syntax error: ${stripped.error}` };
    nativeCode = stripped.code;
  }
  const native = await runInRealm(nativeCode, { module, timeoutMs });
  if (native.syntaxError) return { verdict: "invalid", reason: `native syntax error: ${native.syntaxError}`, native };
  if (native.timedOut) return { verdict: "invalid", reason: "native run timed out", native };

  let compiledCode;
  try {
    const filename = ts ? "program.ts" : module ? "program.mjs" : "program.js";
    compiledCode = transform(source, { runtime: "inline", sourceType, filename }).code;
  } catch (error) {
    const message = `${error && error.name}: ${String(error && error.message).split("\n")[0]}`;
    return { verdict: "mismatch", kind: "compile-error", reason: message, native };
  }
  let runnable = compiledCode;
  if (ts) {
    const syntax = typeScriptSyntaxError(compiledCode, sourceType);
    const stripped = syntax ? null : stripTypes(compiledCode);
    const error = syntax ?? stripped.error;
    if (error) return { native, compiledCode, verdict: "mismatch", kind: "compiled-syntax", reason: `not TypeScript: ${error.split("\n")[0]}` };
    runnable = stripped.code;
  }
  const compiled = await runInRealm(runnable, { module, timeoutMs });
  const base = { native, compiled, compiledCode };
  if (compiled.syntaxError) return { ...base, verdict: "mismatch", kind: "compiled-syntax", reason: compiled.syntaxError };
  if (compiled.timedOut) return { ...base, verdict: "mismatch", kind: "compiled-timeout", reason: "compiled run timed out" };
  const difference = firstDifference(native, compiled);
  if (difference) return { ...base, verdict: "mismatch", kind: "output", reason: difference };
  return { ...base, verdict: "same" };
}

/** A one-line description of where two runs part, or null when they agree. */
export function firstDifference(native, compiled) {
  const a = native.lines;
  const b = compiled.lines;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}: native ${describeLine(a[i])}, compiled ${describeLine(b[i])}`;
    }
  }
  if (native.error !== compiled.error) return `uncaught error: native ${native.error}, compiled ${compiled.error}`;
  const ua = native.unhandled.join(" | ");
  const ub = compiled.unhandled.join(" | ");
  if (ua !== ub) return `unhandled rejections: native [${ua}], compiled [${ub}]`;
  return null;
}

function describeLine(line) {
  return line === undefined ? "(nothing)" : JSON.stringify(line);
}
