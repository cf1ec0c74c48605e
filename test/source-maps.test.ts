// Source maps, read the way a debugger reads them (the `source-map` package:
// a generated position is looked up to the segment at or before it on its
// line), checked against the state model of `inspect`, over every fixture:
//
// - every exit of a state goes to a state of the same function, or leaves it;
// - the code of each state that comes from the input begins with a statement
//   that maps back to the line where that code begins in the input (or, for a
//   state that begins inside a statement written over several lines, into
//   that statement);
// - the code of states the compiler made (no source) maps to nothing, and so
//   do the runtime's binding (its import, or all of the inlined runtime) and
//   the compiler's bookkeeping: helper code maps to nothing rather than to a
//   wrong place;
// - every input line that holds code is somewhere in the map;
// - a map given for the input (here tsc's) is composed in, so that positions
//   end up in the TypeScript source.

import { describe, it, expect, afterAll } from "vitest";
import { SourceMapConsumer, type RawSourceMap } from "source-map";
import * as t from "@babel/types";
import ts from "typescript";
import { inspect, type InspectResult, type TransformOptions } from "../src/index.js";
import { loadFixtures, goldenOptions, type Fixture } from "./support/fixtures.js";
import { stateStatements, parseCode, describeRange, type StateStatements } from "./support/state-statements.js";
import { codeLines, indexInput, entryLine, simpleStatementAt, holds, type InputIndex } from "./support/input-code.js";

const fixtures = loadFixtures();
const RUNTIMES = ["import", "inline"] as const;
type Runtime = (typeof RUNTIMES)[number];

interface Compiled {
  options: TransformOptions;
  result: InspectResult;
  output: t.File;
  input: InputIndex;
  states: StateStatements[];
  consumer: SourceMapConsumer;
}

// Each fixture is compiled, parsed and its map loaded once per runtime, whichever test asks first.
const compiled = new Map<string, Promise<Compiled>>();
afterAll(async () => {
  for (const entry of compiled.values()) (await entry.catch(() => null))?.consumer.destroy();
});

function compile(code: string, options: TransformOptions): Promise<Compiled> {
  const result = inspect(code, options);
  const output = parseCode(result.code, options);
  const input = indexInput(parseCode(code, options));
  if (!result.map) throw new Error("no source map");
  return new SourceMapConsumer(result.map as RawSourceMap).then((consumer) => ({
    options,
    result,
    output,
    input,
    states: stateStatements(output, result.functions),
    consumer,
  }));
}

function compileFixture(fixture: Fixture, runtime: Runtime): Promise<Compiled> {
  const key = `${fixture.name}\0${runtime}`;
  let entry = compiled.get(key);
  if (!entry) {
    entry = compile(fixture.input, { ...goldenOptions(fixture), runtime, sourceMaps: true } as TransformOptions);
    compiled.set(key, entry);
  }
  return entry;
}

interface Original {
  source: string;
  line: number;
  column: number;
}

/** The original position of a generated one (line from 1, column from 0), or null where it maps to nothing. */
function originalOf(consumer: SourceMapConsumer, position: { line: number; column: number }): Original | null {
  const found = consumer.originalPositionFor(position);
  return found.source === null || found.line === null ? null : { source: found.source, line: found.line, column: found.column ?? 0 };
}

function describeOriginal(original: Original | null): string {
  return original ? `${original.source}:${original.line}:${original.column}` : "nothing";
}

function excerpt(code: string, line: number, column: number): string {
  return JSON.stringify(code.split("\n")[line - 1]?.slice(column, column + 40));
}

function where(fn: { id: number; name: string }, state: { id: number; kind: string }): string {
  return `function ${fn.id} (${fn.name || "anonymous"}) state ${state.id} (${state.kind})`;
}

/**
 * The states whose code does not begin with a statement mapped to where it
 * begins, in `source`. `expectedAt` turns a line of the compiled input into the
 * line expected there (the same line, unless the input came with a map of its own).
 */
