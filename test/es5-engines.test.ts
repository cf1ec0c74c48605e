// Compiled output on real ES5 engines. Every fixture is compiled the way a
// build for an old engine would compile it — one Babel 7 pass with awaitless
// (runtime inlined) and @babel/preset-env for an ES5 target, preset-env's own
// async and generator transforms excluded — and run on Duktape 2.7 and mujs,
// after a host of our own (test/support/es5: a spec-ordered Promise, the
// microtask loop, timers and a Node-like console.log), as Node would run the
// file (a script as a CommonJS module). It must print exactly what the input
// prints on Node, end with the same status and report the same uncaught
// error. Fixtures that cannot run alike for a reason outside awaitless are
// skipped, naming the reason; the reasons, with a repro of each, are in
// test/support/engines/limitations.ts (test/engine-limitations.test.ts
// checks the repros still differ). Node 24, Hermes and QuickJS run the
// fixtures in test/engines.test.ts.
//
// Before the fixtures: the host itself, against Node (its Promise orders jobs
// as native promises do, its console.log formats values as Node's does), and
// programs for the runtime's generator, async generator and for-await drivers,
// which the fixtures do not reach.

import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { inspect, format } from "node:util";
import vm from "node:vm";
import { loadFixtures, runnable, type Fixture } from "./support/fixtures.js";
import { transform } from "../src/index.js";
import { ENGINES, ENGINE_TIMEOUT_MS, HOST_FILES, compileForEs5, runInEngine, runNodeAsync } from "./support/es5/engines.js";
import { exclusionReason } from "./support/engines/limitations.js";
import type { RunResult } from "./support/run-node.js";
import { syntaxAfterEs5 } from "./support/syntax.js";

// With the fixtures only Node 24 runs natively (`using`): their recorded native output is the expectation.
const fixtures = loadFixtures({ withNewerEngines: true }).filter((f) => f.options.exec !== false);

function isModule(fixture: Fixture): boolean {
  return fixture.options.module !== false;
}

// Each fixture is compiled once and run natively once, whichever engine asks first.
const compiled = new Map<string, string>();
const native = new Map<string, Promise<RunResult>>();

function compiledFor(fixture: Fixture): string {
  let code = compiled.get(fixture.name);
  if (code === undefined) {
    // A TypeScript fixture goes in with its types stripped (the engines' concern is the lowering, not the parser).
    code = compileForEs5(runnable(fixture, fixture.input), { filename: fixture.inputFile.replace(/\.([mc]?)tsx?$/, ".$1js"), module: isModule(fixture) });
    compiled.set(fixture.name, code);
  }
  return code;
}

function nativeRun(fixture: Fixture): Promise<RunResult> {
  if (fixture.options.nativeEngine) return Promise.resolve(fixture.recordedNative!);
  let run = native.get(fixture.name);
  if (!run) {
    run = runNodeAsync(runnable(fixture, fixture.input), { module: isModule(fixture) });
    native.set(fixture.name, run);
  }
  return run;
}

// ---- the host -------------------------------------------------------------------

