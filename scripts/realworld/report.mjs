// The printed report: one table row per package, then every difference, the
// expectations that applied, and anything that went wrong on the way.

/** Lines of the report for [{ pkg, outcome }] (outcome: { comparison, ... } or { error }). */
export function formatReport(entries, { command, seconds }) {
  const lines = ["", `$ ${command}`, ""];
  lines.push("| package | runner | tests | passed natively | passed compiled | differences |");
  lines.push("| --- | --- | ---: | ---: | ---: | --- |");
  for (const { pkg, outcome } of entries) lines.push(tableRow(pkg, outcome));
  lines.push("");
  for (const { pkg, outcome } of entries) lines.push(...details(pkg, outcome));
  lines.push(`wall time: ${seconds.toFixed(0)} s`);
  return lines;
}

function tableRow(pkg, outcome) {
  const runner = pkg.corpus.runner;
  if (outcome.error) return `| ${pkg.name} | ${runner} | | | | error: ${firstLine(outcome.error)} |`;
  const c = outcome.comparison;
  return `| ${pkg.name} | ${runner} | ${c.tests} | ${c.passedNative} | ${c.passedCompiled} | ${differenceSummary(c, outcome.leftovers)} |`;
}

function differenceSummary(c, leftovers) {
  const parts = [];
  if (c.regressions.length) parts.push(`${c.regressions.length} regression${c.regressions.length === 1 ? "" : "s"}`);
  if (c.expected.length) parts.push(`${c.expected.length} expected`);
  if (c.otherDifferences.length) parts.push(`${c.otherDifferences.length} other`);
  const left = leftovers.filter((l) => !l.kept).length;
  const kept = leftovers.length - left;
  if (left) parts.push(`${left} construct${left === 1 ? "" : "s"} left uncompiled`);
  if (kept) parts.push(`${kept} top-level await${kept === 1 ? "" : "s"} kept`);
  return parts.length ? parts.join(", ") : "none";
}

function details(pkg, outcome) {
  const lines = [];
  const section = (title, items) => {
    if (!items.length) return;
    lines.push(`${pkg.name}: ${title}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  if (outcome.error) section("error", [outcome.error]);
  for (const note of outcome.notes ?? []) lines.push(`${pkg.name}: ${note}`);
  section(
    "LEFT UNCOMPILED (constructs the compiled files still hold, or output that does not parse)",
    (outcome.leftovers ?? []).filter((l) => !l.kept).map((l) => `${l.file}:${l.line}:${l.column} ${l.what}`),
  );
  section(
    "kept by construction",
    (outcome.leftovers ?? []).filter((l) => l.kept).map((l) => `${l.file}:${l.line}:${l.column} ${l.what} (${l.kept})`),
  );
  const c = outcome.comparison;
  if (c) {
    section("passes natively, not compiled", c.regressions.map((d) => `${d.id}: ${d.native} -> ${d.compiled}`));
    section("expected differences", c.expected.map((d) => `${d.id}: ${d.native} -> ${d.compiled} (${d.reason})`));
    section("other differences", c.otherDifferences.map((d) => `${d.id}: ${d.native} -> ${d.compiled}`));
    section("fails natively, not in the expectations", c.unexpectedNativeFailures);
    section("expectations that did not come true", c.staleExpectations.map((s) => `${s.kind}: ${s.id} (${s.status})`));
  }
  if (lines.length) lines.push("");
  return lines;
}

function firstLine(text) {
  return String(text).split("\n")[0].replace(/\|/g, "\\|").slice(0, 120);
}
