#!/usr/bin/env node
// `npm run realworld`: runs the test suites of the real-world corpus
// (../shared/realworld) natively and compiled by awaitless, compares them test
// by test and exits non-zero when a test that passes natively does not pass
// compiled (and is not in expectations.json with a reason), or when a
// compiled file still holds an async function, generator, await, yield or for
// await. See docs/realworld.md.

import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseOptions, USAGE } from "./options.mjs";
import { locateCorpus, loadPackages, REPO_ROOT } from "./corpus.mjs";
import { loadExpectations, expectationsFor } from "./expectations.mjs";
import { makeRunRoot, removeRoot } from "./workspace.mjs";
import { runPackage } from "./package.mjs";
import { stopSuites } from "./suite.mjs";
import { formatReport } from "./report.mjs";

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(join(REPO_ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const packages = loadPackages(locateCorpus(options.corpus), options.only);
  const expectations = loadExpectations();
  const root = makeRunRoot();
  stopOnSignals(root, options.keep);
  const started = performance.now();
  const entries = [];
  for (const pkg of packages) {
    const log = (line) => console.error(`[${pkg.name}] ${line}`);
    let outcome;
    try {
      outcome = await runPackage(pkg, root, { timeoutMs: options.timeoutMs, expectations: expectationsFor(expectations, pkg.name), log });
    } catch (error) {
      outcome = { error: error.message };
      log(`error: ${error.message}`);
    }
    entries.push({ pkg, outcome });
    // Each package's copies go as soon as it is done: globby's suite alone
    // leaves hundreds of git repositories in its TMPDIR.
    if (!options.keep) removeRoot(join(root, pkg.name));
  }
  const seconds = (performance.now() - started) / 1000;
  const command = ["npm run realworld", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");
  for (const line of formatReport(entries, { command, seconds })) console.log(line);
  if (options.json) writeJson(options.json, entries, seconds);
  if (options.keep) console.log(`kept the copies in ${root}`);
  else removeRoot(root);
  const ok = entries.every(
    ({ outcome }) => !outcome.error && outcome.leftovers.every((l) => l.kept) && outcome.comparison.regressions.length === 0,
  );
  console.log(ok ? "realworld: every test that passes natively passes compiled" : "realworld: FAILED (see above)");
  return ok ? 0 : 1;
}

/** On Ctrl-C or SIGTERM: end the running suite, remove the copies (unless --keep), exit. */
function stopOnSignals(root, keep) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopSuites();
      if (keep) console.error(`realworld: stopped; the copies are in ${root}`);
      else removeRoot(root);
      process.exit(130);
    });
  }
}

function writeJson(file, entries, seconds) {
  const data = {
    seconds,
    packages: entries.map(({ pkg, outcome }) => ({ name: pkg.name, runner: pkg.corpus.runner, ...outcome })),
  };
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  console.log(`wrote ${file}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`realworld: ${error.message}`);
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || /^--/.test(error.message)) console.error(USAGE);
    process.exitCode = 2;
  },
);
