// Messages between the page and the sandbox worker that runs a program.

/** What the page asks the worker to run. */
export interface RunRequest {
  code: string;
  /** Run as an ES module (dynamic import) rather than a classic script (global eval). */
  module: boolean;
  /** Give the code the traced runtime as `awaitlessRuntime` and the trace hook. */
  traced: boolean;
  /** The worker reports "timeout" when timers are still pending after this long. */
  timeoutMs: number;
}

export type LogLevel = "log" | "info" | "warn" | "error" | "debug";

/** How a call of a step function ended: it suspended (at an await, a yield or a yield*), returned or threw. */
export type LeaveHow = "await" | "yield" | "delegate" | "return" | "throw";

export type RunEvent =
  /** A console call. */
  | { k: "log"; level: LogLevel; text: string }
  /** An uncaught exception or unhandled rejection. */
  | { k: "uncaught"; text: string }
  /** The compiled code entered state `s` of function `fn` (its id in the model) in instance `inst`. */
  | { k: "state"; fn: number; inst: number; s: number }
  /** The driver's call of instance `inst`'s step function ended; `s` is the state it resumes at. */
  | { k: "leave"; inst: number; how: LeaveHow; s: number };

export interface RunInstance {
  /** The function's id in the model. */
  fn: number;
  /** Which call of that function this is, from 1. */
  call: number;
}

export interface RunResult {
  status: "finished" | "timeout" | "killed";
  events: RunEvent[];
  /** Instance number → which function and call. */
  instances: Record<number, RunInstance>;
  /** Events not recorded because the run produced too many. */
  dropped: number;
  elapsedMs: number;
}

/**
 * The worker sends what it recorded in batches as it goes (so a program that
 * never ends and has to be terminated still shows what it printed), then
 * "done" once the run is over.
 */
export type WorkerMessage =
  | { type: "events"; events: RunEvent[]; instances: Record<number, RunInstance> }
  | { type: "done"; status: "finished" | "timeout"; dropped: number; elapsedMs: number };
