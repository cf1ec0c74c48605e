// TypeScript in, TypeScript out, and the output type-checks as the input
// did: TypeScript's own checker, `strict`, on the input and on its output
// with the runtime inlined and imported from `awaitless/runtime` (resolved
// through the package's exports to its declarations, as in a user's
// project). The programs: every TypeScript fixture, and the sample set in
// test/typescript-samples (async functions, generators, async generators,
// for await, classes, loops with `let`, try/catch, typed destructuring).
// docs/decisions/0009-typescript-output.md says what the output's types are.

import { describe, it, expect, afterAll } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { transform } from "../src/index.js";
import { loadFixtures, isTypeScriptFile } from "./support/fixtures.js";
import { createSandbox, REPO_ROOT, type Sandbox } from "./support/package-sandbox.js";

const SAMPLES_DIR = join(REPO_ROOT, "test/typescript-samples");

interface SourceSet {
  name: string;
  files: Array<{ name: string; code: string }>;
}

const sets: SourceSet[] = [
  {
    name: "samples",
    files: readdirSync(SAMPLES_DIR)
      .filter(isTypeScriptFile)
      .sort()
      .map((name) => ({ name, code: readFileSync(join(SAMPLES_DIR, name), "utf8") })),
  },
  {
    name: "fixtures",
    files: loadFixtures()
      .filter((fixture) => isTypeScriptFile(fixture.inputFile))
      .map((fixture) => ({ name: `${fixture.name}.ts`, code: fixture.input })),
  },
];

/**
 * What the output cannot type as its input did, by construction: a value a
 * suspension resumes with comes from the machine (`_m.v`), which is `any`,
 * and so is a local whose type only a checker could infer. A function passed
 * straight to a method of such a value gets no contextual type: its
 * unannotated parameters are implicitly `any`, an error under `strict`.
 * `(await closures(3)).map((f) => f())` in the samples' main.ts is kept to
 * show it.
 */
const EXPECTED_IN_OUTPUT = ["samples/main.ts: TS7006 Parameter 'f' implicitly has an 'any' type."];

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
};

/** TypeScript's diagnostics for the files, as `set/file: TScode message`. */
function typeCheck(setName: string, dir: string, names: string[]): string[] {
  const program = ts.createProgram(
    names.map((name) => join(dir, name)),
    COMPILER_OPTIONS,
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file ? diagnostic.file.fileName.slice(dir.length + 1) : "(options)";
    return `${setName}/${file}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

let sandbox: Promise<Sandbox> | undefined;
afterAll(async () => {
  await (await sandbox)?.remove();
});

describe.each(sets.map((set) => [set.name, set] as const))("TypeScript output type-checks under strict: %s", (_name, set) => {
  it("has TypeScript programs", () => {
    expect(set.files.length).toBeGreaterThan(1);
  });

  it("the input type-checks", async () => {
    sandbox ??= createSandbox();
    const box = await sandbox;
    for (const file of set.files) await box.write(`${set.name}/input/${file.name}`, file.code);
    expect(typeCheck(set.name, join(box.dir, set.name, "input"), set.files.map((f) => f.name))).toEqual([]);
  });

  it.each(["inline", "import"] as const)("the output with the runtime %s type-checks", async (runtime) => {
    sandbox ??= createSandbox();
    const box = await sandbox;
    const dir = `${set.name}/${runtime}`;
    for (const file of set.files) {
      const output = transform(file.code, { filename: file.name, runtime }).code;
      await box.write(`${dir}/${file.name}`, output);
    }
    const expected = EXPECTED_IN_OUTPUT.filter((line) => line.startsWith(`${set.name}/`));
    expect(typeCheck(set.name, join(box.dir, dir), set.files.map((f) => f.name))).toEqual(expected);
  });
});
