// Decides whether one run of a test passed, from what happened at each step:
// parsing (or compiling), evaluating, and — for async tests — what `print`
// received. Pure, so the rules for negative and async tests can be unit-tested.

export const ASYNC_COMPLETE = "Test262:AsyncTestComplete";
export const ASYNC_FAILURE = "Test262:AsyncTestFailure:";

/** @typedef {{ pass: boolean, message: string }} Verdict */

export const PASS = Object.freeze({ pass: true, message: "" });
const fail = (message) => ({ pass: false, message });

/** True for `negative: {phase: parse}` tests: the program must be rejected before it runs. */
export function isNegativeParse(meta) {
  return meta.negative !== null && meta.negative.phase === "parse";
}

/** True for `negative: {phase: runtime}` tests: evaluation must throw an error of `type`. */
export function isNegativeRuntime(meta) {
  return meta.negative !== null && meta.negative.phase === "runtime";
}

export function isAsyncTest(meta) {
  return meta.flags.includes("async");
}

/**
 * Verdict after parsing, or null when the run should go on to evaluation.
 * `error` is what parsing threw (undefined when it parsed); `who` names the
 * parser in the message ("the engine" or "the compiler").
 */
export function judgeParse(meta, error, who) {
  if (isNegativeParse(meta)) {
    if (error === undefined) return fail(`${who} accepted a program that must be rejected with ${meta.negative.type}`);
    const name = errorName(error);
    return name === meta.negative.type ? PASS : fail(`expected ${meta.negative.type} at parse time, got ${describeError(error)}`);
  }
  if (error === undefined) return null;
  return fail(`${who} rejected the program: ${describeError(error)}`);
}

/** Verdict when evaluation threw `error` synchronously. */
export function judgeThrow(meta, error) {
  if (isNegativeRuntime(meta) && errorName(error) === meta.negative.type) return PASS;
  if (isNegativeRuntime(meta)) return fail(`expected ${meta.negative.type} at runtime, got ${describeError(error)}`);
  return fail(describeError(error));
}

/** Verdict when evaluation completed; null for async tests, whose verdict comes from `print`. */
export function judgeCompletion(meta) {
  if (isNegativeRuntime(meta)) return fail(`expected ${meta.negative.type} at runtime, but evaluation completed`);
  return isAsyncTest(meta) ? null : PASS;
}

/** Verdict of an async test from the lines it printed, or null while neither message has come. */
export function judgePrints(lines) {
  for (const line of lines) {
    if (line === ASYNC_COMPLETE) return PASS;
    // $DONE prints a Test262Error (which has no `name`) as "Test262Error: " + String(error),
    // and String(error) repeats the prefix; one is enough.
    if (line.startsWith(ASYNC_FAILURE)) return fail(line.slice(ASYNC_FAILURE.length).replace(/^(Test262Error: )(?=Test262Error: )/, ""));
  }
  return null;
}

/**
 * The error's `name`, or its constructor's name when it has none (test262's
 * own Test262Error has no `name`); "" when neither can be read without
 * throwing. Thrown values may be anything, getters and proxies included.
 */
export function errorName(error) {
  try {
    if (error !== null && (typeof error === "object" || typeof error === "function")) {
      const name = error.name;
      if (typeof name === "string" && name !== "") return name;
      const constructorName = error.constructor && error.constructor.name;
      return typeof constructorName === "string" ? constructorName : "";
    }
  } catch {
    // A getter or proxy that throws: no name to compare with.
  }
  return "";
}

/** "Name: message" for errors, String(value) for anything else; never throws. */
export function describeError(error) {
  try {
    if (error !== null && (typeof error === "object" || typeof error === "function")) {
      const name = errorName(error) || "Error";
      const message = error.message;
      return typeof message === "string" && message !== "" ? `${name}: ${message}` : name;
    }
    return `thrown ${typeof error}: ${String(error)}`;
  } catch {
    return "an unprintable thrown value";
  }
}
