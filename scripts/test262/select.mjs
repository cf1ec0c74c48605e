// Which tests belong to a suite. The test copy holds every test about async
// functions, generators, async generators and `for await`; the compiler lowers
// them in that order, so the runner can score one family at a time.
//
// `async-functions` — a test is in when BOTH
//   1. its frontmatter `features` lists neither `generators` nor
//      `async-iteration` (those need generator / async-generator / for-await
//      lowering, which comes later), and its path has no generator, yield or
//      for-await part (a few such tests carry no feature tag at all), AND
//   2. its `features` lists `async-functions`, or its path (relative to
//      test/) contains `async-function`, `async-arrow-function`,
//      `AsyncFunction`, `async-meth` (async methods in classes and object
//      literals) or `await` as a whole dash/slash-separated word (so
//      `await-using`, `expressions/await/…` and `…-await-…` count).
// `all` — every test in tests.txt.
// `erm` — every test in tests-erm.txt: explicit resource management (`using`,
//   `await using`, the disposable stacks, SuppressedError). Node 20 has none
//   of it, so the run needs Node 24 (see docs/test262.md).
//
// The same rule is written out in docs/test262.md; keep the two in step.

export const SUITES = ["async-functions", "all", "erm"];

/** The list file a suite's tests come from. */
export function listOf(suite) {
  return suite === "erm" ? "tests-erm.txt" : "tests.txt";
}

const LATER_FEATURES = ["generators", "async-iteration"];
const LATER_PATH = /generator|Generator|yield|for-await|AsyncIterator|AsyncFromSyncIterator/;
const ASYNC_FUNCTION_PATH = /async-function|async-arrow-function|AsyncFunction|async-meth|(^|[/-])await([/.-]|$)/;

/** Whether the test at `path` (relative to test/) with frontmatter `meta` is in `suite`. */
export function inSuite(suite, path, meta) {
  if (suite === "all" || suite === "erm") return true;
  if (suite === "async-functions") return isAsyncFunctionTest(path, meta);
  throw new Error(`unknown suite ${JSON.stringify(suite)} (one of: ${SUITES.join(", ")})`);
}

function isAsyncFunctionTest(path, meta) {
  if (LATER_FEATURES.some((feature) => meta.features.includes(feature))) return false;
  if (LATER_PATH.test(path)) return false;
  return meta.features.includes("async-functions") || ASYNC_FUNCTION_PATH.test(path);
}

/** The tests of `suite` whose path contains `filter` (when given), in list order. */
export function selectTests(entries, { suite, filter }) {
  return entries.filter(({ path, meta }) => (!filter || path.includes(filter)) && inSuite(suite, path, meta));
}
