// The sandbox: a dedicated worker that runs one program and reports what it
// printed. A fresh worker serves each run, so runs cannot see each other, and
// the page can terminate one that never ends.
//
// For the compiled program it also provides the runtime as the global
// `awaitlessRuntime`: the real runtime (src/runtime), except that the three
// drivers get the step function wrapped, so each call of it (each time the
// driver starts or resumes the machine) records how it ended: suspended at
// an await or a yield, returned or threw. The compiled code itself reports
// every state it enters through `__awaitlessTrace(fn, state, machine)`, a
// call instrument.ts put at the top of each `case`.
//
// A run is over when the program's code has run and no timer it set is
// pending (checked twice, a task apart, so that promise jobs and unhandled
// rejection events have happened), or when the time limit passes.

import * as runtime from "../../src/runtime/index.ts";
import { AWAIT, YIELD, YIELD_OBJECT, DELEGATE, type Machine } from "../../src/runtime/machine.ts";
import { errorText, formatArgs } from "./console-format.ts";
import type { LeaveHow, LogLevel, RunEvent, RunInstance, RunRequest, WorkerMessage } from "./run-protocol.ts";

/* eslint-disable @typescript-eslint/no-explicit-any */

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  [name: string]: any;
}

const scope = globalThis as unknown as WorkerScope;
/** At most this many state visits and step-function returns are recorded; console lines always are (up to MAX_LINES). */
const MAX_TRACE = 20_000;
const MAX_LINES = 5_000;
const BATCH = 500;

let batch: RunEvent[] = [];
let traced = 0;
let lines = 0;
let dropped = 0;

function record(event: RunEvent): void {
  const isLine = event.k === "log" || event.k === "uncaught";
  if (isLine ? lines++ >= MAX_LINES : traced++ >= MAX_TRACE) {
    dropped++;
    return;
  }
  batch.push(event);
  // Console lines go out at once: a program stuck in an endless loop right after still shows them.
  if (isLine || batch.length >= BATCH) flush();
}

function flush(): void {
  if (batch.length === 0) return;
  scope.postMessage({ type: "events", events: batch, instances });
  batch = [];
}

// --- console -----------------------------------------------------------------
const LEVELS: LogLevel[] = ["log", "info", "warn", "error", "debug"];
const consoleObject = console as unknown as Record<string, (...args: unknown[]) => void>;
for (const level of LEVELS) consoleObject[level] = (...args: unknown[]) => record({ k: "log", level, text: formatArgs(args) });
consoleObject.trace = consoleObject.dir = consoleObject.table = (...args: unknown[]) => record({ k: "log", level: "log", text: formatArgs(args) });

// --- timers ------------------------------------------------------------------
const realSetTimeout = setTimeout.bind(globalThis);
const realClearTimeout = clearTimeout.bind(globalThis);
const realSetInterval = setInterval.bind(globalThis);
const realClearInterval = clearInterval.bind(globalThis);
const pending = new Set<unknown>();

function invoke(handler: unknown, args: unknown[]): void {
  if (typeof handler === "function") handler(...args);
  else (0, eval)(String(handler));
}

scope.setTimeout = (handler: unknown, delay?: number, ...args: unknown[]) => {
  const id = realSetTimeout(() => {
    pending.delete(id);
    invoke(handler, args);
  }, delay);
  pending.add(id);
  return id;
};
scope.clearTimeout = (id: any) => {
  pending.delete(id);
  realClearTimeout(id);
};
scope.setInterval = (handler: unknown, delay?: number, ...args: unknown[]) => {
  const id = realSetInterval(() => invoke(handler, args), delay);
  pending.add(id);
  return id;
};
scope.clearInterval = (id: any) => {
  pending.delete(id);
  realClearInterval(id);
};

// --- errors that nothing caught ------------------------------------------------
scope.addEventListener("error", (event: ErrorEvent) => {
  record({ k: "uncaught", text: event.error !== undefined ? errorText(event.error) : event.message });
  event.preventDefault();
});
scope.addEventListener("unhandledrejection", (event: PromiseRejectionEvent) => {
  record({ k: "uncaught", text: `(in promise) ${errorText(event.reason)}` });
  event.preventDefault();
});

// --- the traced runtime ------------------------------------------------------
const instanceOf = new WeakMap<object, number>();
const instances: Record<number, RunInstance> = {};
const callsOf = new Map<number, number>();
let nextInstance = 1;

function instance(m: object, fn: number): number {
  let inst = instanceOf.get(m);
  if (inst === undefined) {
    inst = nextInstance++;
    instanceOf.set(m, inst);
    const call = (callsOf.get(fn) ?? 0) + 1;
    callsOf.set(fn, call);
    instances[inst] = { fn, call };
  }
  return inst;
}

function trace(fn: number, s: number, m: object): void {
  record({ k: "state", fn, inst: instance(m, fn), s });
}

const SUSPENDED: Record<number, LeaveHow> = { [AWAIT]: "await", [YIELD]: "yield", [YIELD_OBJECT]: "yield", [DELEGATE]: "delegate" };

type Step = Machine["step"];
function tracedStep(step: Step): Step {
  return function (m: Machine) {
    let result: unknown;
    try {
      result = step(m);
    } catch (error) {
      const inst = instanceOf.get(m);
      if (inst !== undefined) record({ k: "leave", inst, how: "throw", s: m.s });
      throw error;
    }
    const inst = instanceOf.get(m);
    if (inst !== undefined) record({ k: "leave", inst, how: result === runtime.SUSPEND ? (SUSPENDED[m.k] ?? "await") : "return", s: m.s });
    return result;
  };
}

const tracedRuntime = {
  ...runtime,
  async: (step: Step, ...rest: any[]) => (runtime.async as any)(tracedStep(step), ...rest),
  generator: (step: Step, ...rest: any[]) => (runtime.generator as any)(tracedStep(step), ...rest),
  asyncGenerator: (step: Step, ...rest: any[]) => (runtime.asyncGenerator as any)(tracedStep(step), ...rest),
};

// --- running -----------------------------------------------------------------
// The program's own module is imported by URL. Through eval, so that Vite's dev
// server does not rewrite this `import()` and pull its client (with its timers
// and console lines) into the sandbox.
const importModule = (0, eval)("(url) => import(url)") as (url: string) => Promise<unknown>;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

async function waitForIdle(deadline: number): Promise<"finished" | "timeout"> {
  let idleChecks = 0;
  for (;;) {
    if (pending.size === 0) {
      if (++idleChecks >= 2) return "finished";
    } else {
      idleChecks = 0;
    }
    if (performance.now() > deadline) return "timeout";
    flush();
    await delay(pending.size ? 5 : 0);
  }
}

scope.onmessage = async (message: MessageEvent<RunRequest>) => {
  const request = message.data;
  const started = performance.now();
  const deadline = started + request.timeoutMs;
  if (request.traced) {
    scope.awaitlessRuntime = tracedRuntime;
    scope.__awaitlessTrace = trace;
  }
  try {
    if (request.module) {
      const url = URL.createObjectURL(new Blob([request.code], { type: "text/javascript" }));
      const loaded = importModule(url).then(
        () => undefined,
        (error) => record({ k: "uncaught", text: errorText(error) }),
      );
      await Promise.race([loaded, delay(request.timeoutMs)]);
    } else {
      (0, eval)(request.code);
    }
  } catch (error) {
    record({ k: "uncaught", text: errorText(error) });
  }
  flush();
  const status = await waitForIdle(deadline);
  flush();
  scope.postMessage({ type: "done", status, dropped, elapsedMs: Math.round(performance.now() - started) });
};
