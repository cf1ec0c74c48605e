// Builds the numbered states of one function: the compiler's intermediate form.
//
// There is no separate instruction list. Lowering walks the body in source
// order and emits JavaScript statements straight into the current state
// through the operations below (this file's, and LeapStack's in leaps.ts for
// jumps that cross `finally` blocks and open iterators); `step-function.ts`
// then puts the states in one `switch (m.s)` inside a dispatch loop. `m` is
// the machine the runtime passes to the step function (src/runtime/machine.ts),
// `n` a state's number, `L` a label: a state named before it exists, its
// number filled in by `finish()` (jumps may go forward).
//
//   operation                       code it emits                         what the runtime does with it
//   ------------------------------  ------------------------------------  --------------------------------------------
//   label(), mark(L)                (starts state n: `case n:`)           the driver re-enters the step at m.s
//   emit(s)                         s (dropped after a terminating one)   -
//   jump(L)                         m.s = n; continue;                    - (the step's own dispatch loop)
//   jumpIf(test, L)                 if (test) { m.s = n; continue; }      -
//   jumpCode(L, label?)             the same, for the caller to place     -
//   jumpThroughSlot(slot, [L…])     m.s = slot; continue;                 - (the end of a finally or iterator close)
//   terminate(return / throw)       return v;  throw e;                   return: the completion (resolve, or done)
//   suspend("await", v)             return m.await(v, n); case n: … m.v   awaits v; resumes at n with the result in
//                                                                         m.v, or throws the reason in at n
//   suspend("yield", v)             return m.yield(v, n); case n: … m.v   yields v; next(x): m.v = x at n; throw(e):
//                                                                         the handler of n; return(r): its onReturn
//   suspend("yieldObject", v)       return m.yieldObject(v, n); …         as yield, in an async generator, for an
//                                                                         operand made there (no PromiseResolve)
//   suspend("delegate", it)         return m.delegate(it, n); … m.v       yield*: runs the delegation, resumes at n
//                                                                         with its result in m.v
//   enterRegion(onThrow, onReturn)  (states start … end-1 that follow,    try table quad [start, end, onThrow,
//     … exitRegion(R)                until exitRegion)                    onReturn]: an exception in a state of the
//                                                                         range goes to onThrow with it in m.v
//   setReturnHandler(R, L)          -                                     the quad's onReturn: a generator's return()
//                                                                         enters there with the value in m.rv
//   recordExit, endWithJump,        - (the model's exits: inspect, the    -
//     endAfterRecordedJump            playground's graph)
//   LeapStack.jumpStatements        slot = n; … m.s = first; continue;    - (break/continue through cleanups)
//   LeapStack.returnStatements(v)   m.rv = v; m.s = entry; continue;      - (return through cleanups)
//   LeapStack.emitCleanupEnd(C)     m.s = C's slot; continue;             -
//   LeapStack.emitReturnEntry(C)    case e: slot = next; m.s = C; cont…   - (the chain a return runs outward)
//   LeapStack.exit()                case x: return m.rv;                  the completion of a return through cleanups
//
// Regions nest, and the states of one region are contiguous because
// everything emitted between `enterRegion` and `exitRegion` belongs to it. At
// run time the driver finds the handler from `m.s`, so whenever control falls
// from one state into the next and the two lie in different regions,
// `finish()` adds an explicit `m.s = next` first. The Emitter's state
// changes only through its own methods.

import * as t from "@babel/types";
import type { StateKind, ExitKind } from "../../pipeline/model.js";
import { NO_SOURCE, isSourced } from "./source-position.js";

export interface Label {
  id: number | undefined;
  refs: t.NumericLiteral[];
}

export interface Region {
  parent: Region | null;
  onThrow: Label;
  onReturn: Label | null;
  start: number;
  end: number;
}

export interface StateExit {
  kind: ExitKind;
  target: Label | null;
  /** For a jump through a slot (`m.s = _finally`): every state the slot may hold, filled in as lowering goes. */
  targets?: Label[];
}

export interface State {
  id: number;
  body: t.Statement[];
  region: Region | null;
  kind: StateKind;
  loc: t.SourceLocation | null;
  /** Ends in a jump, return or throw, so control never falls into the next state. */
  terminated: boolean;
  exits: StateExit[];
}

