// Every fixture compiled and run on Node 24, Hermes and QuickJS, beside
// Node 20 (test/fixtures.test.ts) and Duktape and mujs
// (test/es5-engines.test.ts). Each run must print exactly what the input
// prints natively on Node 20 (or, for a fixture only Node 24 runs natively,
// what native.json records), end with the same status and report the same
// uncaught error, compared with one toEqual.
//
// - Node 24 (`npm run engines` installs it into .engines/node24; .ci/run
//   does before the tests): awaitless's output as Node 20 runs it. Without
//   it, its tests fail and say to run `npm run engines`.
// - Hermes 0.12 (the hermes-engine-cli package), React Native's engine: the
//   fixture built as a React Native build for Hermes builds it, one Babel 7
//   pass with awaitless (runtime inlined) and preset-env for an ES5 target
//   without its async transforms, run with Hermes's own Promise and job queue
//   (test/support/engines/hermes.ts).
// - QuickJS (quickjs-emscripten 0.32): awaitless's output as it is, with
//   QuickJS's own Promise and job queue (test/support/engines/quickjs.ts).
//
// On Hermes and QuickJS a host of our own gives what Node gives a program
// around its engine: timers, queueMicrotask, console.log formatting values
// as Node does, and Node's end of a program on an uncaught error
// (test/support/engines/host.js). Fixtures that cannot run alike for a
// reason outside awaitless are skipped, naming the reason; the reasons, with
// a repro of each, are in test/support/engines/limitations.ts
// (test/engine-limitations.test.ts checks the repros still differ).

import { describe, it, expect } from "vitest";
import { loadFixtures, runnable, type Fixture } from "./support/fixtures.js";
import { runNodeAsync } from "./support/run-node-async.js";
import type { RunResult } from "./support/run-node.js";
import { NEWER_ENGINES, TIMEOUT_MS, isModule } from "./support/engines/engines.js";
import { exclusionReason } from "./support/engines/limitations.js";
import { node24 } from "./support/engines/node24.js";

const fixtures = loadFixtures({ withNewerEngines: true }).filter((f) => f.options.exec !== false);

// Each fixture runs natively once, whichever engine asks first.
const native = new Map<string, Promise<RunResult>>();

function nativeRun(fixture: Fixture): Promise<RunResult> {
  if (fixture.options.nativeEngine) return Promise.resolve(fixture.recordedNative!);
  let run = native.get(fixture.name);
  if (!run) {
    run = runNodeAsync(runnable(fixture, fixture.input), { module: isModule(fixture) });
    native.set(fixture.name, run);
  }
  return run;
}

describe("Node 24", () => {
  it("is installed (npm run engines)", () => {
    expect(() => node24()).not.toThrow();
  });
});

/**
 * Programs for the host Hermes and QuickJS run on (host.js): its timers,
 * queueMicrotask, console.log of the engine's own promises, and how a
 * program ends. Each must print on the engine what it prints on Node. Not
 * on QuickJS, those that end with an unhandled rejection: its host cannot
 * see one ("unhandled rejections" in test/support/engines/limitations.ts).
 */
