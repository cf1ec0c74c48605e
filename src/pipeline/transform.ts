// The whole-file pipeline: parse, lower every async function, generator and
// async generator (innermost first, so an outer function sees its inner ones
// already as plain functions), give the file its runtime binding, print.

import { traverse, generate, type NodePath } from "../host/babel.js";
import * as t from "@babel/types";
import { normalizeOptions, type TransformOptions, type NormalizedOptions } from "./options.js";
import { parse } from "./parse.js";
import { lowerFunction, kindOf, type FileContext } from "../lower/lower-function.js";
import type { RuntimeRef } from "../lower/runtime-ref.js";
import { MethodMarks } from "../lower/method-marks.js";
import { isResourceDeclaration, lowerResourceScopes } from "../lower/using.js";
import { runtimeDeclaration } from "../output/runtime-binding.js";
import { UnsupportedInput } from "../lower/unsupported.js";
import { AwaitlessUnsupportedError, codeFrame } from "./errors.js";
import type { FunctionModel } from "./model.js";
import { markUnmappedLines } from "./unmapped-lines.js";
import { retryOnLargeStack } from "../host/large-stack.js";
import { hollowFunctions, reserveNames } from "./hollow-functions.js";
import { lowerLocalEnums } from "../lower/typescript/local-enums.js";
import { disambiguateForTypeScript } from "../output/typescript-print.js";
import { isTypeOnly } from "../ast/children.js";

export interface TransformResult {
  code: string;
  /** Source map (v3) when `sourceMaps` was set, else null. */
  map: SourceMapObject | null;
  /** The state model of every lowered function, in the order the functions appear in the output. */
  functions: FunctionModel[];
}

export interface SourceMapObject {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  file?: string;
  sourceRoot?: string;
  sourcesContent?: Array<string | null>;
}

export function transform(code: string, options?: TransformOptions): TransformResult {
  return transformWithRuntime(code, options).result;
}

export interface TransformWithRuntime {
  result: TransformResult;
  runtimeName: string | null;
}

/**
 * `transform`, also telling the name of the output's runtime binding (for
 * `inspect`). Input nested too deeply for this thread's stack is compiled
 * again on a large stack (see large-stack.ts).
 */
export function transformWithRuntime(code: string, options?: TransformOptions): TransformWithRuntime {
  return retryOnLargeStack("transform", code, options, transformOnThisStack);
}

/** The compile itself; a stack overflow escapes as the RangeError it is. */
export function transformOnThisStack(code: string, options?: TransformOptions): TransformWithRuntime {
  const opts = normalizeOptions(options);
  // Always parsed, so that invalid input is rejected even when there is
  // nothing to lower; the CLI skips parsing itself with mayNeedLowering (may-need-lowering.ts).
  const ast = parse(code, opts);
  let runtimeName: string | null = null;
  const { functions, changed } = withReportedLocation(() => lowerProgram(ast, opts, (name) => (runtimeName = name), code, true), code, opts.filename);
  // Nothing to lower: hand the text back as it was, not reprinted.
  if (!changed) return { result: { code, map: null, functions }, runtimeName: null };
  if (opts.typescript) disambiguateForTypeScript(ast);
  const output = generate(
    ast,
    {
      sourceMaps: opts.sourceMaps,
      sourceFileName: opts.filename,
      inputSourceMap: opts.sourceMaps && opts.inputSourceMap ? toMapObject(opts.inputSourceMap) : undefined,
      comments: true,
    } as Parameters<typeof generate>[1],
    code,
  );
  const map = output.map ? markUnmappedLines(output.map as SourceMapObject, output.code) : null;
  return { result: { code: output.code, map, functions }, runtimeName };
}

/** Turns lowering's UnsupportedInput into a located error with a code frame. */
export function withReportedLocation<T>(run: () => T, code: string, filename: string): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof UnsupportedInput)) throw error;
    const start = error.node.loc?.start ?? { line: 1, column: 0 };
    throw new AwaitlessUnsupportedError(error.message, filename, start.line, start.column + 1, codeFrame(code, start.line, start.column + 1, error.message));
  }
}

