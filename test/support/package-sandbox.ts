// A throwaway project folder in which `awaitless` is an installed package:
// node_modules/awaitless links to this repository (its package.json, with
// its `exports`, and dist/), node_modules/@babel to the Babel packages
// installed here. Code in the folder resolves `awaitless/babel-plugin` and
// `awaitless/runtime` as a user's project would.

import { mkdtemp, mkdir, symlink, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Sandbox {
  dir: string;
  write(relativePath: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createSandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), "awaitless-project-"));
  await mkdir(join(dir, "node_modules"));
  await symlink(REPO_ROOT, join(dir, "node_modules/awaitless"), "dir");
  await symlink(join(REPO_ROOT, "node_modules/@babel"), join(dir, "node_modules/@babel"), "dir");
  return {
    dir,
    async write(relativePath, content) {
      const file = join(dir, relativePath);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
