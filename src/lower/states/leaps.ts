// Where `break`, `continue` and `return` go once their statements have been
// exploded into states.
//
// The leap stack mirrors the statements enclosing the code being lowered:
// loops, switches and labelled blocks (jump targets), and cleanups — `finally`
// blocks and open iterators, which must run on the way out. A jump that
// crosses cleanups is compiled into a chain: each cleanup has a slot variable
// naming the state to go to when it is done, so the jump stores the rest of
// its route in the slots and enters the innermost cleanup:
//
//     _finally1 = 7 /* the outer finally */; _finally2 = 12 /* the target */;
//     _m.s = 4 /* the inner finally */; continue;
//
// A `return` through cleanups stores its value in `m.rv` and enters the chain
// of return entries (one per cleanup, each pointing at the next outward,
// the last at the function's exit state). Generators' `return()` uses the same
// entries from the runtime, through the try table.

import * as t from "@babel/types";
import type { Emitter, Label } from "./emitter.js";

export interface Cleanup {
  kind: "finally" | "iterator";
  /** First state of the cleanup code. */
  entry: Label;
  /** Variable holding the state to continue at after the cleanup (declared on first use). */
  slot: () => string;
  /** Entry that starts a return through this cleanup and the ones outside it. */
  returnEntry: Label | null;
  /** The next cleanup outward, if any. */
  outer: Cleanup | null;
  /** Every state stored in the slot somewhere: where the cleanup's final dispatch may go. */
  continuations: Label[];
}

type Leap =
  // `ownCleanup`: a `for…of` loop's iterator, which its own `continue` keeps open.
  | { type: "loop"; labels: string[]; breakTo: Label; continueTo: Label; ownCleanup?: Cleanup }
  | { type: "breakable"; labels: string[]; breakTo: Label; isSwitch: boolean }
  | { type: "cleanup"; cleanup: Cleanup };

/** A name made on first use and the same afterwards. */
export function lazyName(make: () => string): () => string {
  let name: string | null = null;
  return () => (name ??= make());
}

export class LeapStack {
  private readonly stack: Leap[] = [];
  /** The function's exit state for returns that went through cleanups. */
  private exitLabel: Label | null = null;

  constructor(private readonly emitter: Emitter) {}

  withLoop<T>(labels: string[], breakTo: Label, continueTo: Label, body: () => T, ownCleanup?: Cleanup): T {
    return this.with({ type: "loop", labels, breakTo, continueTo, ownCleanup }, body);
  }

  withBreakable<T>(labels: string[], breakTo: Label, isSwitch: boolean, body: () => T): T {
    return this.with({ type: "breakable", labels, breakTo, isSwitch }, body);
  }

  withCleanup<T>(cleanup: Cleanup, body: () => T): T {
    return this.with({ type: "cleanup", cleanup }, body);
  }

  private with<T>(leap: Leap, body: () => T): T {
    this.stack.push(leap);
    try {
      return body();
    } finally {
      this.stack.pop();
    }
  }

  /** True while any jump target or cleanup is in scope, i.e. native jumps may need rewriting. */
  hasTargets(): boolean {
    return this.stack.length > 0;
  }

