// A fresh realm for one run of a test: a new vm context with the host
// bindings test262 expects — `print` and `$262` (createRealm, evalScript,
// detachArrayBuffer, gc, global; `agent` and `IsHTMLDDA` are left out, so the
// tests that need them fail natively and are not scored). In compiled mode
// every script that enters the realm through `$262.evalScript` and every
// module it imports goes through the compiler too.

import vm from "node:vm";
import v8 from "node:v8";
import { CompileFailure } from "./compiler.mjs";
import { createModuleLoader } from "./modules.mjs";

const collectGarbage = findGc();

/**
 * Node 20 gives its main realm's Symbol `dispose` and `asyncDispose` (for
 * TypeScript's `using`), but not a new vm context's: a program run by Node 20
 * sees them, so a test realm gets them too, the same symbols. (Node 24 has
 * them in every realm.)
 */
function addHostSymbols(RealmSymbol) {
  for (const name of ["dispose", "asyncDispose"]) {
    if (RealmSymbol[name] === undefined && typeof Symbol[name] === "symbol") {
      Object.defineProperty(RealmSymbol, name, { value: Symbol[name], writable: false, enumerable: false, configurable: false });
    }
  }
}

/**
 * @param {object} host what all realms of one run share
 * @param {{ script: Function, module: Function } | null} host.compiler null for native runs
 * @param {(line: string) => void} host.onPrint receives every `print` call
 * @param {{ pending: number, notes: string[] }} host.activity imports in flight, and notes for the report
 * @param {string} host.file the test's path; `import()` resolves next to it
 */
export function createRealm(host) {
  const context = vm.createContext();
  const global = vm.runInContext("globalThis", context);
  addHostSymbols(vm.runInContext("Symbol", context));
  // Taken before the test runs, which may replace the globals.
  const constructors = vm.runInContext("({ Error, SyntaxError })", context);
  const realmError = (name, message) => new constructors[name](message);
  const loader = createModuleLoader({
    context,
    compile: host.compiler && host.compiler.module,
    realmError,
    activity: host.activity,
  });

  /**
   * Parses `code` as a script of this realm whose `import()` resolves next to
   * the test. The import hook is only attached to code that mentions
   * `import`: on Node 20 a script given one is never garbage-collected, with
   * its whole realm, and a worker running thousands of tests runs out of memory.
   */
  function compileScript(code, filename) {
    const options = { filename };
    if (code.includes("import")) options.importModuleDynamically = loader.importerFor(host.file);
    return new vm.Script(code, options);
  }

  const $262 = vm.runInContext("({})", context);
  Object.assign($262, {
    global,
    createRealm: () => createRealm(host).$262,
    evalScript: (code) => evalScript(String(code)),
    detachArrayBuffer: (buffer) => {
      structuredClone(buffer, { transfer: [buffer] });
      return null;
    },
    gc: () => collectGarbage(),
  });

  /** `$262.evalScript`: errors in the code are the realm's own SyntaxError, as the engine's are. */
  function evalScript(source) {
    const code = host.compiler ? compileForEval(source) : source;
    let script;
    try {
      script = compileScript(code, "evalScript.js");
    } catch (error) {
      throw realmError("SyntaxError", error.message);
    }
    return script.runInContext(context);
  }

  /**
   * Compiled mode: the code evalScript runs. Output that does not parse goes
   * to the engine anyway, which rejects it with the SyntaxError a test of
   * invalid code expects (the compiler passes text it has nothing to lower
   * through unparsed). Any other failure is thrown into the test.
   */
  function compileForEval(source) {
    try {
      return host.compiler.script(source, "evalScript.js");
    } catch (error) {
      if (!(error instanceof CompileFailure)) throw error;
      if (error.kind === "syntax") throw realmError("SyntaxError", error.message);
      if (error.kind === "bad-output") return error.output;
      throw realmError("Error", error.message);
    }
  }

  global.print = (...values) => host.onPrint(values.map(String).join(" "));
  global.$262 = $262;
  return { context, global, $262, compileScript };
}

/** A function that runs a full GC, or one that throws when the engine will not expose it. */
function findGc() {
  if (typeof globalThis.gc === "function") return globalThis.gc;
  try {
    // The flag applies to contexts created after it is set, so a throwaway
    // context hands us the function without --expose-gc on the command line.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc");
    if (typeof gc === "function") return gc;
  } catch {
    // Fall through: gc stays unavailable.
  }
  return () => {
    throw new Error("$262.gc is not available");
  };
}