/** Programs whose output depends on the order of promise jobs, timers and rejections. */
const HOST_PROGRAMS: Record<string, string> = {
  "reactions run in FIFO order; then on a settled promise queues its job at once": `
    const log = [];
    const a = Promise.resolve("a");
    let resolveB;
    const b = new Promise((r) => (resolveB = r));
    b.then((v) => log.push("b1 " + v));
    a.then((v) => log.push("a1 " + v)).then(() => log.push("a2"));
    resolveB("b");
    b.then((v) => log.push("b2 " + v));
    a.then((v) => log.push("a3 " + v));
    queueMicrotask(() => log.push("microtask"));
    Promise.resolve().then(() => Promise.resolve().then(() => log.push("nested")));
    setTimeout(() => console.log(log.join(", ")), 0);
  `,
  "resolving with a promise or a thenable takes the thenable job's ticks": `
    const log = (s) => console.log(s);
    new Promise((r) => r(Promise.resolve("promise"))).then(log);
    new Promise((r) => r({ then(f) { log("then called"); f("thenable"); } })).then(log);
    Promise.resolve().then(() => Promise.resolve("returned promise")).then(log);
    Promise.resolve().then(() => log("tick 1")).then(() => log("tick 2")).then(() => log("tick 3")).then(() => log("tick 4"));
  `,
  "errors: a throwing handler, a throwing then getter, resolving with itself": `
    const log = (s) => console.log(s);
    Promise.resolve().then(() => { throw new TypeError("from handler"); }).catch((e) => log("caught " + e.message));
    const bad = {};
    Object.defineProperty(bad, "then", { get() { throw new RangeError("from getter"); } });
    Promise.resolve(bad).catch((e) => log("caught " + e.message));
    let self;
    self = new Promise((r) => Promise.resolve().then(() => r(self)));
    self.catch((e) => log("self resolution: " + e.constructor.prototype.name + " " + (e instanceof TypeError)));
    new Promise(() => { throw new Error("executor"); }).then(null, (e) => log("caught " + e.message));
  `,
  "finally, all, allSettled and race": `
    const log = (s) => console.log(s);
    Promise.resolve(1).finally(() => log("finally 1")).then((v) => log("after finally " + v));
    Promise.reject(new Error("r")).finally(() => log("finally 2")).catch((e) => log("after finally " + e.message));
    Promise.all([1, Promise.resolve(2), { then(f) { f(3); } }]).then((v) => log("all " + v.join()));
    Promise.all([]).then((v) => log("all empty " + v.length));
    Promise.all([Promise.reject(new Error("first")), Promise.reject(new Error("second"))]).catch((e) => log("all rejects " + e.message));
    Promise.allSettled([1, Promise.reject(new Error("x"))]).then((r) => log("allSettled " + r.map((e) => e.status).join()));
    Promise.race([new Promise(() => {}), Promise.resolve("fast")]).then((v) => log("race " + v));
    Promise.resolve().then(() => log("tick 1")).then(() => log("tick 2")).then(() => log("tick 3")).then(() => log("tick 4"));
  `,
  "timers run in order of their time, each followed by the microtasks it queued": `
    const log = (s) => console.log(s);
    // Set first and due last, far enough ahead that a busy machine cannot reorder Node's own run:
    // Node times each timer from when it is set, so a pause of 10 ms between a 20 ms and a 10 ms
    // timer set one after the other runs the 20 ms one first there.
    setTimeout(() => { log("timeout 400"); Promise.resolve().then(() => log("microtask after 400")); }, 400);
    setTimeout(() => { log("timeout 0 a"); Promise.resolve().then(() => log("microtask after 0 a")); }, 0);
    setTimeout(() => log("timeout 0 b"), 0);
    const cancelled = setTimeout(() => log("cancelled"), 5);
    clearTimeout(cancelled);
    setTimeout(() => log("timeout 10"), 10);
    Promise.resolve().then(() => log("microtask first"));
    log("sync");
  `,
  "a rejection handled in the same turn is no error": `
    const p = Promise.reject(new Error("late"));
    Promise.resolve().then(() => Promise.resolve()).then(() => p.catch((e) => console.log("handled " + e.message)));
    console.log("end of script");
  `,
  "an unhandled rejection ends the program after the queue drains": `
    Promise.reject(new RangeError("nobody listens"));
    Promise.resolve().then(() => console.log("microtask still runs"));
    setTimeout(() => console.log("timer never runs"), 0);
  `,
  "an unhandled rejection with a value that is not an error": `
    Promise.reject("plain string");
  `,
  "an exception in a microtask is uncaught": `
    queueMicrotask(() => { throw new TypeError("in a microtask"); });
    queueMicrotask(() => console.log("never runs"));
    console.log("sync");
  `,
};

