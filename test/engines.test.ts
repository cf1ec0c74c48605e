// The host that Hermes and QuickJS run programs on (test/support/engines:
// host.js and each engine's part), against Node: its timers,
// queueMicrotask, console.log of the engine's own promises, and how a
// program ends (an uncaught exception, an unhandled rejection, an exception
// at a module's or a script's top level). Each program, built for the engine
// as a build for it would build it, must print there exactly what it prints
// on Node, end with the same status and report the same uncaught error.

import { describe, it, expect } from "vitest";
import { runNodeAsync } from "./support/run-node-async.js";
import { NEWER_ENGINES, TIMEOUT_MS } from "./support/engines/engines.js";

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
      setTimeout(() => { log("timeout 20"); Promise.resolve().then(() => log("job after 20")); }, 20);
      setTimeout(() => log("timeout 10"), 10);
      setTimeout(() => { log("timeout 0 a"); queueMicrotask(() => log("microtask after 0 a")); }, 0);
      setTimeout((a, b) => log("timeout 0 b " + a + b), 0, "x", "y");
      const cancelled = setTimeout(() => log("cancelled"), 5);
      clearTimeout(cancelled);
      let ticks = 0;
      const interval = setInterval(() => { log("interval " + ++ticks); if (ticks === 3) clearInterval(interval); }, 50);
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
