// Options of `transform` and `inspect`, shared by the CLI and the Babel plugin.

export type RuntimeMode = "inline" | "import" | "global";
export type SourceType = "module" | "script" | "unambiguous";

export interface TransformOptions {
  /** Used in error messages and source maps. Its extension picks the syntax: .ts/.tsx/.mts/.cts parse TypeScript. */
  filename?: string;
  /** How the input is parsed. Default "module". */
  sourceType?: SourceType;
  /**
   * How compiled code reaches the runtime: "inline" (default) puts the helpers
   * the file uses into it, once; "import" imports them from "awaitless/runtime"
   * (a `require` in a script); "global" reads them from a global variable.
   */
  runtime?: RuntimeMode;
  /** Global variable holding the runtime when `runtime` is "global". Default "awaitlessRuntime". */
  globalName?: string;
  /** Module specifier when `runtime` is "import". Default "awaitless/runtime". */
  runtimeModule?: string;
  /** Produce a source map (returned as `map`). Default false. */
  sourceMaps?: boolean;
  /** A source map of the input, composed into the output map so it points at the original source. */
  inputSourceMap?: object | string | null;
  /** Comment each state of the output with the source line it comes from (resumes at). Default false. */
  annotate?: boolean;
  /** Parse JSX (default: on, except for .ts/.mts/.cts files). */
  jsx?: boolean;
  /** Parse TypeScript syntax (default: by file extension). */
  typescript?: boolean;
}

export interface NormalizedOptions {
  filename: string;
  sourceType: SourceType;
  runtime: RuntimeMode;
  globalName: string;
  runtimeModule: string;
  sourceMaps: boolean;
  inputSourceMap: object | string | null;
  annotate: boolean;
  jsx: boolean;
  typescript: boolean;
}

const RUNTIME_MODES: RuntimeMode[] = ["inline", "import", "global"];
const SOURCE_TYPES: SourceType[] = ["module", "script", "unambiguous"];

export function normalizeOptions(options: TransformOptions = {}): NormalizedOptions {
  const filename = options.filename ?? "input.js";
  const runtime = options.runtime ?? "inline";
  const sourceType = options.sourceType ?? "module";
  if (!RUNTIME_MODES.includes(runtime)) {
    throw new TypeError(`awaitless: option "runtime" must be one of ${RUNTIME_MODES.join(", ")} (got ${JSON.stringify(runtime)})`);
  }
  if (!SOURCE_TYPES.includes(sourceType)) {
    throw new TypeError(`awaitless: option "sourceType" must be one of ${SOURCE_TYPES.join(", ")} (got ${JSON.stringify(sourceType)})`);
  }
  const isTs = /\.[cm]?tsx?$/i.test(filename);
  const isTsx = /\.tsx$/i.test(filename);
  return {
    filename,
    sourceType,
    runtime,
    globalName: options.globalName ?? "awaitlessRuntime",
    runtimeModule: options.runtimeModule ?? "awaitless/runtime",
    sourceMaps: options.sourceMaps ?? false,
    inputSourceMap: options.inputSourceMap ?? null,
    annotate: options.annotate ?? false,
    typescript: options.typescript ?? isTs,
    jsx: options.jsx ?? (!isTs || isTsx),
  };
}