function misplacedStates(c: Compiled, source: string, expectedAt: (line: number) => number = (line) => line): string[] {
  const composed = expectedAt(1) !== 1 || source !== c.options.filename;
  const { consumer, input, result } = c;
  const problems: string[] = [];
  let checked = 0;
  for (const { fn, state, statements } of c.states) {
    if (!state.source || statements.length === 0) continue;
    const line = entryLine(input, state.source, state.kind);
    if (line === null) continue;
    const expected = expectedAt(line);
    // The first statement that maps anywhere: statements before it map to
    // nothing, as helper code may. The instantiation of a function declared
    // in the code, hoisted to its top, maps to that declaration (which is not
    // the function the state is in), not to where the code begins.
    const own = fn.source ? `${fn.source.start.line}:${fn.source.start.column}` : "";
    const hoisted = (o: Original) => `${o.line}:${o.column}` !== own && input.functionDeclarations.has(`${o.line}:${o.column}`);
    const first = statements.map((statement) => ({ statement, original: originalOf(consumer, statement.loc!.start) })).find(({ original }) => original && !hoisted(original));
    // A state that only hands over to the next (`_m.s = 2;`, entering a
    // protected region after a resume) has no code of its own to place.
    if (!first && statements.every(isHandOver)) continue;
    checked++;
    const at = `${where(fn, state)}, source ${describeRange(state.source)}`;
    if (!first) {
      const { line: l, column } = statements[0].loc!.start;
      problems.push(`${at}: no statement maps anywhere; the first, ${excerpt(result.code, l, column)} at ${l}:${column}, should map to line ${expected}`);
      continue;
    }
    const original = first.original!;
    // A state that begins inside a statement written over several lines
    // (resuming in the middle of an object literal, a class or a
    // destructuring pattern) may begin with code of an earlier line of that
    // statement: it is still the statement the code came from.
    // (Through a map of the input, statements of the input are not where the map points.)
    const statement = composed ? null : simpleStatementAt(input, state.source.start);
    const sameStatement = statement !== null && statement.loc!.start.line !== statement.loc!.end.line && holds(statement, original);
    if (original.source !== source) {
      problems.push(`${at}: maps to ${describeOriginal(original)}, not into ${source}`);
    } else if (original.line !== expected && !sameStatement) {
      const { line: l, column } = first.statement.loc!.start;
      problems.push(`${at}: ${excerpt(result.code, l, column)} at ${l}:${column} maps to ${describeOriginal(original)}, expected line ${expected}`);
    }
  }
  // (A fixture whose lowered functions are all empty has no code to check.)
  if (checked === 0 && c.states.some(({ state, statements }) => state.source && statements.length > 0)) problems.push("no state was checked");
  return problems;
}

/** `_m.s = 3;` or `continue;`: the machine moving on, not code of the input. */
function isHandOver(statement: t.Statement): boolean {
  if (t.isContinueStatement(statement)) return true;
  if (!t.isExpressionStatement(statement) || !t.isAssignmentExpression(statement.expression)) return false;
  const { left } = statement.expression;
  return t.isMemberExpression(left) && t.isIdentifier(left.property, { name: "s" }) && t.isIdentifier(left.object) && /^_m\d*$/.test(left.object.name);
}

const allFixtures = fixtures.map((f) => [f.name, f] as const);