export class Emitter {
  readonly states: State[] = [];
  readonly regions: Region[] = [];
  private region: Region | null = null;
  private current: State;
  /** Set when some jump goes through the dispatch loop (`continue`): the step function then needs it. */
  private jumps = false;
  /** The `with` objects around the code being emitted, innermost last (see `wrapWithScopes`). */
  private withScopes: readonly string[] = [];
  private readonly statementScopes = new WeakMap<t.Statement, readonly string[]>();
  /** Where the code being emitted comes from: statements without a position of their own get it. */
  private position: t.SourceLocation = NO_SOURCE;

  constructor(private readonly machine: string) {
    this.current = this.newState("entry");
  }

  /** Does the current state end in a jump, return or throw (so nothing more runs in it)? */
  get terminated(): boolean {
    return this.current.terminated;
  }

  /** Does some state jump through the dispatch loop? */
  get usesJumps(): boolean {
    return this.jumps;
  }

  private readonly labels: Label[] = [];

  label(): Label {
    const label: Label = { id: undefined, refs: [] };
    this.labels.push(label);
    return label;
  }

  /** A use of `label` as a number, filled in when the label is marked. */
  ref(label: Label): t.NumericLiteral {
    // (Not a negative placeholder: @babel/types builds an Error to describe one.)
    const literal = t.numericLiteral(label.id ?? 0);
    label.refs.push(literal);
    return literal;
  }

  /** Starts the state `label` names here (reusing the current one if it is still empty). */
  mark(label: Label, kind: StateKind = "plain", loc?: t.SourceLocation | null): void {
    if (label.id !== undefined) throw new Error("awaitless internal error: label marked twice");
    let state = this.current;
    if (state.body.length > 0 || state.region !== this.region) state = this.startState(kind);
    else if (state.kind === "plain") state.kind = kind;
    if (isSourced(loc) && !state.loc) state.loc = loc;
    label.id = state.id;
    for (const literal of label.refs) literal.value = state.id;
  }

  /** Adds a statement to the current state; after a jump, return or throw it is unreachable and dropped. */
  emit(statement: t.Statement): void {
    const state = this.current;
    if (state.terminated) return;
    if (!statement.loc) statement.loc = this.position;
    if (!state.loc && isSourced(statement.loc)) state.loc = statement.loc;
    if (this.withScopes.length > 0) this.statementScopes.set(statement, this.withScopes);
    state.body.push(statement);
  }

  /**
   * Emits what `body` emits as code that comes from `loc` (kept as it is
   * when `loc` is missing: a node the compiler made has no place of its own).
   */
  at<T>(loc: t.SourceLocation | null | undefined, body: () => T): T {
    if (!loc) return body();
    const outer = this.position;
    this.position = loc;
    try {
      return body();
    } finally {
      this.position = outer;
    }
  }

  /** Emits what `body` emits as bookkeeping that maps to nothing. */
  bookkeeping<T>(body: () => T): T {
    return this.at(NO_SOURCE, body);
  }

  /** Emits what `body` emits as code of a `with (object)` statement (object: a temporary). */
  insideWith<T>(object: string, body: () => T): T {
    const outer = this.withScopes;
    this.withScopes = [...outer, object];
    try {
      return body();
    } finally {
      this.withScopes = outer;
    }
  }

  /**
   * `m.s = target; continue;` — go to another state through the dispatch
   * loop. Mapped to `loc` when it stands for a statement of the input (a
   * `break`), to nothing when it only joins states.
   */
  jump(target: Label, kind: ExitKind = "jump", loc: t.SourceLocation = NO_SOURCE): void {
    if (this.current.terminated) return;
    for (const statement of this.jumpStatement(target).body) this.emit({ ...statement, loc });
    this.current.exits.push({ kind, target });
    this.current.terminated = true;
  }

  jumpStatement(target: Label): t.BlockStatement {
    return t.blockStatement(this.jumpCode(target));
  }

  /**
   * The statements of a jump to `target`, for the caller to place: `m.s =
   * target; continue;`, the `continue` naming the dispatch loop's label when
   * given (from inside a native loop).
   */
  jumpCode(target: Label, dispatchLabel: string | null = null): t.Statement[] {
    this.jumps = true;
    return [this.setState(target), t.continueStatement(dispatchLabel ? t.identifier(dispatchLabel) : null)];
  }

  /** `m.s = slot; continue;` — on to the state a variable holds, one of `targets` (a cleanup's end). */
  jumpThroughSlot(slot: string, targets: Label[]): void {
    this.emit(t.expressionStatement(t.assignmentExpression("=", this.machineField("s"), t.identifier(slot))));
    this.emit(t.continueStatement());
    this.endWithJump("jump", null, targets);
    this.jumps = true;
  }