/** What lowering a program did: the models of its functions, and whether anything changed. */
export interface LoweredProgram {
  functions: FunctionModel[];
  /** Functions were lowered, or `using` declarations (which may stand in functions that are not). */
  changed: boolean;
}

/** Lowers every suspending function and resource scope of a parsed file in place. */
export function lowerProgram(
  ast: t.File,
  opts: NormalizedOptions,
  onRuntime?: (name: string) => void,
  source?: string,
  sharedRuntime = false,
): LoweredProgram {
  // Babel's traversal (paths, scopes) costs far more than a plain walk: skip it when there is nothing to lower.
  if (!hasWorkToDo(ast)) return { functions: [], changed: false };
  // And it crawls only what lowering can look at (see hollow-functions.ts).
  const hollowed = hollowFunctions(ast.program, (fn) => kindOf(fn) !== null);
  try {
    let program!: NodePath<t.Program>;
    traverse(ast, {
      Program(path) {
        program = path;
        path.stop();
      },
    });
    reserveNames(program.scope, hollowed.names);
    return lowerProgramPath(program, opts, onRuntime, source, sharedRuntime);
  } finally {
    hollowed.restore();
  }
}

/**
 * The pipeline shared by `transform` and the Babel plugin: lowers every
 * suspending function under `program` (whichever Babel's traversal the path
 * comes from) and adds the runtime binding.
 */
export function lowerProgramPath(
  program: NodePath<t.Program>,
  opts: NormalizedOptions,
  onRuntime?: (name: string) => void,
  source?: string,
  sharedRuntime = false,
): LoweredProgram {
  // A local enum becomes plain statements first; Babel's scopes must then see the new `let`s.
  if (opts.typescript && lowerLocalEnums(program.node, (fn) => kindOf(fn) !== null)) program.scope.crawl();
  // The statements already put at the start of each block, so later ones follow them.
  const inserted = new Map<t.Node, NodePath>();
  // Those for the start of the program wait and go in together at the end:
  // inserting each one into a long program body renumbers every statement
  // after it, which made a file with thousands of functions quadratic.
  const programStart: t.Statement[] = [];
  const runtime: RuntimeRef = { name: program.scope.generateUid("awaitless"), used: new Set() };
  onRuntime?.(runtime.name);
  // `using` scopes become try/finally before any function is lowered, in every function (lower/using.ts).
  // (A walk of the whole file, skipped when its text cannot declare one.)
  const resources =
    (source === undefined || /\busing\b/.test(source)) && lowerResourceScopes(program.node, { runtime, unique: (hint) => program.scope.generateUid(hint) });
  if (resources) program.scope.crawl();
  const file: FileContext = {
    runtime,
    steps: new Map(),
    annotateFrom: opts.annotate ? (source ?? null) : null,
    methodMarks: new MethodMarks(runtime, (hint) => program.scope.generateUid(hint), opts.typescript),
    typescript: opts.typescript,
    atScopeStart: (scope, statement) => (scope.isProgram() ? programStart.push(statement) : insertAtStart(scope, statement, inserted)),
  };
  for (const path of lowerablePaths(program)) lowerFunction(path, file);
  file.methodMarks.finish(program.node);
  if (programStart.length > 0) placeAtStart(program, programStart);
  // Ordered before the runtime is inserted: walking an inlined runtime would cost more than the rest.
  const models = inOutputOrder(program.node, file.steps);
  if (runtime.used.size > 0) placeAtStart(program, [runtimeDeclaration(runtime, opts, program.node, sharedRuntime)]);
  return { functions: models, changed: models.length > 0 || resources };
}

/**
 * The paths of the functions to lower, innermost first (each after the
 * functions inside it), found by a plain walk: a second Babel traversal of
 * the whole file would cost as much as the lowering. The paths are all made
 * before anything changes, so Babel keeps their keys right as statements are
 * inserted around them.
 */
