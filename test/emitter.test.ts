// Unit tests of the intermediate form: the Emitter's states, labels, regions
// and try table, and the LeapStack's routes through cleanups, each checked
// on the code it emits (src/lower/states/emitter.ts has the table of operations).

import { describe, it, expect } from "vitest";
import * as t from "@babel/types";
import { Emitter } from "../src/lower/states/emitter.js";
import { LeapStack, lazyName, type Cleanup } from "../src/lower/states/leaps.js";
import { generate } from "../src/host/babel.js";

/** Each state as `n: code` (one line per statement), after finish(). */
function states(emitter: Emitter): string[] {
  return emitter.states.map((state) => `${state.id}: ${state.body.map((s) => generate(s).code.replace(/\s+/g, " ")).join(" ")}`.trim());
}

const call = (name: string) => t.expressionStatement(t.callExpression(t.identifier(name), []));

function cleanup(emitter: Emitter, slot: string, outer: Cleanup | null = null): Cleanup {
  return { kind: "finally", entry: emitter.label(), slot: lazyName(() => slot), returnEntry: null, outer, continuations: [] };
}

describe("Emitter", () => {
  it("numbers states in the order they are marked and fills in forward jumps", () => {
    const emitter = new Emitter("m");
    const later = emitter.label();
    emitter.emit(call("a"));
    emitter.jumpIf(t.identifier("skip"), later);
    emitter.emit(call("b"));
    emitter.jump(later);
    emitter.mark(emitter.label());
    emitter.emit(call("unreached"));
    emitter.mark(later);
    emitter.emit(call("c"));
    emitter.finish();
    expect(states(emitter)).toEqual(["0: a(); if (skip) { m.s = 2; continue; } b(); m.s = 2; continue;", "1: unreached();", "2: c();"]);
  });

  it("drops what is emitted after a terminating statement, and a jump to the very next state", () => {
    const emitter = new Emitter("m");
    const next = emitter.label();
    emitter.terminate(t.returnStatement(t.numericLiteral(1)), "return");
    emitter.emit(call("dead"));
    expect(emitter.terminated).toBe(true);
    emitter.mark(emitter.label());
    emitter.jump(next);
    emitter.mark(next);
    emitter.emit(call("after"));
    emitter.finish();
    expect(states(emitter)).toEqual(["0: return 1;", "1:", "2: after();"]);
    expect(emitter.states[1].exits.map((exit) => exit.kind)).toEqual(["next"]);
  });

  it("suspends with the resume state's number and gives back the value sent in", () => {
    const emitter = new Emitter("m");
    const value = emitter.suspend("await", t.identifier("p"));
    emitter.emit(t.expressionStatement(t.callExpression(t.identifier("use"), [value])));
    emitter.finish();
    expect(states(emitter)).toEqual(["0: return m.await(p, 1);", "1: use(m.v);"]);
    expect(emitter.states[1].kind).toBe("resume-await");
  });

  it("writes the try table innermost first, and sets m.s where control falls into another region", () => {
    const emitter = new Emitter("m");
    const outerCatch = emitter.label();
    const innerCatch = emitter.label();
    emitter.emit(call("before"));
    const outer = emitter.enterRegion(outerCatch, null);
    emitter.emit(call("outer"));
    const inner = emitter.enterRegion(innerCatch, null);
    emitter.emit(call("inner"));
    emitter.exitRegion(inner);
    emitter.emit(call("outerAgain"));
    emitter.exitRegion(outer);
    emitter.emit(call("after"));
    emitter.terminate(t.returnStatement(), "return");
    emitter.mark(innerCatch, "catch");
    emitter.terminate(t.throwStatement(emitter.machineField("v")), "throw");
    emitter.mark(outerCatch, "catch");
    emitter.terminate(t.throwStatement(emitter.machineField("v")), "throw");
    const table = emitter.finish();
    expect(states(emitter)).toEqual([
      "0: before(); m.s = 1;",
      "1: outer(); m.s = 2;",
      "2: inner(); m.s = 3;",
      "3: outerAgain(); m.s = 4;",
      "4: after(); return;",
      "5: throw m.v;",
      "6: throw m.v;",
    ]);
    expect(table).toEqual([2, 3, 5, 0, 1, 4, 6, 0]);
  });

  it("sets a region's return handler through the Emitter", () => {
    const emitter = new Emitter("m");
    const onThrow = emitter.label();
    const onReturn = emitter.label();
    const region = emitter.enterRegion(onThrow, null);
    emitter.emit(call("body"));
    emitter.exitRegion(region);
    emitter.terminate(t.returnStatement(), "return");
    emitter.setReturnHandler(region, onReturn);
    emitter.mark(onThrow, "catch");
    emitter.terminate(t.throwStatement(emitter.machineField("v")), "throw");
    emitter.mark(onReturn, "finally");
    emitter.terminate(t.returnStatement(emitter.machineField("rv")), "return");
    expect(emitter.finish()).toEqual([0, 1, 2, 3]);
  });
});