  /** Records an exit of the current state whose code is placed later (a jump rewritten inside native code). */
  recordExit(kind: ExitKind, target: Label): void {
    this.current.exits.push({ kind, target });
  }

  /** Ends the current state with a jump emitted as code whose exit was recorded already (recordExit). */
  endAfterRecordedJump(): void {
    this.current.terminated = true;
  }

  /** `if (test) { m.s = target; continue; }` */
  jumpIf(test: t.Expression, target: Label, kind: ExitKind = "jump"): void {
    if (this.current.terminated) return;
    this.emit(t.ifStatement(test, this.jumpStatement(target)));
    this.current.exits.push({ kind, target });
  }

  /** Marks the current state as ended by a jump the caller emitted itself. */
  endWithJump(kind: ExitKind = "jump", target: Label | null = null, targets?: Label[]): void {
    if (this.current.terminated) return;
    this.current.exits.push({ kind, target, targets });
    this.current.terminated = true;
  }

  setState(target: Label): t.ExpressionStatement {
    return t.expressionStatement(t.assignmentExpression("=", this.machineField("s"), this.ref(target)));
  }

  /** A terminating statement (`return`, `throw`) that ends the current state. */
  terminate(statement: t.Statement, kind: ExitKind): void {
    if (this.current.terminated) return;
    this.emit(statement);
    this.current.exits.push({ kind, target: null });
    this.current.terminated = true;
  }

  /**
   * Suspends: `return m.await(value, next);` then starts the resume state.
   * Returns the expression that holds the value sent back in.
   */
  suspend(method: "await" | "yield" | "yieldObject" | "delegate", value: t.Expression, loc?: t.SourceLocation | null): t.Expression {
    const resume = this.label();
    const call = t.callExpression(this.machineField(method), [value, this.ref(resume)]);
    const statement = t.returnStatement(call);
    if (loc) statement.loc = loc;
    if (!this.current.terminated) {
      this.emit(statement);
      this.current.exits.push({ kind: method === "await" ? "await" : "yield", target: resume });
      this.current.terminated = true;
    }
    this.mark(resume, method === "await" ? "resume-await" : "resume-yield", loc);
    return this.machineField("v");
  }

  machineField(name: string): t.MemberExpression {
    return t.memberExpression(t.identifier(this.machine), t.identifier(name));
  }

  enterRegion(onThrow: Label, onReturn: Label | null): Region {
    const region: Region = { parent: this.region, onThrow, onReturn, start: -1, end: -1 };
    this.region = region;
    this.regions.push(region);
    this.moveToFreshState();
    region.start = this.current.id;
    return region;
  }

  /** The state that starts a `return` through the region's cleanup (the try table's onReturn). */
  setReturnHandler(region: Region, onReturn: Label | null): void {
    region.onReturn = onReturn;
  }

  exitRegion(region: Region): void {
    if (this.region !== region) throw new Error("awaitless internal error: regions out of order");
    this.region = region.parent;
    this.moveToFreshState();
    region.end = this.current.id;
  }

  /**
   * Ensures the code emitted next starts a state of the current region. A
   * state with no code yet simply joins the region, even when a label names
   * it: what runs there is the region's code, so a jump to it belongs there
   * too (a loop whose body is a `try` needs no empty head state before it).
   * Not a resume state: the runtime throws a rejected `await` (or a
   * generator's `throw()`) into the machine at the state it would have
   * resumed, so that state must stay in the region of the `await` itself.
   */
  private moveToFreshState(): void {
    const state = this.current;
    if (state.body.length === 0 && !isResume(state)) state.region = this.region;
    else this.startState("plain");
  }

  private startState(kind: StateKind): State {
    this.current = this.newState(kind);
    return this.current;
  }

  private newState(kind: StateKind): State {
    const state: State = {
      id: this.states.length,
      body: [],
      region: this.region,
      kind,
      loc: null,
      terminated: false,
      exits: [],
    };
    this.states.push(state);
    return state;
  }

