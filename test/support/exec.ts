// Runs a command without blocking the test worker, capturing its output as
// bytes (engines print non-UTF-8 for some characters) and its exit status
// (null when the timeout killed it).

import { execFile } from "node:child_process";

export interface RawRun {
  stdout: Buffer;
  stderr: string;
  status: number | null;
}

export function execCapture(command: string, args: string[], timeoutMs: number): Promise<RawRun> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: "buffer", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
      if (failure && failure.code === "ENOENT") {
        reject(new Error(`${command} was not found on the PATH`));
        return;
      }
      const status = failure ? (failure.killed ? null : typeof failure.code === "number" ? failure.code : 1) : 0;
      resolve({ stdout, stderr: stderr.toString("utf8"), status });
    });
  });
}