describe.each(RUNTIMES)('runtime "%s"', (runtime) => {
  it.each(allFixtures)("every exit goes to a state of its function or leaves it: %s", async (_name, fixture) => {
    const { result } = await compileFixture(fixture, runtime);
    expect(result.functions.length, "the fixture lowers something").toBeGreaterThan(0);
    const bad: string[] = [];
    for (const fn of result.functions) {
      const ids = new Set(fn.states.map((s) => s.id));
      expect(ids.size, `function ${fn.id} (${fn.name}): state ids are unique`).toBe(fn.states.length);
      expect(
        fn.states.some((s) => s.output),
        `function ${fn.id} (${fn.name}): inspect found its states in the output`,
      ).toBe(true);
      for (const state of fn.states) {
        for (const exit of state.exits) {
          if (exit.to !== null && !ids.has(exit.to)) bad.push(`${where(fn, state)}: ${exit.kind} to ${exit.to}`);
        }
      }
      for (const region of fn.regions) {
        for (const target of [region.onThrow, region.onReturn]) {
          if (target !== null && !ids.has(target)) bad.push(`function ${fn.id} (${fn.name}) try region ${region.start}-${region.end}: handler ${target}`);
        }
      }
    }
    expect(bad.join("\n")).toBe("");
  });

  {
    const title = "each state's code begins with a statement mapped to where that code begins in the input: %s";
    it.each(allFixtures)(title, async (_name, fixture) => {
      const c = await compileFixture(fixture, runtime);
      expect(misplacedStates(c, fixture.inputFile).join("\n")).toBe("");
    });
  }

  {
    const title = "the code of states the compiler made maps to nothing: %s";
    it.each(allFixtures)(title, async (_name, fixture) => {
      const { states, consumer, result } = await compileFixture(fixture, runtime);
      const problems = states
        .filter(({ state }) => !state.source)
        .flatMap(({ fn, state, statements }) =>
          statements.flatMap((statement) => {
            const original = originalOf(consumer, statement.loc!.start);
            const { line, column } = statement.loc!.start;
            return original ? [`${where(fn, state)}: ${excerpt(result.code, line, column)} at ${line}:${column} maps to ${describeOriginal(original)}`] : [];
          }),
        );
      expect(problems.join("\n")).toBe("");
    });
  }

  {
    const title = "the runtime's binding and the compiler's bookkeeping map to nothing: %s";
    it.each(allFixtures)(title, async (_name, fixture) => {
      const { output, input, consumer, result } = await compileFixture(fixture, runtime);
      const problems: string[] = [];
      // The binding: `import * as _awaitless from "awaitless/runtime"`, or
      // `var _awaitless = (function () { ...the runtime... })()`, all of it.
      const binding = runtimeBinding(output);
      expect(binding, "the output has its runtime binding").toBeTruthy();
      const leaks: string[] = [];
      consumer.eachMapping((m) => {
        if (m.source !== null && within(binding!, m.generatedLine, m.generatedColumn)) {
          leaks.push(`${m.generatedLine}:${m.generatedColumn} ${excerpt(result.code, m.generatedLine, m.generatedColumn)} maps to ${m.source}:${m.originalLine}:${m.originalColumn}`);
        }
      });
      // (The first few say enough.)
      if (leaks.length) problems.push(`the runtime binding has ${leaks.length} mappings, such as\n${leaks.slice(0, 3).join("\n")}`);
      // `_awaitless.markAsync(f)` where `f` is hoisted to: it maps nowhere, or to `f`'s declaration.
      t.traverseFast(output.program, (node) => {
        if (!t.isExpressionStatement(node) || !isRuntimeCall(node.expression, "markAsync")) return;
        const original = originalOf(consumer, node.loc!.start);
        if (original && !input.functionDeclarations.has(`${original.line}:${original.column}`)) {
          const { line, column } = node.loc!.start;
          problems.push(`${excerpt(result.code, line, column)} at ${line}:${column} maps to ${describeOriginal(original)}`);
        }
      });
      expect(problems.join("\n")).toBe("");
    });
  }
});

function within(node: t.Node, line: number, column: number): boolean {
  const { start, end } = node.loc!;
  return (line > start.line || (line === start.line && column >= start.column)) && (line < end.line || (line === end.line && column < end.column));
}

function isRuntimeName(node: t.Node): boolean {
  return t.isIdentifier(node) && /^_awaitless\d*$/.test(node.name);
}

function isRuntimeCall(node: t.Node, helper: string): boolean {
  return t.isCallExpression(node) && t.isMemberExpression(node.callee) && isRuntimeName(node.callee.object) && t.isIdentifier(node.callee.property, { name: helper });
}

/** The statement that binds the runtime at the top of the program: its import (or `require`), or its inlined code. */
function runtimeBinding(ast: t.File): t.Statement | undefined {
  return ast.program.body.find(
    (s) =>
      (t.isImportDeclaration(s) && s.specifiers.some((spec) => isRuntimeName(spec.local))) ||
      (t.isVariableDeclaration(s) && s.declarations.length === 1 && isRuntimeName(s.declarations[0].id)),
  );
}

{
  const title = "every input line that holds code is in the map: %s";
  it.each(allFixtures)(title, async (_name, fixture) => {
    const { consumer, options } = await compileFixture(fixture, "import");
    const mapped = new Set<number>();
    consumer.eachMapping((m) => {
      if (m.source === fixture.inputFile) mapped.add(m.originalLine);
    });
    const sourceLines = fixture.input.split("\n");
    const lost = codeLines(parseCode(fixture.input, options))
      .filter((line) => !mapped.has(line))
      .map((line) => `${line}: ${sourceLines[line - 1]}`);
    expect(lost.join("\n")).toBe("");
  });
}