describe("LeapStack", () => {
  it("routes a break through two cleanups: each slot names the next stop, the innermost cleanup first", () => {
    const emitter = new Emitter("m");
    const leaps = new LeapStack(emitter);
    const breakTo = emitter.label();
    const outer = cleanup(emitter, "_finally1");
    const inner = cleanup(emitter, "_finally2", outer);
    const route = leaps.withLoop([], breakTo, emitter.label(), () =>
      leaps.withCleanup(outer, () => leaps.withCleanup(inner, () => leaps.jumpStatements("break", null, null))),
    );
    // (A label marked on a state with no code yet names that state: each gets some.)
    for (const label of [inner.entry, outer.entry, breakTo]) {
      emitter.mark(label);
      emitter.emit(call("code"));
    }
    expect(route!.first).toBe(inner.entry);
    expect(route!.statements.map((s) => generate(s).code)).toEqual(["_finally2 = 1;", "_finally1 = 2;", "m.s = 0;", "continue;"]);
    expect(inner.continuations).toEqual([outer.entry]);
    expect(outer.continuations).toEqual([breakTo]);
  });

  it("leaves a jump to a target it does not hold as it is (a native loop's)", () => {
    const emitter = new Emitter("m");
    const leaps = new LeapStack(emitter);
    expect(leaps.jumpStatements("continue", null, null)).toBeNull();
    expect(leaps.withBreakable(["block"], emitter.label(), false, () => leaps.jumpStatements("continue", "block", null))).toBeNull();
  });

  it("keeps a for-of's own iterator open on its continue, and closes it on break", () => {
    const emitter = new Emitter("m");
    const leaps = new LeapStack(emitter);
    const iterator = cleanup(emitter, "_next");
    const [onContinue, onBreak] = leaps.withLoop(
      [],
      emitter.label(),
      emitter.label(),
      () => leaps.withCleanup(iterator, () => [leaps.jumpStatements("continue", null, null), leaps.jumpStatements("break", null, null)]),
      iterator,
    );
    expect(onContinue!.throughCleanup).toBe(false);
    expect(onBreak!.throughCleanup).toBe(true);
    expect(onBreak!.first).toBe(iterator.entry);
  });

  it("returns through cleanups: the value in m.rv, the chain of return entries ending at the exit", () => {
    const emitter = new Emitter("m");
    const leaps = new LeapStack(emitter);
    const outer = cleanup(emitter, "_finally1");
    const inner = cleanup(emitter, "_finally2", outer);
    const statements = leaps.withCleanup(outer, () => leaps.withCleanup(inner, () => leaps.returnStatements(t.identifier("x"), "loop")));
    emitter.terminate(t.blockStatement(statements), "return");
    for (const c of [inner, outer]) {
      emitter.mark(c.entry, "finally");
      leaps.emitCleanupEnd(c);
      leaps.emitReturnEntry(c);
    }
    emitter.mark(leaps.exit(), "exit");
    emitter.terminate(t.returnStatement(emitter.machineField("rv")), "return");
    emitter.finish();
    expect(states(emitter)).toEqual([
      "0: { m.rv = x; m.s = 2; continue loop; }",
      "1: m.s = _finally2; continue;",
      "2: _finally2 = 4; m.s = 1; continue;",
      "3: m.s = _finally1; continue;",
      "4: _finally1 = 5; m.s = 3; continue;",
      "5: return m.rv;",
    ]);
  });
});