function lowerablePaths(program: NodePath<t.Program>): Array<Parameters<typeof lowerFunction>[0]> {
  const found: string[] = [];
  const keys: Array<string | number> = [];
  const visit = (node: t.Node): void => {
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      // (Types hold no functions; the shared rule of type-positions.ts keeps every walk out of them.)
      if (!child || typeof child !== "object" || (!Array.isArray(child) && isTypeOnly(child as t.Node))) continue;
      keys.push(key);
      if (Array.isArray(child)) {
        child.forEach((item, index) => {
          if (!item || typeof item !== "object") return;
          keys.push(index);
          visit(item as t.Node);
          keys.pop();
        });
      } else {
        visit(child as t.Node);
      }
      keys.pop();
    }
    if (t.isFunction(node) && kindOf(node)) found.push(keys.join("."));
  };
  visit(program.node);
  const reach = pathReacher(program);
  return found.map((keyPath) => reach(keyPath) as unknown as Parameters<typeof lowerFunction>[0]);
}

/**
 * `program.get(keyPath)`, remembering every path on the way. Babel's `get`
 * builds the paths of a whole list to reach one item of it, so reaching each
 * function of a file with N top-level statements afresh would cost N each time.
 */
function pathReacher(program: NodePath<t.Program>): (keyPath: string) => NodePath {
  const reached = new Map<string, NodePath | NodePath[]>();
  const step = (from: NodePath | NodePath[], prefix: string, part: string): NodePath | NodePath[] => {
    const key = prefix ? `${prefix}.${part}` : part;
    let next = reached.get(key);
    if (!next) {
      next = Array.isArray(from) ? from[Number(part)] : (from.get(part) as NodePath | NodePath[]);
      reached.set(key, next);
    }
    return next;
  };
  return (keyPath) => {
    let at: NodePath | NodePath[] = program;
    let prefix = "";
    for (const part of keyPath.split(".")) {
      at = step(at, prefix, part);
      prefix = prefix ? `${prefix}.${part}` : part;
    }
    return at as NodePath;
  };
}

/** Is there a suspending function or a `using` declaration anywhere? */
function hasWorkToDo(ast: t.File): boolean {
  return t.traverseFast(ast.program, (node) =>
    (t.isFunction(node) && (node.async || node.generator)) || isResourceDeclaration(node) ? t.traverseFast.stop : undefined,
  );
}

/** The models in the order their step functions appear in the finished program (and so in the output). */
function inOutputOrder(program: t.Program, steps: Map<t.Node, FunctionModel>): FunctionModel[] {
  const ordered: FunctionModel[] = [];
  t.traverseFast(program, (node) => {
    const model = steps.get(node);
    if (model) {
      model.id = ordered.length;
      ordered.push(model);
    }
  });
  return ordered;
}

/** Inserts a statement where the declarations of a block, switch case or program are hoisted to. */
function insertAtStart(scope: NodePath, statement: t.Statement, inserted: Map<t.Node, NodePath>): void {
  const previous = inserted.get(scope.node);
  if (previous) {
    inserted.set(scope.node, previous.insertAfter(statement)[0]);
    return;
  }
  const placed = placeAtStart(scope, [statement]);
  inserted.set(scope.node, placed[placed.length - 1]);
}

/** Puts `statements`, in order, where a block's, switch case's or program's hoisted declarations go; returns their paths. */
function placeAtStart(scope: NodePath, statements: t.Statement[]): NodePath[] {
  if (scope.isProgram()) {
    let lastImport = -1;
    scope.node.body.forEach((statement, index) => statement.type === "ImportDeclaration" && (lastImport = index));
    if (lastImport >= 0) return (scope.get(`body.${lastImport}`) as NodePath).insertAfter(statements);
    // The file's leading comment (a licence, a description) stays at the top.
    const first = scope.node.body[0];
    if (first?.leadingComments?.length) {
      statements[0].leadingComments = first.leadingComments;
      first.leadingComments = [];
    }
    return scope.unshiftContainer("body", statements);
  }
  if (scope.isSwitchCase()) return scope.unshiftContainer("consequent", statements);
  // (A namespace's body holds statements as a block does.)
  if (scope.isBlockStatement() || scope.isStaticBlock() || scope.isTSModuleBlock()) {
    return (scope as NodePath<t.BlockStatement>).unshiftContainer("body", statements);
  }
  throw new Error(`awaitless internal error: cannot hoist into ${scope.type}`);
}

function toMapObject(map: object | string): object {
  return typeof map === "string" ? JSON.parse(map) : map;
}
