// The many small cases, one line each: where an `await` or `yield` may
// stand, and what each exit does. A fixture teaches how a construct is
// lowered; these only ask that it runs as natively. Every row becomes a
// function of one program, run once natively and once compiled (a process
// each), rows one after another with a macrotask between them, so one row's
// promise jobs never interleave with the next row's. Each row prints its
// lines under its own marker; each row is then compared on its own.

import { describe, it, expect } from "vitest";
import { transform } from "../src/index.js";
import { runNode } from "./support/run-node.js";
import { suspendingSyntax } from "./support/syntax.js";

type Row = readonly [what: string, source: string];

const EXPRESSION_POSITIONS: Row[] = [
  ["call arguments, in order", "async function f(a) { return [a, await 2, a + 1].join(); } f(1).then(log);"],
  ["callee and its arguments", "async function f() { return (await ((x) => x * 2))(await 3); } f().then(log);"],
  ["method call keeps its this", "const o = { v: 5, m() { return this.v; } }; async function f() { return o.m(await 0); } f().then(log);"],
  ["member object and computed key", "async function f() { const o = { a: 1 }; return (await o)[await 'a']; } f().then(log);"],
  ["template literal", "async function f(x) { return `a${await x}b${x}`; } f(1).then(log);"],
  ["tagged template", "const tag = (s, ...v) => s.raw.join('|') + v.join(); async function f() { return tag`x${await 1}y${2}`; } f().then(log);"],
  ["conditional branches only when taken", "async function f(c) { return c ? await 'yes' : log('no') || 'no'; } f(true).then(log); f(false).then(log);"],
  ["&& short-circuits an await", "async function f(c) { return c && (await log('ran'), 'r'); } f(0).then(log); f(1).then(log);"],
  ["?? keeps the left when defined", "async function f(x) { return x ?? await 'dflt'; } f(0).then(log); f(null).then(log);"],
  ["comma operator", "async function f() { return (log('a'), await 'b'); } f().then(log);"],
  ["unary operators", "async function f() { return [typeof await 1, -await 2, !await 0, void await 3]; } f().then(log);"],
  ["binary operands keep their order", "let n = 1; async function f() { return n + (n = await 10, n); } f().then(log);"],
  ["compound assignment reads the target first", "let n = 1; async function f() { n += await (n = 5); return n; } f().then(log);"],
  ["logical assignment", "const o = { a: 0 }; async function f() { o.a ||= await 7; o.a &&= await 8; return o.a; } f().then(log);"],
  ["array literal with spread", "async function f() { return [1, ...(await [2, 3]), await 4]; } f().then(log);"],
  ["object literal with spread and computed key", "async function f() { return JSON.stringify({ a: await 1, ...(await { b: 2 }), [await 'c']: 3 }); } f().then(log);"],
  ["new with awaited arguments", "class P { constructor(a, b) { this.s = a + b; } } async function f() { return new P(await 1, 2).s; } f().then(log);"],
  ["optional chain around an await", "async function f(o) { return (await o)?.a?.b; } f({ a: { b: 1 } }).then(log); f(null).then(log);"],
  ["delete of an awaited key", "const o = { k: 1 }; async function f() { return [delete o[await 'k'], 'k' in o]; } f().then(log);"],
  ["in and instanceof", "async function f() { return [(await 'a') in { a: 1 }, (await []) instanceof Array]; } f().then(log);"],
  ["exponent and update", "let i = 2; async function f() { return [(await 2) ** 3, i++, await i--, i]; } f().then(log);"],
  ["destructuring default runs only when undefined", "async function f(o) { const { a = await log('da') || 'a', b = await log('db') || 'b' } = o; return a + b; } f({ b: 'B' }).then(log);"],
  ["destructuring assignment target", "const o = {}; async function f() { [o.x, o[await 'y']] = [1, 2]; return JSON.stringify(o); } f().then(log);"],
  ["await of a thenable calls then once", "const t = { then(r) { log('then'); r(9); } }; async function f() { return await t; } f().then(log);"],
  ["await of a rejected promise throws there", "async function f() { try { await Promise.reject(new Error('no')); } catch (e) { return e.message; } } f().then(log);"],
];

