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
import { crashSignal } from "./crash.mjs";

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
  const runOnce = () =>
    runSuite({ pkg, dir: copy.dir, tmp: copy.tmp, extraArgs: runner.args(reportFile), timeoutMs, logPrefix: join(root, pkg.name, mode) });
  let run = await runOnce();
  // A suite whose process the system ended for a fault (SIGSEGV...) did not
  // report on the code: the engine itself failed, as Node 20 now and then does
  // with worker threads. Such a run is told, with its stderr, and run once
  // more; a second crash stands, and its missing tests fail the package.
  const crash = crashSignal(run);
  if (crash && !run.timedOut) {
    const message = `the ${mode} run crashed (${crash}) after ${reportedCount(runner, run, reportFile, copy.dir)} test results; it ran once more`;
    log(`${message}. The end of its stderr:\n${run.stderr.slice(-1500)}`);
    notes.push(message);
    run = await runOnce();
  }
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
  return { ...run, results, crashes: crash ? 1 : 0 };
}

function reportedCount(runner, run, reportFile, dir) {
  try {
    return runner.parse(run, reportFile, dir).results.length;
  } catch {
    return 0;
  }
}

function summary(run) {
  return { command: run.command, status: run.status, seconds: run.seconds, crashes: run.crashes, results: run.results };
}
