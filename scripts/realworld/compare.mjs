// Test-by-test comparison of a package's native and compiled runs, read
// against the expectations (expectations.mjs).
//
// A test that passes natively must pass compiled; anything else is a
// regression unless the expectations say why it cannot. Other differences (a
// test that fails natively and passes compiled, a test only the compiled run
// has) are listed too, but do not fail the run.

const MISSING = "missing";

/**
 * { tests, passedNative, passedCompiled, regressions, expected, otherDifferences,
 *   unexpectedNativeFailures, staleExpectations } for one package.
 */
export function compareRuns(native, compiled, expectations) {
  const compiledById = new Map(compiled.map((result) => [result.id, result.status]));
  const nativeById = new Map(native.map((result) => [result.id, result.status]));
  const regressions = [];
  const expected = [];
  const otherDifferences = [];
  for (const { id, status } of native) {
    const after = compiledById.get(id) ?? MISSING;
    if (after === status) continue;
    const difference = { id, native: status, compiled: after };
    if (status !== "pass") otherDifferences.push(difference);
    else if (expectations.compiled[id]) expected.push({ ...difference, reason: expectations.compiled[id] });
    else regressions.push(difference);
  }
  for (const { id, status } of compiled) {
    if (!nativeById.has(id)) otherDifferences.push({ id, native: MISSING, compiled: status });
  }
  return {
    tests: native.length,
    passedNative: count(native, "pass"),
    passedCompiled: count(compiled, "pass"),
    regressions,
    expected,
    otherDifferences,
    unexpectedNativeFailures: native.filter((r) => r.status === "fail" && !expectations.native[r.id]).map((r) => r.id),
    staleExpectations: staleEntries(nativeById, compiledById, expectations),
  };
}

function count(results, status) {
  return results.filter((result) => result.status === status).length;
}

/** Expectations that did not come true this run: worth a look, but not an error (an environment may differ). */
function staleEntries(nativeById, compiledById, expectations) {
  const stale = [];
  for (const id of Object.keys(expectations.native)) {
    if (nativeById.get(id) !== "fail") stale.push({ id, kind: "native", status: nativeById.get(id) ?? MISSING });
  }
  for (const id of Object.keys(expectations.compiled)) {
    if (nativeById.get(id) === "pass" && compiledById.get(id) === "pass") stale.push({ id, kind: "compiled", status: "pass" });
  }
  return stale;
}