/**
 * The runtime's generator, async generator and for-await drivers on the
 * engines (the fixtures exercise async functions). Plain ES5 apart from what
 * awaitless and preset-env compile: no Symbol, Map or Object.entries, and no
 * JSON of objects with several keys (mujs orders keys by name).
 */
const RUNTIME_PROGRAMS: Record<string, string> = {
  "generators: next, return, throw, finally, yield*, for-of": `
    const show = (r) => r.value + "/" + r.done;
    function* counter(limit) {
      try {
        for (let i = 0; i < limit; i++) {
          const sent = yield i;
          if (sent) console.log("sent", sent);
        }
        return "done";
      } finally {
        console.log("counter finally");
      }
    }
    const it = counter(3);
    console.log(show(it.next()), show(it.next("a")), show(it.next()), show(it.next()), show(it.next()));
    const early = counter(5);
    early.next();
    console.log(show(early.return("early")), show(early.next()));
    const thrown = counter(5);
    thrown.next();
    try { thrown.throw(new Error("boom")); } catch (e) { console.log("rethrown", e.message); }
    function* delegating() {
      const inner = yield* counter(2);
      yield "inner returned " + inner;
    }
    const out = [];
    for (const v of delegating()) out.push(v);
    console.log(out.join(" | "));
    function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
    const f = [];
    for (const v of fib()) { if (v > 50) break; f.push(v); }
    console.log(f.join(","));
    const g = counter(1);
    console.log(Object.getPrototypeOf(g) === counter.prototype, g instanceof counter);
    function* deep(n) { for (let i = 0; i < n; i++) yield i; }
    let sum = 0;
    for (const v of deep(100000)) sum += v;
    console.log("sum", sum);
  `,
  "async generators and for await": `
    const log = (s) => console.log(s);
    const show = (r) => r.value + "/" + r.done;
    async function* ticker(n) {
      try {
        for (let i = 0; i < n; i++) {
          await null;
          yield i;
        }
      } finally {
        log("ticker finally");
      }
    }
    async function main() {
      for await (const v of ticker(3)) log("got " + v);
      const it = ticker(5);
      log(show(await it.next()));
      log(show(await it.return("stop")));
      log(show(await it.next()));
      const queued = ticker(2);
      const results = await Promise.all([queued.next(), queued.next(), queued.next()]);
      log(results.map(show).join(" "));
      for await (const v of [Promise.resolve("a"), "b"]) log("array item " + v);
      try {
        for await (const v of ticker(3)) { if (v === 1) throw new Error("leave"); log("before leaving " + v); }
      } catch (e) { log("caught " + e.message); }
      let total = 0;
      for await (const v of ticker(20000)) total += v;
      log("total " + total);
    }
    main();
    Promise.resolve().then(() => log("tick 1")).then(() => log("tick 2")).then(() => log("tick 3"));
  `,
};

for (const engine of ENGINES) {
  describe.concurrent(`the runtime's drivers on ${engine}`, () => {
    it.each(Object.entries(RUNTIME_PROGRAMS))("%s", async (_title, program) => {
      const [expected, actual] = await Promise.all([
        runNodeAsync(program, { module: true }),
        runInEngine(engine, compileForEs5(program, { filename: "program.js", module: true }), { module: true }),
      ]);
      expect(actual).toEqual(expected);
    });
  });
}

/**
 * `using` and `await using` on engines that have neither, nor Symbol.dispose:
 * the runtime's disposal with its fallback keys, written as code for such
 * engines writes them. Node 20 cannot run the source natively either, so the
 * expectation is the same program compiled without Babel, run on Node 20 (the
 * compiled programs' equality with native Node 24 is what the erm test262
 * suite and the using fixtures check).
 */
