// Deeply nested input on a large stack. Babel's parser, traverser and
// printer and our own lowering all recurse once per nesting level, so input
// nested some hundreds of levels deep (1,000 nested `if`s, a call nested in
// a call 1,000 times) overflows the main thread's default stack of about
// 1 MB. A user's build cannot be asked to restart Node with a bigger stack,
// so a compile that overflowed is run again, whole, in a worker thread with
// a 256 MB stack, and the caller waits for it synchronously: `transform`
// stays a plain synchronous function. Only input that overflows pays for
// the worker (about a third of a second to start and load the compiler).
//
// Node only: where there is no `process.getBuiltinModule` (a browser, the
// playground) the overflow is reported as `AwaitlessInputTooDeepError` instead.

import type * as WorkerThreads from "node:worker_threads";
import { normalizeOptions, type TransformOptions } from "../pipeline/options.js";
import { AwaitlessSyntaxError, AwaitlessUnsupportedError, AwaitlessInputTooDeepError } from "../pipeline/errors.js";

/** What the worker can be asked to run; both return what the function of that name returns. */
export type LargeStackEntry = "transform" | "inspect";

export interface LargeStackRequest {
  entry: LargeStackEntry;
  code: string;
  options: TransformOptions | undefined;
}

/** An error crossing the thread boundary as plain data, rebuilt as its own class on this side. */
export type SerializedError =
  | { kind: "syntax" | "unsupported"; reason: string; filename: string; line: number; column: number; frame: string }
  | { kind: "too-deep"; filename: string }
  | { kind: "other"; name: string; message: string; stack: string | undefined };

export type LargeStackReply = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** Megabytes of stack for the worker: 1,000 nested statements need about 60 MB; headroom for deeper input. */
const STACK_MB = 256;
/** A compile that takes longer than this on the worker is given up on, so a lost worker cannot hang the caller. */
const TIME_LIMIT_MS = 10 * 60 * 1000;
/** The worker's file next to this one in dist/ (a variable, so bundlers leave the URL alone). */
const WORKER_FILE = "./large-stack-worker.js";

/**
 * The worker's first code: loads large-stack-worker.js, and when that fails
 * (a missing or broken file) replies with the error, because the caller,
 * blocked in Atomics.wait, cannot hear the worker's `error` event.
 */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.workerUrl).catch((error) => {
  workerData.port.postMessage({ ok: false, error: { kind: "other", name: "Error", message: "the large-stack compiler could not start: " + (error && error.message), stack: undefined } });
  Atomics.store(workerData.done, 0, 1);
  Atomics.notify(workerData.done, 0);
});
`;

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * `run(code, options)` on this thread; when it overflows the stack, the
 * same `entry` again on a large stack (which is what `run` is there).
 */
export function retryOnLargeStack<T>(
  entry: LargeStackEntry,
  code: string,
  options: TransformOptions | undefined,
  run: (code: string, options: TransformOptions | undefined) => T,
): T {
  try {
    return run(code, options);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return runOnLargeStack<T>(entry, code, options);
  }
}

function workerThreads(): typeof WorkerThreads | null {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (host?.getBuiltinModule?.("node:worker_threads") as typeof WorkerThreads | undefined) ?? null;
}

/**
 * Runs `entry(code, options)` on a worker thread with a large stack and
 * returns its result, or throws the error it threw, as its own class.
 * Throws AwaitlessInputTooDeepError where there are no worker threads.
 */
export function runOnLargeStack<T>(entry: LargeStackEntry, code: string, options: TransformOptions | undefined): T {
  const filename = normalizeOptions(options).filename;
  const threads = workerThreads();
  if (!threads) throw new AwaitlessInputTooDeepError(filename);
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new threads.MessageChannel();
  const request: LargeStackRequest = { entry, code, options };
  const worker = new threads.Worker(BOOTSTRAP, {
    eval: true,
    workerData: { workerUrl: new URL(WORKER_FILE, import.meta.url).href, request, port: port2, done },
    transferList: [port2],
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  try {
    // The worker stores 1 and notifies once it has posted its reply.
    if (Atomics.wait(done, 0, 0, TIME_LIMIT_MS) === "timed-out") {
      throw new Error(`${filename}: compiling deeply nested input on a large stack did not finish in ${TIME_LIMIT_MS / 60000} minutes`);
    }
    const message = threads.receiveMessageOnPort(port1);
    if (!message) throw new AwaitlessInputTooDeepError(filename);
    return unpack<T>(message.message as LargeStackReply);
  } finally {
    port1.close();
    void worker.terminate();
    // A worker left to finish terminating must not keep a CLI process alive.
    worker.unref();
  }
}

function unpack<T>(reply: LargeStackReply): T {
  if (reply.ok) return reply.value as T;
  const error = reply.error;
  switch (error.kind) {
    case "syntax":
      throw new AwaitlessSyntaxError(error.reason, error.filename, error.line, error.column, error.frame);
    case "unsupported":
      throw new AwaitlessUnsupportedError(error.reason, error.filename, error.line, error.column, error.frame);
    case "too-deep":
      throw new AwaitlessInputTooDeepError(error.filename);
    default: {
      const rebuilt = new Error(error.message);
      rebuilt.name = error.name;
      rebuilt.stack = error.stack;
      throw rebuilt;
    }
  }
}

/** The worker's side of unpack. */
export function serializeError(error: unknown, filename: string): SerializedError {
  if (isStackOverflow(error)) return { kind: "too-deep", filename };
  if (error instanceof AwaitlessSyntaxError || error instanceof AwaitlessUnsupportedError) {
    const { reason, filename, line, column, frame } = error;
    return { kind: error instanceof AwaitlessSyntaxError ? "syntax" : "unsupported", reason, filename, line, column, frame };
  }
  if (error instanceof Error) return { kind: "other", name: error.name, message: error.message, stack: error.stack };
  return { kind: "other", name: "Error", message: String(error), stack: undefined };
}
