// One package through the harness: install and run its suite natively, then
// compile its source and test files in another copy and run the suite again.

import { join } from "node:path";
import { compiledFiles } from "./corpus.mjs";
import { copyPackage, moveNodeModules } from "./workspace.mjs";
import { npmCi } from "./install.mjs";
import { runSuite } from "./suite.mjs";
import { runnerFor } from "./runners.mjs";
import { compilePackage } from "./compile.mjs";
import { sourceTypeOf } from "./source-type.mjs";
import { findLeftovers } from "./leftovers.mjs";
import { compareRuns } from "./compare.mjs";

/** { native, compiled, comparison, leftovers, notes, folders } for one package; throws when a step fails. */
export async function runPackage(pkg, root, { timeoutMs, expectations, log }) {
  const runner = runnerFor(pkg);
  const notes = [];

  const native = copyPackage(pkg, root, "native");
  const install = npmCi(native.dir);
  log(`npm ci: ${install.seconds.toFixed(1)} s`);
  if (install.unreviewed.length) notes.push(`install scripts not covered by allowScripts: ${install.unreviewed.join("; ")}`);
  const nativeRun = await runMode(pkg, runner, native, root, "native", timeoutMs, log, notes);

  const compiled = copyPackage(pkg, root, "compiled");
  moveNodeModules(native.dir, compiled.dir);
  const files = compiledFiles(pkg);
  const groups = compilePackage(pkg, files, compiled.dir);
  for (const group of groups) log(`${group.command}: ${group.summary}`);
  // Anything left but a module's top-level await fails the package (run.mjs), but the suite still runs: its
  // results tell whether the rest of the compiled code works.
  const leftovers = findLeftovers(compiled.dir, files, (file) => sourceTypeOf(pkg.dir, file, pkg.corpus.runner));
  for (const l of leftovers) log(`${l.kept ? "KEPT" : "LEFT UNCOMPILED"}: ${l.file}:${l.line}:${l.column} ${l.what}`);
  const compiledRun = await runMode(pkg, runner, compiled, root, "compiled", timeoutMs, log, notes);

  const comparison = compareRuns(nativeRun.results, compiledRun.results, expectations);
  if (pkg.corpus.native && comparison.passedNative !== pkg.corpus.native.passed) {
    notes.push(`passed natively ${comparison.passedNative}, CORPUS.json says ${pkg.corpus.native.passed}`);
  }
  return {
    files: files.length,
    native: summary(nativeRun),
    compiled: summary(compiledRun),
    comparison,
    leftovers,
    notes,
    folders: { native: native.dir, compiled: compiled.dir },
  };
}

async function runMode(pkg, runner, copy, root, mode, timeoutMs, log, notes) {
  const reportFile = join(root, pkg.name, `${mode}.report.json`);
  const run = await runSuite({
    pkg,
    dir: copy.dir,
    tmp: copy.tmp,
    extraArgs: runner.args(reportFile),
    timeoutMs,
    logPrefix: join(root, pkg.name, mode),
  });
  if (run.timedOut) throw new Error(`the ${mode} run of \`${run.command}\` took longer than ${timeoutMs / 1000} s`);
  const { results, problem } = runner.parse(run, reportFile, copy.dir);
  // Without the whole native suite there is nothing to compare with. A
  // compiled run cut short shows as its unreported tests missing, plus a note.
  if (mode === "native" && (problem || !results.length)) {
    throw new Error(`the native run of \`${run.command}\` is incomplete: ${problem ?? "it reported no test"} (exit status ${run.status}):\n${run.stderr.slice(-2000)}`);
  }
  if (problem) notes.push(`the compiled run is incomplete: ${problem}`);
  const passed = results.filter((r) => r.status === "pass").length;
  log(`${mode}: ${passed}/${results.length} passed in ${run.seconds.toFixed(1)} s (exit status ${run.status})`);
  return { ...run, results };
}

function summary(run) {
  return { command: run.command, status: run.status, seconds: run.seconds, results: run.results };
}
