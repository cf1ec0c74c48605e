// `import()` for tests: loads the `_FIXTURE.js` module files next to a test
// into the test's own realm with vm.SourceTextModule (which needs
// --experimental-vm-modules). Each realm has its own module map, so a module
// imported twice is the same instance (tests check live bindings and
// namespace identity) and nothing is shared between tests. In compiled mode
// every module is compiled first, as module code.

import vm from "node:vm";
import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { CompileFailure } from "./compiler.mjs";

/**
 * @param {object} options
 * @param {vm.Context} options.context the realm modules are evaluated in
 * @param {((code: string, filename: string) => string) | null} options.compile compiles module code, or null to run it as is
 * @param {(name: string, message: string) => Error} options.realmError makes an error of the realm's own constructors
 * @param {{ pending: number, notes: string[] }} options.activity counts imports in flight (so an async
 *   test is not judged idle while one loads) and collects fixtures' compile failures for the report
 */
export function createModuleLoader({ context, compile, realmError, activity }) {
  /** @type {Map<string, { module: vm.SourceTextModule | null, failure: unknown, ready: Promise<void> | null }>} */
  const entries = new Map();

  /** The map entry for the module at `file`, created (not yet linked) on first use. */
  function entryFor(file) {
    let entry = entries.get(file);
    if (!entry) {
      entry = { module: null, failure: undefined, ready: null };
      try {
        entry.module = createModule(file);
      } catch (error) {
        entry.failure = error;
      }
      entries.set(file, entry);
    }
    return entry;
  }

  function createModule(file) {
    const source = readFileSync(file, "utf8");
    const code = compile ? compileModule(source, file) : source;
    // As for scripts (see realm.mjs), the import hook keeps the realm alive, so only where needed.
    const options = { context, identifier: file };
    if (code.includes("import")) options.importModuleDynamically = importerFor(file);
    return new vm.SourceTextModule(code, options);
  }

  /** Runs the compiler; its syntax errors become the realm's SyntaxError, as the engine's would. */
  function compileModule(source, file) {
    try {
      return compile(source, file);
    } catch (error) {
      if (!(error instanceof CompileFailure)) throw error;
      // The test may swallow the rejection; the note keeps the cause in the report.
      activity.notes.push(`${basename(file)}: ${error.message}`);
      if (error.kind === "syntax") throw realmError("SyntaxError", error.message);
      throw realmError("Error", error.message);
    }
  }

  /** Links and evaluates a module once; later imports wait on the same promise. */
  function ready(entry) {
    if (!entry.ready) entry.ready = linkAndEvaluate(entry);
    return entry.ready;
  }

  async function linkAndEvaluate(entry) {
    if (entry.failure !== undefined) throw entry.failure;
    const module = entry.module;
    if (module.status === "unlinked") await module.link(linkRequest);
    await module.evaluate();
  }

  /** The linker: static imports of a fixture resolve next to the importing module. */
  function linkRequest(specifier, referencingModule) {
    const entry = entryFor(resolve(dirname(referencingModule.identifier), specifier));
    if (entry.failure !== undefined) throw entry.failure;
    return entry.module;
  }

  /** An `importModuleDynamically` callback for code whose file is `file`. */
  function importerFor(file) {
    return async (specifier) => {
      activity.pending++;
      try {
        const entry = entryFor(resolve(dirname(file), String(specifier)));
        await ready(entry);
        return entry.module;
      } finally {
        activity.pending--;
      }
    };
  }

  return { importerFor };
}
