// The production pipeline: every executable fixture compiled with the runtime
// inlined, then minified by terser with top-level names mangled, must print
// exactly what the native input minified the same way prints. Mangling
// renames the runtime's functions and variables and the compiler's
// temporaries, so whatever user code can read off them (constructor names,
// method names, tags, messages) has to be set explicitly rather than taken
// from their own names. The names the program itself writes are left as
// they are in both copies (see programNames in support/minify.ts: mangled,
// they would differ only by which letter terser picked).
//
// Twice: with terser's compressor off, and on. Compression alone changes
// what some native programs print (it inlines a function into its only call
// site and the function loses the name it took from its binding, …), so
// with it on, a fixture is compared only where its compressed native
// program still prints what the unminified one prints; the last tests say
// how many that leaves, and that terser still rejects the fixtures it cannot
// minify at all.
import { describe, it, expect } from "vitest";
import { transform } from "../src/index.js";
import { loadFixtures, execOptions, runnable, type Fixture } from "./support/fixtures.js";
import { runNodeAsync } from "./support/run-node-async.js";
import { minifyForProduction, programNames } from "./support/minify.js";

const fixtures = loadFixtures().filter((f) => f.options.exec !== false);

/**
 * Fixtures whose native input terser cannot minify at all: the reason, and
 * the error terser gives (checked below, so the entry goes when terser
 * learns better).
 */
const TERSER_REJECTS: Record<string, { reason: string; error: RegExp }> = {
  "stmt-labeled": {
    reason: "terser's parser rejects `a: b: for (…) { continue a; }` (a continue to the outer label of a loop with two labels), which is valid JavaScript",
    error: /Continue label `a` refers to non-IterationStatement/,
  },
};

/**
 * With compression on, the fixtures compared: those whose compressed native
 * program prints what the unminified one prints. Counted by the tests below,
 * not listed by hand; the number is asserted so a change shows.
 */
const COMPRESSED_COMPARED = 133;

const isModule = (fixture: Fixture) => fixture.options.module !== false;

// Compiled once and read for names once per fixture, for both ways of minifying.
const compiledCode = new Map<string, string>();
const namesOf = new Map<string, string[]>();

/** The fixture's native program or its compiled copy, minified. */
function minified(fixture: Fixture, compiled: boolean, compress: boolean): Promise<string> {
  const module = isModule(fixture);
  // (A TypeScript fixture, and its output, with the types stripped: terser reads JavaScript.)
  const input = runnable(fixture, fixture.input);
  if (!namesOf.has(fixture.name)) namesOf.set(fixture.name, programNames(input, module));
  if (compiled && !compiledCode.has(fixture.name)) compiledCode.set(fixture.name, runnable(fixture, transform(fixture.input, execOptions(fixture)).code));
  const code = compiled ? compiledCode.get(fixture.name)! : input;
  return minifyForProduction(code, { module, compress, keepNames: namesOf.get(fixture.name)! });
}

const minifiable = fixtures.filter((f) => !(f.name in TERSER_REJECTS));

/** The fixture run natively, unminified: once, for both ways of minifying. */
const unminifiedRuns = new Map<string, ReturnType<typeof runNodeAsync>>();
function unminifiedRun(fixture: Fixture): ReturnType<typeof runNodeAsync> {
  if (!unminifiedRuns.has(fixture.name)) unminifiedRuns.set(fixture.name, runNodeAsync(runnable(fixture, fixture.input), { module: isModule(fixture) }));
  return unminifiedRuns.get(fixture.name)!;
}

describe.concurrent("minified: top-level names mangled, not compressed", () => {
  it.each(minifiable.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    const module = isModule(fixture);
    const [unminified, native, compiled] = await Promise.all([
      unminifiedRun(fixture),
      runNodeAsync(await minified(fixture, false, false), { module }),
      runNodeAsync(await minified(fixture, true, false), { module }),
    ]);
    expect(native.stdout.length, "the minified fixture prints nothing natively").toBeGreaterThan(0);
    // terser's printer itself changes what some native programs print: a function's source
    // text, and `(yield)\`x\``, which it prints as `yield\`x\`` (a yield of the template). Where
    // it does, the compiled program may print either: the native program minified, or (having
    // no `yield` left for terser to misprint) the native program as written.
    if (JSON.stringify(native) !== JSON.stringify(unminified) && JSON.stringify(compiled) !== JSON.stringify(native)) {
      expect(compiled).toEqual(unminified);
    } else {
      expect(compiled).toEqual(native);
    }
  });
});

const compressedCompared: string[] = [];
const compressedChangesNative: string[] = [];

describe.concurrent("minified: top-level names mangled and compressed", () => {
  it.for(minifiable.map((f) => [f.name, f] as const))("%s", async ([, fixture], context) => {
    const module = isModule(fixture);
    const [unminified, native] = await Promise.all([
      unminifiedRun(fixture),
      runNodeAsync(await minified(fixture, false, true), { module }),
    ]);
    if (JSON.stringify(native) !== JSON.stringify(unminified)) {
      // Nothing to hold the compiled program to; counted below.
      compressedChangesNative.push(fixture.name);
      context.skip("terser's compressor changes what the native program prints");
    }
    compressedCompared.push(fixture.name);
    const compiled = await runNodeAsync(await minified(fixture, true, true), { module });
    expect(compiled).toEqual(native);
  });
});

describe("minified: what was compared", () => {
  it(`with compression, ${COMPRESSED_COMPARED} of the fixtures terser can minify`, () => {
    expect(compressedCompared.length + compressedChangesNative.length, "not every fixture was run").toBe(minifiable.length);
    expect(compressedCompared.length, `compression changes these natively: ${compressedChangesNative.sort().join(", ")}`).toBe(COMPRESSED_COMPARED);
  });

  it.for(Object.entries(TERSER_REJECTS))("terser rejects %s natively", async ([name, { error }]) => {
    const fixture = fixtures.find((f) => f.name === name);
    expect(fixture, `${name} is not an executable fixture`).toBeDefined();
    await expect(minified(fixture!, false, false)).rejects.toThrow(error);
  });
});
