// Every engine the fixtures run on besides the Node 20 that runs the tests
// (test/fixtures.test.ts): for each, how a fixture is built for it, how a
// program without awaitless is (the limitations' repros), and how code runs
// on it. Results come in the shape of run-node.ts's, to compare with one
// toEqual.
//
//   duktape, mujs  test/es5-engines.test.ts: Babel 7 with awaitless and
//                  preset-env for ES5, on the ES5 host's Promise
//   node24         test/engines.test.ts: awaitless's output as it is
//   hermes         test/engines.test.ts: built as for Duktape and mujs, on
//                  Hermes's own Promise and job queue
//   quickjs        test/engines.test.ts: awaitless's output as it is, on
//                  QuickJS's own Promise and job queue

import { transform } from "../../../src/index.js";
import { execOptions, runnable, type Fixture } from "../fixtures.js";
import type { RunResult } from "../run-node.js";
import { compileForEs5, runInEngine, ENGINE_TIMEOUT_MS } from "../es5/engines.js";
import { runInHermes } from "./hermes.js";
import { runInQuickJS } from "./quickjs.js";
import { runOnNode24 } from "./node24.js";

export type EngineName = "duktape" | "mujs" | "node24" | "hermes" | "quickjs";

export interface RunOptions {
  module: boolean;
  timeoutMs: number;
}

export interface Engine {
  name: EngineName;
  title: string;
  /** The code the engine is given for a fixture. */
  compileFixture(fixture: Fixture): string;
  /** The code the engine is given for a program with nothing for awaitless to do: what a build for the engine makes of it. */
  buildPlain(code: string, options: { module: boolean }): string;
  /** Runs code as compileFixture or buildPlain made it. */
  run(code: string, options: RunOptions): Promise<RunResult>;
}

/** These engines are slow interpreters: a fixture that awaits 300,000 times takes seconds, more on a busy machine. */
export const TIMEOUT_MS = ENGINE_TIMEOUT_MS;

export function isModule(fixture: Fixture): boolean {
  return fixture.options.module !== false;
}

/** awaitless's output as test/fixtures.test.ts runs it on Node 20: the runtime inlined, TypeScript's types stripped. */
function compileWithAwaitless(fixture: Fixture): string {
  return runnable(fixture, transform(fixture.input, execOptions(fixture)).code);
}

/** The ES5 build: a TypeScript fixture goes in with its types stripped (the engines' concern is the lowering, not the parser). */
function compileThroughBabel(fixture: Fixture): string {
  const filename = fixture.inputFile.replace(/\.([mc]?)tsx?$/, ".$1js");
  return compileForEs5(runnable(fixture, fixture.input), { filename, module: isModule(fixture) });
}

function buildWithBabel(code: string, options: { module: boolean }): string {
  return compileForEs5(code, { filename: "program.js", module: options.module, awaitless: false });
}

function asItIs(code: string): string {
  return code;
}

export const ENGINES: Record<EngineName, Engine> = {
  duktape: {
    name: "duktape",
    title: "Duktape",
    compileFixture: compileThroughBabel,
    buildPlain: buildWithBabel,
    run: (code, options) => runInEngine("duktape", code, options),
  },
  mujs: {
    name: "mujs",
    title: "mujs",
    compileFixture: compileThroughBabel,
    buildPlain: buildWithBabel,
    run: (code, options) => runInEngine("mujs", code, options),
  },
  node24: { name: "node24", title: "Node 24", compileFixture: compileWithAwaitless, buildPlain: asItIs, run: runOnNode24 },
  hermes: { name: "hermes", title: "Hermes", compileFixture: compileThroughBabel, buildPlain: buildWithBabel, run: runInHermes },
  quickjs: { name: "quickjs", title: "QuickJS", compileFixture: compileWithAwaitless, buildPlain: asItIs, run: runInQuickJS },
};

/** The engines test/engines.test.ts runs the fixtures on (es5-engines.test.ts runs Duktape's and mujs's). */
export const NEWER_ENGINES: Engine[] = [ENGINES.node24, ENGINES.hermes, ENGINES.quickjs];