// ---- composition with a map of the input ---------------------------------------

const TS_SOURCE = `// A service written in TypeScript: types vanish, so the JavaScript tsc
// writes has its lines in other places than the source.
interface Row {
  id: number;
  name: string;
}

type Loader = (id: number) => Promise<Row | undefined>;

export class UserService {
  constructor(private readonly load: Loader) {}

  async findName(id: number): Promise<string> {
    const row: Row | undefined = await this.load(id);
    if (!row) {
      throw new Error(\`no user \${id}\`);
    }
    return row.name.toUpperCase();
  }
}

export async function* names(service: UserService, ids: readonly number[]): AsyncGenerator<string> {
  for (const id of ids) {
    yield await service.findName(id);
  }
}
`;

describe("composition with an input source map (tsc output)", () => {
  const tsc = ts.transpileModule(TS_SOURCE, {
    fileName: "service.ts",
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: true, inlineSources: true },
  });
  const js = tsc.outputText.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
  const tscMap = JSON.parse(tsc.sourceMapText!) as RawSourceMap;
  const composed = compile(js, { filename: "service.js", sourceMaps: true, inputSourceMap: tscMap, runtime: "import" });
  compiled.set("service.ts", composed);

  it("tsc kept async syntax for awaitless to lower, with lines in other places than the source", async () => {
    const { result } = await composed;
    expect(js).toMatch(/async findName/);
    const lineOf = (code: string) => code.split("\n").findIndex((l) => l.includes("await this.load(id)"));
    expect(lineOf(js)).not.toBe(lineOf(TS_SOURCE));
    expect(result.functions.map((f) => f.name)).toEqual(["findName", "names"]);
  });

  it("the map names the TypeScript source and carries its text", async () => {
    const { result } = await composed;
    expect(result.map!.sources).toEqual(["service.ts"]);
    expect(result.map!.sourcesContent?.[0]).toBe(TS_SOURCE);
  });

  // Tokens the compiled code keeps, each looked up where it is in the output
  // and expected at its place in the TypeScript source.
  const TOKENS: Array<[output: RegExp, source: string]> = [
    // (The step function reads the wrapper's copy of `this`: `_this.load(id)`.)
    [/\b_this\.load\(id\)/, "this.load(id)"],
    [/\bthrow new Error/, "throw new Error"],
    [/\bnew Error/, "new Error"],
    [/\brow\.name\.toUpperCase\(\)/, "row.name.toUpperCase()"],
    [/\btoUpperCase\b/, "toUpperCase"],
    [/\bservice\.findName\(id\)/, "service.findName(id)"],
    [/(?<=\.)findName\(id\)/, "findName(id)"],
  ];

  it.each(TOKENS.map(([output, source]) => [source, output, source] as const))("%s maps to its place in service.ts", async (_label, output, source) => {
    const { result, consumer } = await composed;
    const expected = positionOf(TS_SOURCE, source);
    expect(describeOriginal(originalOf(consumer, positionOf(result.code, output)))).toBe(`service.ts:${expected.line}:${expected.column}`);
  });

  const title = "each state's code begins with a statement mapped into service.ts, on the line where that code begins";
  it(title, async () => {
    const c = await composed;
    // The state model speaks of the JavaScript tsc wrote; tsc's own map takes its lines to the source.
    const tscConsumer = await new SourceMapConsumer(tscMap);
    try {
      const jsLines = js.split("\n");
      const problems = misplacedStates(c, "service.ts", (line) => tscConsumer.originalPositionFor({ line, column: jsLines[line - 1].search(/\S/) }).line ?? 0);
      expect(problems.join("\n")).toBe("");
    } finally {
      tscConsumer.destroy();
    }
  });
});

/** Line (from 1) and column (from 0) of the first match of a pattern (or text) in code. */
function positionOf(code: string, pattern: RegExp | string): { line: number; column: number } {
  const index = typeof pattern === "string" ? code.indexOf(pattern) : code.search(pattern);
  if (index < 0) throw new Error(`${pattern} not found`);
  const before = code.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1].length };
}
