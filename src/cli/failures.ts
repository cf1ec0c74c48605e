// Failures outside the compiler: files that cannot be read or written,
// described in words rather than errno codes, and inputs that are not text.

import type { Failure } from "./types.js";

export function ioFailure(what: string, error: unknown): Failure {
  const err = error as NodeJS.ErrnoException;
  const reason = err && err.code ? describeErrno(err.code) : String((err && err.message) || error);
  return { kind: "io", message: `${what}: ${reason}` };
}

function describeErrno(code: string): string {
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ENOTDIR":
      return "a parent path is not a directory";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "read-only file system";
    default:
      return code;
  }
}

/** An input that is not UTF-8 text; `reason` comes from decodeSourceText. */
export function notTextFailure(reason: string): Failure {
  return { kind: "not-text", message: reason };
}
