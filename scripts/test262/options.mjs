// Command-line options of `npm run test262` (node scripts/test262/run.mjs).
// Hand-parsed with node:util's parseArgs: the runner adds no dependencies.

import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";
import { SUITES } from "./select.mjs";

export const USAGE = `usage: npm run test262 -- [options]

  --suite <name>                 ${SUITES.join(" | ")} (default: async-functions)
  --filter <substring>           only tests whose path contains it
  --jobs <n>                     worker threads (default: number of cores)
  --timeout <ms>                 limit for one run's synchronous code, and again for
                                 an async test to call $DONE (default: 5000)
  --json <file>                  write every test's results there
  --clusters <n>                 failure groups to print (default: 25)
  --verbose                      list every unexpected result, not the first 20
  --write-native-expectations    run natively only and rewrite the "native" section
                                 of test262/expectations.json for the selected tests
  --test262 <dir>                the test262 copy (default: ../shared/test262 beside the repo)
  --compiled-only                run only the compiled side, on this Node, scored against
                                 the native results the expectations file records (for the
                                 erm suite on Node 20, which cannot run it natively)
  --node <binary>                run on this Node instead (the erm suite's default: the
                                 Node 24 that \`npm run engines\` installs)
  --help`;

/** The parsed options, with defaults filled in; throws on unknown or bad options. */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      suite: { type: "string", default: "async-functions" },
      filter: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string", default: "5000" },
      json: { type: "string" },
      clusters: { type: "string", default: "25" },
      verbose: { type: "boolean", default: false },
      "write-native-expectations": { type: "boolean", default: false },
      test262: { type: "string" },
      node: { type: "string" },
      "compiled-only": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (!SUITES.includes(values.suite)) throw new Error(`--suite must be one of ${SUITES.join(", ")}`);
  const writeNative = values["write-native-expectations"];
  return {
    suite: values.suite,
    filter: values.filter ?? "",
    jobs: positiveInteger("--jobs", values.jobs ?? String(availableParallelism())),
    timeoutMs: positiveInteger("--timeout", values.timeout),
    json: values.json ?? null,
    clusters: positiveInteger("--clusters", values.clusters),
    verbose: values.verbose,
    writeNative,
    // Writing the native section needs no compiled runs.
    compiled: !writeNative,
    test262: values.test262 ?? null,
    node: values.node ?? null,
    compiledOnly: values["compiled-only"],
    help: values.help,
  };
}

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got ${text})`);
  return value;
}