const STATEMENTS_AND_EXITS: Row[] = [
  ["if with awaits in test and branches", "async function f(x) { if (await x) return await 'then'; else return 'else'; } f(1).then(log); f(0).then(log);"],
  ["while with an await in the test", "async function f() { let i = 0; while (await i < 3) i++; return i; } f().then(log);"],
  ["do-while runs once", "async function f() { let i = 5; do { await i; i++; } while (i < 3); return i; } f().then(log);"],
  ["for with closures per iteration", "async function f() { const fs = []; for (let i = 0; i < 3; i++) { await 0; fs.push(() => i); } return fs.map((g) => g()); } f().then(log);"],
  ["for-in over a changing object", "async function f() { const o = { a: 1, b: 2 }; const ks = []; for (const k in o) { await 0; ks.push(k); delete o.b; } return ks; } f().then(log);"],
  ["labeled continue out of a nested loop", "async function f() { const r = []; outer: for (const a of [1, 2]) { for (const b of [1, 2]) { await 0; if (b === 2) continue outer; r.push(a + ':' + b); } } return r; } f().then(log);"],
  ["switch with fall-through and await in a case", "async function f(x) { const r = []; switch (x) { case await 1: r.push(1); case 2: r.push(2); break; default: r.push('d'); } return r; } f(1).then(log);"],
  ["break out of a finally's loop", "async function f() { for (;;) { try { await 0; } finally { break; } } return 'out'; } f().then(log);"],
  ["return in finally overrides a throw", "async function f() { try { throw new Error('x'); } finally { return await 'finally'; } } f().then(log);"],
  ["throw in finally replaces a return", "async function f() { try { return 1; } finally { await 0; throw new Error('fin'); } } f().catch((e) => log(e.message));"],
  ["catch binding with destructuring", "async function f() { try { throw { code: await 7 }; } catch ({ code }) { return code; } } f().then(log);"],
  ["nested try with rethrow", "async function f() { try { try { await Promise.reject(1); } catch (e) { throw e + 1; } } catch (e) { return e; } } f().then(log);"],
  ["a block function declared after an await", "async function f() { await 0; { function g() { return 'g'; } return g(); } } f().then(log);"],
];

const GENERATORS: Row[] = [
  ["yield receives next's argument", "function* g() { const a = yield 1; log('got', a); } const it = g(); it.next(); it.next('A');"],
  ["return() runs finally", "function* g() { try { yield 1; } finally { log('cleanup'); } } const it = g(); it.next(); log(JSON.stringify(it.return(5)));"],
  ["throw() is caught inside", "function* g() { try { yield 1; } catch (e) { yield 'caught ' + e; } } const it = g(); it.next(); log(it.throw('E').value);"],
  ["yield* forwards return values", "function* inner() { yield 1; return 'r'; } function* g() { const r = yield* inner(); yield r; } log([...g()]);"],
  ["yield* closes the inner on return()", "function* inner() { try { yield 1; } finally { log('inner closed'); } } function* g() { yield* inner(); } const it = g(); it.next(); it.return();"],
  ["spread and destructuring of a generator", "function* g() { yield* [1, 2, 3]; } const [a, ...rest] = g(); log(a, rest);"],
  ["for-of break closes the generator", "function* g() { try { yield 1; yield 2; } finally { log('closed'); } } for (const x of g()) { log(x); break; }"],
  ["a generator running itself throws", "function* g() { it.next(); } const it = g(); try { it.next(); } catch (e) { log(e.constructor.name); }"],
];

