// The report at the end of a run: counts, the compiled pass rate over the
// tests the engine passes, compiled failures grouped by the first line of
// their message (largest group first) so the compiler's engineers see which
// bug costs the most tests, and every way the run differs from the
// expectations file.

import { firstLine } from "./expectations.mjs";

/**
 * The key failures are grouped by: the first line of the message with what
 * varies between tests of one bug taken out — the file:line:column prefix of
 * the compiler's syntax errors and line:column positions.
 */
export function clusterKey(message) {
  return firstLine(message)
    .replace(/\S+\.js:\d+:\d+:\s*/g, "")
    .replace(/\s*\(\d+:\d+\)/g, "")
    .replace(/\b\d+:\d+\b/g, "L:C")
    .trim();
}

/** [{ key, count, example }] for the failed results, most frequent first. */
export function clusterFailures(failures, messageOf) {
  const clusters = new Map();
  for (const failure of failures) {
    const key = clusterKey(messageOf(failure));
    const cluster = clusters.get(key);
    if (cluster) cluster.count++;
    else clusters.set(key, { key, count: 1, example: failure.path });
  }
  return [...clusters.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** The report as lines of text. */
export function formatSummary({ results, diff, options, elapsedMs }) {
  const lines = [];
  const native = countNative(results);
  lines.push(
    `test262 --suite ${options.suite}${options.filter ? ` --filter ${options.filter}` : ""}: ` +
      `${results.length} tests in ${(elapsedMs / 1000).toFixed(1)} s with ${options.jobs} worker(s)`,
  );
  lines.push(`native:   ${native.pass} pass, ${native.fail} fail (not scored; ${diff.nativeUnexpected.length} not in expectations)`);
  if (options.compiled) lines.push(...compiledLines(results, diff, options));
  lines.push(...differenceLines(diff, options));
  return lines;
}

function countNative(results) {
  const pass = results.filter((r) => r.native.pass).length;
  return { pass, fail: results.length - pass };
}

function compiledLines(results, diff, options) {
  const scored = results.filter((r) => r.native.pass);
  const failed = scored.filter((r) => !r.compiled.pass);
  const passed = scored.length - failed.length;
  const percent = scored.length ? ((100 * passed) / scored.length).toFixed(1) : "0.0";
  const lines = [
    `compiled: ${passed} / ${scored.length} natively-passing tests pass (${percent}%); ` +
      `${failed.length} fail (${failed.length - diff.compiledUnexpected.length} listed in expectations, ${diff.compiledUnexpected.length} unexpected)`,
  ];
  const clusters = clusterFailures(failed, (r) => r.compiled.message);
  if (clusters.length === 0) return lines;
  const shown = clusters.slice(0, options.clusters);
  lines.push("", `compiled failures by message (${clusters.length} groups, top ${shown.length}):`);
  for (const { key, count, example } of shown) {
    const shownKey = key.length > 200 ? key.slice(0, 197) + "..." : key;
    lines.push(`${String(count).padStart(6)}  ${shownKey}`, `        e.g. test/${example}`);
  }
  return lines;
}

/** What differs from test262/expectations.json, with a hint at what to do about each kind. */
function differenceLines(diff, options) {
  const sections = [
    [diff.compiledUnexpected, "unexpected compiled failures (fix the compiler, or add to \"compiled\" with a reason)", (r) => r.compiled.message],
    [diff.compiledFixed, "listed in \"compiled\" but now pass compiled (remove them from expectations.json)", null],
    [diff.compiledStale, "listed in \"compiled\" but fail natively (remove them from \"compiled\")", null],
    [diff.nativeUnexpected, "fail natively but not listed in \"native\" (run with --write-native-expectations if the engine changed)", (r) => r.native.message],
    [diff.nativeFixed, "listed in \"native\" but now pass natively (run with --write-native-expectations)", null],
  ];
  const lines = [];
  for (const [list, title, messageOf] of sections) {
    if (list.length === 0) continue;
    lines.push("", `${list.length} ${title}:`);
    const limit = options.verbose ? list.length : 20;
    for (const result of list.slice(0, limit)) {
      lines.push(`  test/${result.path}${messageOf ? `  — ${firstLine(messageOf(result))}` : ""}`);
    }
    if (list.length > limit) lines.push(`  … and ${list.length - limit} more (--verbose lists all, --json writes everything)`);
  }
  return lines;
}
