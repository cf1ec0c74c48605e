// The fixture set: fixtures/<case>/input.js (or .mjs/.ts...), its golden
// output.js, and optional options.json (transform options for both).

import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { stripTypes } from "./strip-types.js";

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures");

export interface Fixture {
  name: string;
  dir: string;
  inputFile: string;
  input: string;
  outputFile: string;
  options: Record<string, unknown> & { exec?: boolean; module?: boolean };
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      const inputName = readdirSync(dir).find((f) => f.startsWith("input."));
      if (!inputName) throw new Error(`fixture ${name} has no input file`);
      const optionsFile = join(dir, "options.json");
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
      return {
        name,
        dir,
        inputFile: inputName,
        input: readFileSync(join(dir, inputName), "utf8"),
        // TypeScript in, TypeScript out: the golden output keeps the input's extension.
        outputFile: join(dir, isTypeScriptFile(inputName) ? inputName.replace(/^input/, "output") : "output.js"),
        options,
      };
    });
}

/** The transform options a fixture's golden output is made with: the runtime imported, so the output shows only the lowering. */
export function goldenOptions(fixture: Fixture) {
  const { exec: _exec, module: _module, ...options } = fixture.options;
  return { filename: fixture.inputFile, runtime: "import" as const, ...options };
}

/** Options for the executed copy: self-contained, with the runtime inlined. */
export function execOptions(fixture: Fixture) {
  return { ...goldenOptions(fixture), runtime: "inline" as const };
}

export function isTypeScriptFile(name: string): boolean {
  return /\.[mc]?tsx?$/.test(name);
}

/** The code as Node can run it: a TypeScript fixture's code, or its compiled output, with the types stripped (strip-types.ts). */
export function runnable(fixture: Fixture, code: string): string {
  return isTypeScriptFile(fixture.inputFile) ? stripTypes(code, fixture.inputFile) : code;
}
