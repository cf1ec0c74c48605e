#!/usr/bin/env node
// The awaitless command. The program is dist/cli.js, built from src/cli.ts.

let cli;
try {
  cli = await import("../dist/cli.js");
} catch (error) {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && /dist[\\/]cli\.js/.test(String(error.message))) {
    process.stderr.write("awaitless: the CLI is not built (dist/cli.js is missing); run `npm run build` first\n");
    process.exit(1);
  }
  throw error;
}
// A reader that stops early (`awaitless --help | head -1`) closes the pipe:
// there is nobody left to write to, which is no error of ours.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await cli.run(process.argv.slice(2));
