// The worker thread of large-stack.ts: runs one compile on its large stack,
// posts the result (or the error, as plain data) and wakes the caller, who
// is blocked in Atomics.wait.

import { workerData, type MessagePort } from "node:worker_threads";
import { transformOnThisStack } from "../pipeline/transform.js";
import { inspectOnThisStack } from "../pipeline/inspect.js";
import { normalizeOptions } from "../pipeline/options.js";
import { serializeError, type LargeStackReply, type LargeStackRequest } from "./large-stack.js";

const { request, port, done } = workerData as { workerUrl: string; request: LargeStackRequest; port: MessagePort; done: Int32Array };

function run({ entry, code, options }: LargeStackRequest): LargeStackReply {
  try {
    // The on-this-stack variants: an overflow here is final, not retried on yet another worker.
    const value = entry === "inspect" ? inspectOnThisStack(code, options) : transformOnThisStack(code, options);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: serializeError(error, normalizeOptions(options).filename) };
  }
}

try {
  port.postMessage(run(request));
} catch (error) {
  // A reply that cannot be cloned still gets the caller an answer, not a wait.
  port.postMessage({ ok: false, error: serializeError(error, normalizeOptions(request.options).filename) } satisfies LargeStackReply);
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
