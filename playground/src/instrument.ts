// Instruments the compiled code that Run executes, so the run reports every
// state it enters: at the top of each `case N:` of function F's step
// function it adds `__awaitlessTrace(F, N, _m);` (and at the top of a step
// function that has a single state and so no `switch`). The additions stay
// on the lines they are put on, so line numbers in error messages still
// match the output panel. Nothing else changes: the states, the runtime
// calls and the timing are the compiler's.
//
// Step functions are found the way `inspect` finds them: the first argument
// of each `<runtime>.async(...)` (or `.asyncOnce`), `.generator(...)` or `.asyncGenerator(...)`
// call, in output order, which is the order of the function models.

import { parse } from "@babel/parser";
import { VISITOR_KEYS } from "@babel/types";
import type * as t from "@babel/types";
import { RUN_GLOBAL } from "./compiler.ts";
import { STEP_STARTERS, stepFunctionOf } from "../../src/lower/start-helpers.ts";

export const TRACE_HOOK = "__awaitlessTrace";

interface Edit {
  at: number;
  text: string;
}

/**
 * The instrumented code, or null when it cannot be instrumented (it does not
 * parse, or its step functions do not match the `functionCount` models).
 */
export function instrument(code: string, functionCount: number, sourceType: "module" | "script"): string | null {
  let ast: t.File;
  try {
    ast = parse(code, { sourceType, plugins: ["explicitResourceManagement", "importAttributes"] });
  } catch {
    return null;
  }
  const runtimeName = findRuntimeBinding(ast.program);
  if (!runtimeName) return functionCount === 0 ? code : null;
  const steps: t.Function[] = [];
  walk(ast.program, (node) => {
    if (node.type !== "CallExpression") return;
    const callee = node.callee;
    if (
      callee.type === "MemberExpression" &&
      callee.object.type === "Identifier" &&
      callee.object.name === runtimeName &&
      callee.property.type === "Identifier" &&
      STEP_STARTERS.has(callee.property.name)
    ) {
      const step = stepFunctionOf(node);
      if (step) steps.push(step);
    }
  });
  if (steps.length !== functionCount) return null;

  const edits: Edit[] = [];
  steps.forEach((step, fn) => {
    const param = step.params[0];
    if (!param || param.type !== "Identifier" || step.body.type !== "BlockStatement") return;
    const call = (state: number) => `${TRACE_HOOK}(${fn}, ${state}, ${param.name}); `;
    const dispatch = findDispatch(step.body.body);
    if (!dispatch) {
      edits.push({ at: step.body.start! + 1, text: call(0) });
      return;
    }
    for (const clause of dispatch.cases) {
      if (clause.test?.type !== "NumericLiteral") continue;
      const first = clause.consequent[0];
      edits.push({ at: first ? first.start! : clause.end!, text: call(clause.test.value) });
    }
  });
  edits.sort((a, b) => b.at - a.at);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
}

/** `var _awaitless = awaitlessRuntime;` → "_awaitless". */
function findRuntimeBinding(program: t.Program): string | null {
  for (const statement of program.body) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === "Identifier" && declarator.init?.type === "Identifier" && declarator.init.name === RUN_GLOBAL) {
        return declarator.id.name;
      }
    }
  }
  return null;
}

/** The `switch (_m.s)` of a step function, under its optional label and `for (;;)`. */
function findDispatch(body: t.Statement[]): t.SwitchStatement | null {
  let statement: t.Statement | undefined = body[0];
  if (statement?.type === "LabeledStatement") statement = statement.body;
  if (statement?.type === "ForStatement") statement = statement.body;
  return statement?.type === "SwitchStatement" ? statement : null;
}

/** Pre-order walk over every node (the order `inspect` numbers functions in). */
function walk(node: t.Node, visit: (node: t.Node) => void): void {
  visit(node);
  for (const key of VISITOR_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === "object") walk(item as t.Node, visit);
    } else if (child && typeof child === "object") {
      walk(child as t.Node, visit);
    }
  }
}
