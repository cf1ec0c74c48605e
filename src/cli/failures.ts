// Failures that are not the input's fault: files that cannot be read or
// written, described in words rather than errno codes.

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
