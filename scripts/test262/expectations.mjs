// test262/expectations.json: the failures the run already knows about.
//
//   "native":   tests the engine itself fails (path → short reason). Facts about
//               Node, regenerated with --write-native-expectations; those tests
//               are not scored.
//   "compiled": tests that pass natively but cannot pass compiled yet, each with
//               a reason written by hand. Never filled in by the runner.
//
// Every difference from the file fails the run, in both directions: a new
// failure, and a listed failure that now passes (so the list only shrinks
// when the compiler gets better, and stale entries do not linger).

import { readFileSync, writeFileSync, existsSync } from "node:fs";

/** The expectations in `file`, or empty sections when it does not exist yet. */
export function loadExpectations(file) {
  if (!existsSync(file)) return { native: {}, compiled: {} };
  const data = JSON.parse(readFileSync(file, "utf8"));
  return { native: data.native ?? {}, compiled: data.compiled ?? {} };
}

/** Writes the file with sorted keys, so regenerating it gives small diffs. */
export function saveExpectations(file, expectations) {
  const data = { native: sortKeys(expectations.native), compiled: sortKeys(expectations.compiled) };
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
}

/**
 * `expectations` with the native section replaced for the tests in `results`
 * (entries for tests that were not run are kept, so a filtered or one-suite
 * run only updates its own tests).
 */
export function withNativeResults(expectations, results) {
  const native = { ...expectations.native };
  for (const { path, native: result } of results) {
    if (result.pass) delete native[path];
    else native[path] = shortReason(result);
  }
  return { native, compiled: { ...expectations.compiled } };
}

/** "strict: TypeError: x is not a function", first line only, at most 160 characters. */
export function shortReason(result) {
  const line = firstLine(result.message);
  const text = result.variant ? `${result.variant}: ${line}` : line;
  return text.length > 160 ? text.slice(0, 157) + "..." : text;
}

export function firstLine(message) {
  return String(message ?? "").split("\n", 1)[0].trim();
}

/**
 * How `results` ([{ path, native, compiled? }]) differ from the expectations.
 * `compiled` results are only compared when the run compiled (`checkCompiled`).
 */
export function compareWithExpectations(results, expectations, { checkCompiled }) {
  const diff = { nativeUnexpected: [], nativeFixed: [], compiledUnexpected: [], compiledFixed: [], compiledStale: [] };
  for (const result of results) {
    const { path, native, compiled } = result;
    const nativeListed = Object.hasOwn(expectations.native, path);
    const compiledListed = Object.hasOwn(expectations.compiled, path);
    if (!native.pass && !nativeListed) diff.nativeUnexpected.push(result);
    if (native.pass && nativeListed) diff.nativeFixed.push(result);
    if (!checkCompiled) continue;
    if (!native.pass) {
      if (compiledListed) diff.compiledStale.push(result);
    } else if (compiled.pass && compiledListed) {
      diff.compiledFixed.push(result);
    } else if (!compiled.pass && !compiledListed) {
      diff.compiledUnexpected.push(result);
    }
  }
  return diff;
}

/** True when nothing in the diff should fail the run. */
export function matchesExpectations(diff) {
  return Object.values(diff).every((list) => list.length === 0);
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