  /**
   * Completes the states: drops a final jump to the very next state in favour
   * of falling through, records fall-through exits, and sets `m.s` where a
   * fall-through crosses a region boundary. Returns the try table.
   */
  finish(): number[] {
    this.dropUnreachableEnd();
    for (const state of this.states) state.body = this.wrapWithScopes(state.body);
    const states = this.states;
    for (let i = 0; i < states.length; i++) {
      const state = states[i];
      const next = states[i + 1];
      if (!next) break;
      if (state.terminated) {
        const exit = state.exits[state.exits.length - 1];
        if (exit && exit.kind === "jump" && exit.target?.id === next.id && endsWithJumpTo(state.body, next.id)) {
          state.body.splice(-2, 2);
          state.exits.pop();
          state.terminated = false;
        }
      }
      if (!state.terminated) {
        if (state.region !== next.region) state.body.push({
          ...t.expressionStatement(t.assignmentExpression("=", this.machineField("s"), t.numericLiteral(next.id))),
          loc: NO_SOURCE,
        });
        state.exits.push({ kind: "next", target: { id: next.id, refs: [] } });
      }
    }
    // The last state can end by falling off the function: an implicit `return;`.
    const last = states[states.length - 1];
    if (!last.terminated) last.exits.push({ kind: "return", target: null });
    return this.tryTable();
  }

  /**
   * Code from the body of a `with` statement that suspends runs, state by
   * state, inside its own `with (_object)` on the object evaluated once:
   * identifiers there resolve against the object first, as they did. Runs of
   * consecutive statements under the same `with` objects share one block.
   */
  private wrapWithScopes(body: t.Statement[]): t.Statement[] {
    const result: t.Statement[] = [];
    let run: t.Statement[] = [];
    let runScopes: readonly string[] = [];
    const flush = () => {
      if (run.length === 0) return;
      let wrapped: t.Statement[] = run;
      for (let i = runScopes.length - 1; i >= 0; i--) wrapped = [t.withStatement(t.identifier(runScopes[i]), t.blockStatement(wrapped))];
      result.push(...wrapped);
      run = [];
    };
    for (const statement of body) {
      const scopes = this.statementScopes.get(statement) ?? [];
      if (scopes !== runScopes) {
        flush();
        runScopes = scopes;
      }
      run.push(statement);
    }
    flush();
    return result;
  }

  /**
   * A last state that is empty, that no jump or handler names and that
   * control cannot fall into (the state before it ends in a jump, return
   * or throw) is unreachable: the `after` of a statement whose every path
   * returned. It is left out rather than printed as an empty `case`.
   */
  private dropUnreachableEnd(): void {
    if (!this.atUnreachableEnd()) return;
    const states = this.states;
    states.pop();
    const before = states[states.length - 1];
    for (const region of this.regions) if (region.end > before.id) region.end = before.id + 1;
  }

  /** Is the current (last) state empty, and one that nothing can reach (see dropUnreachableEnd)? */
  atUnreachableEnd(): boolean {
    const states = this.states;
    const last = states[states.length - 1];
    const before = states[states.length - 2];
    if (!last || !before || last !== this.current || last.body.length > 0 || !before.terminated) return false;
    const named = this.labels.some((label) => label.id === last.id && label.refs.length > 0);
    const handler = this.regions.some((r) => labelIdOrNull(r.onThrow) === last.id || (r.onReturn && labelIdOrNull(r.onReturn) === last.id));
    return !named && !handler;
  }

  private tryTable(): number[] {
    const ordered = this.regions
      .filter((region) => region.start < region.end)
      .sort((a, b) => a.end - b.end || b.start - a.start);
    const table: number[] = [];
    for (const region of ordered) {
      table.push(region.start, region.end, labelId(region.onThrow), region.onReturn ? labelId(region.onReturn) : 0);
    }
    return table;
  }
}

function isResume(state: State): boolean {
  return state.kind === "resume-await" || state.kind === "resume-yield";
}

function labelIdOrNull(label: Label): number | null {
  return label.id ?? null;
}

function labelId(label: Label): number {
  if (label.id === undefined) throw new Error("awaitless internal error: handler label never marked");
  return label.id;
}

/** Does the state end with `m.s = id; continue;`? */
function endsWithJumpTo(body: t.Statement[], id: number): boolean {
  if (body.length < 2) return false;
  const [assign, cont] = body.slice(-2);
  return (
    cont.type === "ContinueStatement" &&
    !cont.label &&
    assign.type === "ExpressionStatement" &&
    assign.expression.type === "AssignmentExpression" &&
    assign.expression.right.type === "NumericLiteral" &&
    assign.expression.right.value === id
  );
}