  /** The innermost cleanup in scope (the `outer` of a new one). */
  innermostCleanup(): Cleanup | null {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const leap = this.stack[i];
      if (leap.type === "cleanup") return leap.cleanup;
    }
    return null;
  }

  /**
   * Statements performing `break label?` / `continue label?` from the current
   * position, and the state they go to first (a cleanup's, if one is on the
   * way), or null when the target is not on the stack (it is native).
   */
  jumpStatements(
    kind: "break" | "continue",
    label: string | null,
    labeledContinue: string | null,
  ): { statements: t.Statement[]; first: Label; throughCleanup: boolean } | null {
    const crossed: Cleanup[] = [];
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const leap = this.stack[i];
      if (leap.type === "cleanup") {
        crossed.push(leap.cleanup);
        continue;
      }
      const matches = label
        ? leap.labels.includes(label)
        : kind === "continue"
          ? leap.type === "loop"
          : leap.type === "loop" || leap.isSwitch;
      if (!matches) continue;
      if (kind === "continue" && leap.type !== "loop") return null;
      if (kind === "break") return this.route(crossed, leap.breakTo, labeledContinue);
      const loop = leap as Extract<Leap, { type: "loop" }>;
      const route = loop.ownCleanup && crossed[crossed.length - 1] === loop.ownCleanup ? crossed.slice(0, -1) : crossed;
      return this.route(route, loop.continueTo, labeledContinue);
    }
    return null;
  }

  /** True when a `return` here has cleanups to run first. */
  returnNeedsCleanup(): boolean {
    return this.innermostCleanup() !== null;
  }

  /** Statements for `return value` through the pending cleanups (they go to `returnEntry(innermostCleanup())`). */
  returnStatements(value: t.Expression | null, labeledContinue: string | null): t.Statement[] {
    const cleanup = this.innermostCleanup();
    if (!cleanup) throw new Error("awaitless internal error: return without cleanup");
    const statements: t.Statement[] = [
      t.expressionStatement(
        t.assignmentExpression("=", this.emitter.machineField("rv"), value ?? t.unaryExpression("void", t.numericLiteral(0))),
      ),
    ];
    statements.push(...this.goTo(this.returnEntry(cleanup), labeledContinue));
    return statements;
  }

  /** The return entry of `cleanup`, created on first use. */
  returnEntry(cleanup: Cleanup): Label {
    if (!cleanup.returnEntry) cleanup.returnEntry = this.emitter.label();
    return cleanup.returnEntry;
  }

  /** Where a return entry continues after its cleanup: the next entry outward, or the exit. */
  returnContinuation(cleanup: Cleanup): Label {
    return cleanup.outer ? this.returnEntry(cleanup.outer) : this.exit();
  }

  /** The state that finishes a return whose value is in `m.rv`. */
  exit(): Label {
    if (!this.exitLabel) this.exitLabel = this.emitter.label();
    return this.exitLabel;
  }

  get exitUsed(): Label | null {
    return this.exitLabel;
  }

  private route(crossed: Cleanup[], target: Label, labeledContinue: string | null) {
    if (crossed.length === 0) return { statements: this.goTo(target, labeledContinue), first: target, throughCleanup: false };
    const statements: t.Statement[] = [];
    for (let i = 0; i < crossed.length; i++) {
      const next = i + 1 < crossed.length ? crossed[i + 1].entry : target;
      statements.push(this.assignSlot(crossed[i], next));
    }
    statements.push(...this.goTo(crossed[0].entry, labeledContinue));
    return { statements, first: crossed[0].entry, throughCleanup: true };
  }

  /** `slot = target;` — and `target` becomes one of the cleanup's possible continuations. */
  assignSlot(cleanup: Cleanup, target: Label): t.Statement {
    if (!cleanup.continuations.includes(target)) cleanup.continuations.push(target);
    return t.expressionStatement(t.assignmentExpression("=", t.identifier(cleanup.slot()), this.emitter.ref(target)));
  }

  private goTo(target: Label, labeledContinue: string | null): t.Statement[] {
    return this.emitter.jumpCode(target, labeledContinue);
  }

  /** The end of a cleanup's code: on to the state its slot holds. */
  emitCleanupEnd(cleanup: Cleanup): void {
    this.emitter.jumpThroughSlot(cleanup.slot(), cleanup.continuations);
  }

  /**
   * The return entry of `cleanup`, when a return goes through it: the slot
   * gets the next entry outward (or the exit), then the cleanup runs.
   */
  emitReturnEntry(cleanup: Cleanup): void {
    if (!cleanup.returnEntry) return;
    this.emitter.mark(cleanup.returnEntry, "finally");
    this.emitter.emit(this.assignSlot(cleanup, this.returnContinuation(cleanup)));
    this.emitter.jump(cleanup.entry, "finally");
  }
}
