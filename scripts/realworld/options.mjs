// Command-line options of `npm run realworld` (node scripts/realworld/run.mjs).

import { parseArgs } from "node:util";

export const USAGE = `usage: npm run realworld -- [options]

  --only <a,b>       only these packages (folder names in the corpus)
  --json <file>      write every package's per-test results and differences there
  --keep             keep the temporary copies and print where they are
  --corpus <dir>     the real-world corpus (default: ../shared/realworld beside the repo)
  --timeout <s>      limit for one test-suite run, in seconds (default: 600)
  --help`;

/** The parsed options with defaults; throws on unknown or bad options. */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      only: { type: "string" },
      json: { type: "string" },
      keep: { type: "boolean", default: false },
      corpus: { type: "string" },
      timeout: { type: "string", default: "600" },
      help: { type: "boolean", default: false },
    },
  });
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new Error(`--timeout must be a positive number (got ${values.timeout})`);
  return {
    only: values.only ? values.only.split(",").map((name) => name.trim()).filter(Boolean) : null,
    json: values.json ?? null,
    keep: values.keep,
    corpus: values.corpus ?? null,
    timeoutMs: timeout * 1000,
    help: values.help,
  };
}
