// Turns a test into the programs to run, as test262's INTERPRETING.md says:
// the harness files and the test concatenated into one script, once sloppy
// and once strict unless the flags pick one. Pure: harness text comes from a
// function the caller passes, so unit tests need no test262 checkout.

export const STRICT_PREFIX = '"use strict";\n';

/** The runs a test needs: "sloppy", "strict" or both, from its flags. */
export function variantsFor(meta) {
  const flags = meta.flags;
  if (flags.includes("raw") || flags.includes("noStrict")) return ["sloppy"];
  if (flags.includes("onlyStrict")) return ["strict"];
  return ["sloppy", "strict"];
}

/** Harness files to put before the test, in order (none for `raw` tests). */
export function harnessFilesFor(meta) {
  if (meta.flags.includes("raw")) return [];
  const files = ["assert.js", "sta.js"];
  if (meta.flags.includes("async")) files.push("doneprintHandle.js");
  for (const include of meta.includes) if (!files.includes(include)) files.push(include);
  return files;
}

/**
 * The whole program for one variant. `readHarness(name)` returns a harness
 * file's text. Each part ends with a newline so a file whose last line is a
 * comment cannot swallow the start of the next one.
 */
export function assembleProgram({ source, meta, variant, readHarness }) {
  if (meta.flags.includes("raw")) return source;
  const parts = harnessFilesFor(meta).map((name) => withNewline(readHarness(name)));
  parts.push(source);
  const body = parts.join("");
  return variant === "strict" ? STRICT_PREFIX + body : body;
}

function withNewline(text) {
  return text.endsWith("\n") ? text : text + "\n";
}
