// Vite config of the playground: a static page with the compiler bundled in.
//
// `npm run playground` serves it; `npm run build:playground` writes
// playground/dist/ with relative paths, so any static server (or a
// sub-folder of one) can host it.

import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  // Babel's packages read `process.env` (BABEL_TYPES_8_BREAKING, DEBUG); in the
  // browser there is no environment, so every such read sees undefined.
  define: { "process.env": "{}" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The compiler (Babel's parser, traverse and generator) is one big chunk by nature.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: "es" },
  server: {
    host: "127.0.0.1",
    fs: { allow: [repo] },
  },
  preview: { host: "127.0.0.1" },
});