const DISPOSAL_PROGRAM = `
  var dispose = typeof Symbol === "function" ? Symbol.dispose || Symbol.for("Symbol.dispose") : "@@dispose";
  var asyncDispose = typeof Symbol === "function" ? Symbol.asyncDispose || Symbol.for("Symbol.asyncDispose") : "@@asyncDispose";
  function res(name, fail) {
    var o = { name: name };
    o[dispose] = function () { console.log("dispose", name); if (fail) throw new Error("dispose " + name); };
    return o;
  }
  function asyncRes(name) {
    var o = { name: name };
    o[asyncDispose] = function () { console.log("async dispose", name); return Promise.resolve(); };
    return o;
  }
  function plain() { using a = res("a"), b = res("b"); console.log("body"); return "returned"; }
  console.log(plain());
  function failing() { using a = res("a", true); using b = res("b", true); throw new Error("body"); }
  try { failing(); } catch (e) { console.log(e.name, e.message, e.error.message, e.suppressed.name, e.suppressed.error.message, e.suppressed.suppressed.message); }
  try { (function () { using x = {}; })(); } catch (e) { console.log("caught", e.name); }
  async function scope() { await using x = asyncRes("x"); await using nothing = null; using y = res("y"); console.log("scope body"); }
  scope().then(function () { console.log("scope done"); });
  Promise.resolve().then(function () { console.log("tick 1"); }).then(function () { console.log("tick 2"); }).then(function () { console.log("tick 3"); });
`;

for (const engine of ENGINES) {
  describe.concurrent(`using and await using on ${engine}`, () => {
    it("disposes as the compiled program does on Node", async () => {
      const [expected, actual] = await Promise.all([
        runNodeAsync(transform(DISPOSAL_PROGRAM, { filename: "program.js" }).code, { module: true }),
        runInEngine(engine, compileForEs5(DISPOSAL_PROGRAM, { filename: "program.js", module: true }), { module: true }),
      ]);
      expect(expected.stdout).toContain("scope done");
      expect(actual).toEqual(expected);
    });
  });
}

for (const engine of ENGINES) {
  describe.concurrent(`the ES5 host on ${engine}`, () => {
    it.each(Object.entries(HOST_PROGRAMS))("%s", async (_title, program) => {
      const [expected, actual] = await Promise.all([
        runNodeAsync(program, { module: true }),
        runInEngine(engine, compileForEs5(program, { filename: "program.js", module: true }), { module: true }),
      ]);
      expect(actual).toEqual(expected);
    });
  });
}

/** Values console.log is given, as ES5 expressions: each is formatted by the host's console and by Node. */
const VALUES = [
  `[1, "two", null, undefined, true, -0, NaN, 1e21, 0.1 + 0.2]`,
  `["it's", 'say "hi"', "both ' and \\"", "tab\\tnew\\nline\\u0001", "\\ud83d\\ude00", "lone \\ud800"]`,
  `{ a: 1, "b-c": 2, "3d": 3, _e: [1, 2, 3], nested: { deeper: { deepest: { gone: 1 } } } }`,
  `[[1, [2, [3, [4]]]], {}, [], [[]], { a: {} }]`,
  `(function () { var a = [1, , 3]; a[6] = 7; a.extra = "x"; return a; })()`,
  `(function () { var a = []; for (var i = 0; i < 30; i++) a.push(i * 37 % 101); return a; })()`,
  `(function () { var a = []; for (var i = 0; i < 8; i++) a.push("item " + i); return a; })()`,
  `(function () { var a = []; for (var i = 0; i < 120; i++) a.push(i); return a; })()`,
  `{ first: "a fairly long string value", second: "another fairly long string", third: 3 }`,
  `{ text: "a string long enough to be split over several lines,\\nwith a line break in the middle of it,\\nand another" }`,
  `(function () { function Point(x, y) { this.x = x; this.y = y; } return [new Point(1, 2), new Point(3, { z: 4 })]; })()`,
  `(function () { var o = Object.create(null); o.key = "value"; return [o, Object.create(null)]; })()`,
  `(function () { function Empty() {} return [new Empty(), Object.create({ inherited: 1 })]; })()`,
  `[function named() {}, function () {}, Math.max, Object.defineProperty(function withProps() {}, "p", { value: 1, enumerable: true })]`,
  `[new Date(0), new Date(NaN), /ab+c/gi, new Number(3), new String("str"), new Boolean(false), new Number(-0)]`,
  `(function () { return arguments; })(1, "a", [2])`,
  `(function () { return arguments; })()`,
  `(function () { var o = { plain: 1 }; Object.defineProperty(o, "g", { get: function () { return 1; }, enumerable: true }); Object.defineProperty(o, "gs", { get: function () { return 1; }, set: function () {}, enumerable: true }); Object.defineProperty(o, "s", { set: function () {}, enumerable: true }); Object.defineProperty(o, "hidden", { value: 1 }); return o; })()`,
  `(function () { var a = { name: "a" }; var b = { name: "b", a: a }; a.b = b; a.self = a; return [a, b]; })()`,
  `{ "__proto__ key": 1, "with space": 2, ok_key: 3, $dollar: 4, "ünï": 5, "": 6 }`,
  `{ list: [{ a: 1, b: 2 }, { a: 3, b: 4 }], map: { x: { y: { z: 1 } } }, fn: function f() {} }`,
  `{ k1: "aaaaaaaaaaaaaaaaaaaa", k2: "bbbbbbbbbbbbbbbbbbbb", k3: "cccccccccccccccccccc", k4: "dddddddddddddddddddd" }`,
];