const HOST_PROGRAMS: Record<string, { code: string; script?: true; notOn?: "quickjs" }> = {
  "timers run in order of their time, each followed by the jobs it queued": {
    code: `
      const log = (s) => console.log(s);
      // Set first and due last, far enough ahead that a busy machine cannot reorder Node's own
      // run (Node times each timer from when it is set, an interval's ticks from the last one);
      // the others are set in the order they are due, and the interval once nothing else waits.
      setTimeout(() => {
        log("timeout 400");
        Promise.resolve().then(() => log("job after 400"));
        let ticks = 0;
        const interval = setInterval(() => { log("interval " + ++ticks); if (ticks === 3) clearInterval(interval); }, 20);
      }, 400);
      setTimeout(() => { log("timeout 0 a"); queueMicrotask(() => log("microtask after 0 a")); }, 0);
      setTimeout((a, b) => log("timeout 0 b " + a + b), 0, "x", "y");
      const cancelled = setTimeout(() => log("cancelled"), 5);
      clearTimeout(cancelled);
      setTimeout(() => log("timeout 10"), 10);
      Promise.resolve().then(() => log("job first"));
      log("sync");
    `,
  },
  "queueMicrotask takes its turn among promise jobs": {
    code: `
      const log = (s) => console.log(s);
      queueMicrotask(() => log("microtask 1"));
      Promise.resolve().then(() => log("then 1")).then(() => log("then 2"));
      queueMicrotask(() => { log("microtask 2"); queueMicrotask(() => log("microtask 3")); });
    `,
  },
  "console.log shows the engine's promises as Node shows its own": {
    code: `
      const rejected = Promise.reject(2);
      rejected.catch(() => {});
      const adopted = new Promise((resolve) => resolve(Promise.resolve("inner")));
      console.log(Promise.resolve(1), new Promise(() => {}), rejected, [Promise.resolve({ a: [1] })]);
      setTimeout(() => console.log(adopted), 0);
    `,
  },
  "an exception in a job ends the program at once": {
    code: `
      queueMicrotask(() => { throw new TypeError("in a microtask"); });
      queueMicrotask(() => console.log("never runs"));
      setTimeout(() => console.log("timer never runs"), 0);
      console.log("sync");
    `,
  },
  "an exception in a timer ends the program at once": {
    code: `
      setTimeout(() => { Promise.resolve().then(() => console.log("job never runs")); throw new RangeError("in a timer"); }, 0);
      setTimeout(() => console.log("timer never runs"), 0);
      console.log("sync");
    `,
  },
  "a module's exception at its top level comes once the queued jobs have run": {
    code: `
      Promise.resolve().then(() => console.log("job still runs"));
      setTimeout(() => console.log("timer never runs"), 0);
      console.log("before");
      throw new Error("at the top");
    `,
  },
  "a script's exception at its top level comes at once": {
    script: true,
    code: `
      Promise.resolve().then(function () { console.log("job never runs"); });
      console.log("before");
      throw new Error("at the top");
    `,
  },
  "a script's top-level vars stay in its CommonJS function": {
    script: true,
    code: `
      var Promise = "a local";
      console.log(typeof this, this === module.exports, typeof require, typeof globalThis.Promise, Promise);
    `,
  },
  "a rejection still unhandled once the jobs have run ends the program": {
    notOn: "quickjs",
    code: `
      const late = Promise.reject(new Error("handled late"));
      Promise.resolve().then(() => Promise.resolve()).then(() => late.catch((e) => console.log("handled " + e.message)));
      Promise.reject(new RangeError("nobody listens"));
      Promise.resolve().then(() => console.log("jobs still run"));
      setTimeout(() => console.log("timer never runs"), 0);
    `,
  },
  "an unhandled rejection with a value that is not an error": {
    notOn: "quickjs",
    code: `
      setTimeout(() => Promise.reject("plain string"), 0);
    `,
  },
};

for (const engine of NEWER_ENGINES.filter((e) => e.name !== "node24")) {
  describe.concurrent(`the host on ${engine.title}`, () => {
    for (const [title, program] of Object.entries(HOST_PROGRAMS)) {
      if (program.notOn === engine.name) continue;
      it(
        title,
        async () => {
          const module = !program.script;
          const [expected, actual] = await Promise.all([
            runNodeAsync(program.code, { module }),
            engine.run(engine.buildPlain(program.code, { module }), { module, timeoutMs: TIMEOUT_MS }),
          ]);
          expect(actual).toEqual(expected);
        },
        TIMEOUT_MS,
      );
    }
  });
}

for (const engine of NEWER_ENGINES) {
  describe.concurrent(`fixtures on ${engine.title}`, () => {
    for (const fixture of fixtures) {
      const reason = exclusionReason(fixture.name, engine.name);
      if (reason) {
        it.skip(`${fixture.name} (excluded: ${reason})`, () => {});
        continue;
      }
      it(
        fixture.name,
        async () => {
          const code = engine.compileFixture(fixture);
          const module = isModule(fixture);
          const [expected, actual] = await Promise.all([nativeRun(fixture), engine.run(code, { module, timeoutMs: TIMEOUT_MS })]);
          expect(expected.stdout.length, "the fixture prints nothing natively").toBeGreaterThan(0);
          expect(actual).toEqual(expected);
        },
        TIMEOUT_MS,
      );
    }
  });
}
