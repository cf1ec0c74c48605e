// The state model: what lowering produced for each function, in a form the
// CLI (`--states`), the playground and API users can read. `transform`
// returns it as `functions`; `inspect` returns it without the code.

export interface SourcePosition {
  line: number;
  /** 0-based, as in Babel and source maps. */
  column: number;
}

export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export type FunctionKindName = "async" | "generator" | "async generator";
export type FunctionForm = "declaration" | "expression" | "arrow" | "method";

export type StateKind =
  | "entry"
  | "resume-await"
  | "resume-yield"
  | "catch"
  | "finally"
  | "loop-head"
  | "exit"
  | "plain";

/**
 * How control leaves a state: falling into the next one, jumping, suspending
 * at an await or yield (and resuming at the target), returning, throwing,
 * entering a catch block on an exception, or going through a finally block.
 */
export type ExitKind = "next" | "jump" | "await" | "yield" | "return" | "throw" | "catch" | "finally";

export interface StateExitModel {
  kind: ExitKind;
  /** The state control goes to; null when it leaves the function. */
  to: number | null;
}

export interface StateModel {
  id: number;
  kind: StateKind;
  /** Where in the input the state's code comes from (null for compiler-made states). */
  source: SourceRange | null;
  /** Where the state's `case` is in the output (set by `inspect`). */
  output?: SourceRange | null;
  exits: StateExitModel[];
}

export interface FunctionModel {
  /** Position of this function in the output, from 0, in the order the functions appear there. */
  id: number;
  /** The function's name as `fn.name` reports it ("" when anonymous). */
  name: string;
  kind: FunctionKindName;
  form: FunctionForm;
  source: SourceRange | null;
  /** The compiled function (the wrapper) in the output (set by `inspect`). */
  output?: SourceRange | null;
  states: StateModel[];
  /** Try table entries: states `start <= s < end` go to `onThrow` on an exception. */
  regions: Array<{ start: number; end: number; onThrow: number; onReturn: number | null }>;
}
