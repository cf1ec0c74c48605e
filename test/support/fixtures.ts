// The fixture set: fixtures/<group>/<case>/input.js (or .mjs/.ts...), its
// golden output.js, and optional options.json (transform options for both).
// The groups are what the fixtures teach: expressions, statements, scope,
// functions, iteration (generators, for-of, for await), runtime (timing and
// the runtime's behaviour), typescript. A case's name is unique across groups.

import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { stripTypes } from "./strip-types.js";

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures");

export interface Fixture {
  name: string;
  /** The group folder it is in. */
  group: string;
  dir: string;
  inputFile: string;
  input: string;
  outputFile: string;
  options: Record<string, unknown> & { exec?: boolean; module?: boolean; nativeEngine?: "node24" };
  /** What the input printed on its native engine, recorded (native.json), for a fixture Node 20 cannot run natively. */
  recordedNative: RunResultLike | null;
}

interface RunResultLike {
  stdout: string;
  status: number | null;
  error: string | null;
}

/** Every case, as [group, name], sorted by name. */
function fixtureCases(): Array<[string, string]> {
  const cases: Array<[string, string]> = [];
  for (const group of readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const entry of readdirSync(join(FIXTURES_DIR, group.name), { withFileTypes: true })) {
      if (entry.isDirectory()) cases.push([group.name, entry.name]);
    }
  }
  const names = new Set<string>();
  for (const [, name] of cases) {
    if (names.has(name)) throw new Error(`two fixtures are named ${name}`);
    names.add(name);
  }
  return cases.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/**
 * The fixtures. Those whose input only a newer engine runs natively
 * (`"nativeEngine": "node24"`: `using`, which Node 20 lacks) are left out
 * unless asked for: every suite that runs inputs natively on Node 20 would
 * fail on them; fixtures.test.ts runs them against Node 24.
 */
export function loadFixtures({ withNewerEngines = false } = {}): Fixture[] {
  return allFixtures().filter((fixture) => withNewerEngines || !fixture.options.nativeEngine);
}

function allFixtures(): Fixture[] {
  return fixtureCases().map(([group, name]) => {
    const dir = join(FIXTURES_DIR, group, name);
    const inputName = readdirSync(dir).find((f) => f.startsWith("input."));
    if (!inputName) throw new Error(`fixture ${name} has no input file`);
    const optionsFile = join(dir, "options.json");
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
    return {
      name,
      group,
      dir,
      inputFile: inputName,
      input: readFileSync(join(dir, inputName), "utf8"),
      // TypeScript in, TypeScript out: the golden output keeps the input's extension.
      outputFile: join(dir, isTypeScriptFile(inputName) ? inputName.replace(/^input/, "output") : "output.js"),
      options,
      recordedNative: existsSync(join(dir, "native.json")) ? JSON.parse(readFileSync(join(dir, "native.json"), "utf8")) : null,
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
