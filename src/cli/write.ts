// Writing outputs so that no file is ever seen half-written: the bytes go to
// a temporary file beside the target, which is then renamed over it (atomic
// on one file system). Temporary files still pending when the process is
// interrupted are removed by `removePendingTemporaries`.

import { chmod, copyFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const pending = new Set<string>();
let counter = 0;

function temporaryPath(target: string): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}-${counter}.awaitless-tmp`);
}

/** True for the temporary files this module creates, which watchers must ignore. */
export function isTemporaryPath(path: string): boolean {
  return path.endsWith(".awaitless-tmp");
}

async function replaceAtomically(target: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPath(target);
  pending.add(temporary);
  try {
    await fill(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
  }
}

/** Writes `data` to `target`; `modeFrom` gives the file whose permissions the output takes. */
export function writeFileAtomic(target: string, data: string, modeFrom?: string): Promise<void> {
  return replaceAtomically(target, async (temporary) => {
    await writeFile(temporary, data, "utf8");
    if (modeFrom) {
      const mode = (await stat(modeFrom)).mode & 0o777;
      await chmod(temporary, mode);
    }
  });
}

export function copyFileAtomic(source: string, target: string): Promise<void> {
  return replaceAtomically(target, (temporary) => copyFile(source, temporary));
}

/** For signal handlers: removes the temporary files of writes cut short. */
export function removePendingTemporaries(): void {
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
}