const ASYNC_ITERATION: Row[] = [
  ["for await over an async generator", "async function* ag() { yield 1; await 0; yield 2; } async function f() { const r = []; for await (const x of ag()) r.push(x); return r; } f().then(log);"],
  ["for await over sync promises", "async function f() { const r = []; for await (const x of [Promise.resolve(1), 2]) r.push(x); return r; } f().then(log);"],
  ["for await break calls return", "const it = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }), return: async () => (log('return'), {}) }; } }; async function f() { for await (const x of it) break; } f();"],
  ["async generator queues next calls", "async function* ag() { yield 'a'; yield 'b'; } const it = ag(); it.next().then((r) => log(r.value)); it.next().then((r) => log(r.value)); it.next().then((r) => log(r.done));"],
  ["async generator return awaits its value", "async function* ag() { return Promise.resolve('done'); } ag().next().then((r) => log(r.value, r.done));"],
  ["yield* of an async iterable", "async function* inner() { yield 1; yield 2; } async function* ag() { yield* inner(); } async function f() { const r = []; for await (const x of ag()) r.push(x); return r; } f().then(log);"],
];

const TICKS: Row[] = [
  ["an await of a value takes one tick", "async function f() { log(1); await 0; log(3); } f(); Promise.resolve().then(() => log(2));"],
  ["an await of a native promise takes one tick", "async function f() { await Promise.resolve(); log('f'); } f(); Promise.resolve().then(() => log('a')).then(() => log('b'));"],
  ["returning a promise takes three ticks", "async function f() { return Promise.resolve('r'); } f().then(log); const p = Promise.resolve(); p.then(() => log(1)).then(() => log(2)).then(() => log(3)).then(() => log(4));"],
  ["two async functions interleave", "async function a() { log('a1'); await 0; log('a2'); await 0; log('a3'); } async function b() { log('b1'); await 0; log('b2'); } a(); b();"],
  ["an async arrow's this and arguments", "function outer() { const f = async () => { await 0; return [this.n, arguments[0]]; }; return f(); } outer.call({ n: 4 }, 'arg').then(log);"],
];

const TABLE: Array<[string, Row[]]> = [
  ["where an await may stand", EXPRESSION_POSITIONS],
  ["statements and their exits", STATEMENTS_AND_EXITS],
  ["generators", GENERATORS],
  ["async iteration", ASYNC_ITERATION],
  ["promise jobs, counted", TICKS],
];

const ROWS = TABLE.flatMap(([, rows]) => rows);
const MARKER = "#row ";

/** One script: each row a function, called one after the other, a macrotask apart. */
function programOf(rows: readonly Row[]): string {
  const functions = rows.map(([, source], i) => `function row${i}() {\n${source}\n}`);
  return `"use strict";
const log = (...values) => console.log(values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(" "));
process.on("unhandledRejection", (error) => console.log("unhandled", String(error)));
${functions.join("\n")}
const rows = [${rows.map((_, i) => `row${i}`).join(", ")}];
let next = 0;
(function run() {
  if (next === rows.length) return;
  console.log(${JSON.stringify(MARKER)} + next);
  try { rows[next++](); } catch (error) { console.log("threw", String(error)); }
  setTimeout(run, 0);
})();
`;
}

/** What each row printed, by row. */
function byRow(stdout: string): string[] {
  const lines = stdout.split("\n");
  const out: string[] = [];
  let current = -1;
  for (const line of lines) {
    if (line.startsWith(MARKER)) current = Number(line.slice(MARKER.length));
    else if (current >= 0) out[current] = (out[current] ?? "") + line + "\n";
  }
  return out;
}

const program = programOf(ROWS);
const compiled = transform(program, { sourceType: "script" }).code;
const nativeRun = runNode(program, { module: false });
const compiledRun = runNode(compiled, { module: false });
const nativeRows = byRow(nativeRun.stdout);
const compiledRows = byRow(compiledRun.stdout);

describe("one-line cases: the program", () => {
  it("runs to the end both ways, with nothing suspending left compiled", () => {
    expect(nativeRun.error).toBeNull();
    expect(compiledRun).toMatchObject({ status: 0, error: null });
    expect(suspendingSyntax(compiled, "script")).toEqual([]);
  });
});

let index = 0;
for (const [group, rows] of TABLE) {
  describe(`one-line cases: ${group}`, () => {
    for (const [what] of rows) {
      const i = index++;
      it(what, () => {
        expect(nativeRows[i], "the row prints nothing natively").toBeTruthy();
        expect(compiledRows[i]).toBe(nativeRows[i]);
      });
    }
  });
}
