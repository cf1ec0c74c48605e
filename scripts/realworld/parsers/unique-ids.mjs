// Test names are not unique in every suite (tape repeats "should be strictly
// equal" within a test, a loop may register two tests with one title). The
// n-th result with an id that came before gets " #n", in output order, so the
// same test has the same id in the native and the compiled run.

/** The results with ids made unique; the first occurrence keeps its id. */
export function uniqueIds(results) {
  const seen = new Map();
  return results.map((result) => {
    const count = (seen.get(result.id) ?? 0) + 1;
    seen.set(result.id, count);
    return count === 1 ? result : { ...result, id: `${result.id} #${count}` };
  });
}