/** util.format calls (console.log with several arguments), as ES5 argument lists. */
const FORMAT_CALLS = [
  `"plain", "strings", "joined"`,
  `"%s is %d years and %i days, %f%%", "Bob", "42", 7.9, "1.5"`,
  `"%j and %O", { a: [1] }, { c: ["d"] }`,
  `"%s", { a: 1 }, "extra", 3`,
  `"%c styled %s", "color: red", "text"`,
  `"no placeholders", 1, { a: 1 }, [2]`,
  `"%x unknown %", 1`,
  `1, "two", [3]`,
  `"%s", -0, "%d", -0`,
];

describe("the ES5 host's console formats values as Node does", () => {
  const context = vm.createContext({ print: () => {} });
  for (const file of HOST_FILES) vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  const host = vm.runInContext("__host", context) as { format(args: unknown[]): string; inspect(value: unknown): string };

  it.each(VALUES)("%s", (expression) => {
    const value = vm.runInContext(`(${expression})`, context);
    expect(host.inspect(value)).toBe(inspect(value));
  });

  it("shows the host's promises as Node shows its own", () => {
    const promises = vm.runInContext(
      `(function () {
        var rejected = Promise.reject("no");
        rejected.then(null, function () {});
        return [Promise.resolve(1), new Promise(function () {}), Promise.resolve({ a: [1] }), rejected];
      })()`,
      context,
    ) as unknown[];
    const rejected = Promise.reject("no");
    rejected.catch(() => {});
    expect(host.inspect(promises)).toBe(inspect([Promise.resolve(1), new Promise(() => {}), Promise.resolve({ a: [1] }), rejected]));
  });

  it.each(FORMAT_CALLS)("console.log(%s)", (args) => {
    const values = vm.runInContext(`[${args}]`, context) as unknown[];
    expect(host.format(values)).toBe(format(...values));
  });
});

// ---- the fixtures -----------------------------------------------------------------

for (const engine of ENGINES) {
  describe.concurrent(`fixtures on ${engine}`, () => {
    for (const fixture of fixtures) {
      const reason = exclusionReason(fixture.name, engine);
      if (reason) {
        it.skip(`${fixture.name} (excluded: ${reason})`, () => {});
        continue;
      }
      it(fixture.name, async () => {
        const code = compiledFor(fixture);
        expect(syntaxAfterEs5(code), "the code given to the engine is ES5").toEqual([]);
        const [expected, actual] = await Promise.all([nativeRun(fixture), runInEngine(engine, code, { module: isModule(fixture) })]);
        expect(expected.stdout.length, "the fixture prints nothing natively").toBeGreaterThan(0);
        expect(actual).toEqual(expected);
      }, ENGINE_TIMEOUT_MS);
    }
  });
}
