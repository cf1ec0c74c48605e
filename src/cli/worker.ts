// A worker thread of a parallel build: compiles the files it is sent and
// posts back what to write (see workers.ts).

import { parentPort, workerData } from "node:worker_threads";
import { compileFile } from "./compile-file.js";
import type { WorkerData, WorkerRequest, WorkerResponse } from "./workers.js";

const { settings, cwd } = workerData as WorkerData;

parentPort!.on("message", async ({ index, task }: WorkerRequest) => {
  const outcome = await compileFile(task, settings, cwd);
  parentPort!.postMessage({ index, outcome } satisfies WorkerResponse);
});
