// inspect(): the state model of every lowered function, with where each
// function and each state's `case` ended up in the output. Those output
// ranges come from parsing the output, which plain `transform` does not
// pay for.

import { parse } from "@babel/parser";
import * as t from "@babel/types";
import { normalizeOptions, type TransformOptions } from "./options.js";
import { transformOnThisStack, type TransformResult } from "./transform.js";
import { parserPlugins } from "./parse.js";
import { retryOnLargeStack } from "../host/large-stack.js";
import { rangeOf } from "../lower/states/describe.js";
import { STEP_STARTERS, stepFunctionOf } from "../lower/start-helpers.js";
import type { FunctionModel } from "./model.js";
import { eachValueChild } from "../ast/children.js";

export type InspectResult = TransformResult;


export function inspect(code: string, options?: TransformOptions): InspectResult {
  // Deeply nested input: the whole of inspect again on a large stack, as transform does.
  return retryOnLargeStack("inspect", code, options, inspectOnThisStack);
}

/** inspect itself; a stack overflow escapes as the RangeError it is. */
export function inspectOnThisStack(code: string, options?: TransformOptions): InspectResult {
  const { result, runtimeName } = transformOnThisStack(code, options);
  if (result.functions.length > 0 && runtimeName) attachOutputRanges(result, runtimeName, options);
  return result;
}

function attachOutputRanges(result: TransformResult, runtimeName: string, options?: TransformOptions): void {
  const opts = normalizeOptions(options);
  const ast = parse(result.code, { sourceType: opts.sourceType, plugins: parserPlugins(opts) });
  const starts: Array<{ call: t.CallExpression; wrapper: t.Function | null }> = [];
  const functions: t.Function[] = [];
  const visit = (node: t.Node) => {
    const isFunction = t.isFunction(node);
    if (isFunction) functions.push(node);
    if (node.type === "CallExpression" && isStart(node, runtimeName)) {
      starts.push({ call: node, wrapper: functions[functions.length - 1] ?? null });
    }
    eachValueChild(node, visit);
    if (isFunction) functions.pop();
  };
  visit(ast.program);
  if (starts.length !== result.functions.length) return;
  starts.forEach(({ call, wrapper }, i) => describeOutput(result.functions[i], call, wrapper));
}

function isStart(call: t.CallExpression, runtimeName: string): boolean {
  const callee = call.callee;
  return (
    callee.type === "MemberExpression" &&
    callee.object.type === "Identifier" &&
    callee.object.name === runtimeName &&
    callee.property.type === "Identifier" &&
    STEP_STARTERS.has(callee.property.name) &&
    stepFunctionOf(call) !== null
  );
}

function describeOutput(model: FunctionModel, call: t.CallExpression, wrapper: t.Function | null): void {
  model.output = rangeOf(wrapper?.loc ?? call.loc);
  const step = stepFunctionOf(call)!;
  const body = step.body.type === "BlockStatement" ? step.body.body : [];
  const dispatch = findDispatch(body);
  for (const state of model.states) state.output = null;
  if (!dispatch) {
    if (model.states[0]) model.states[0].output = rangeOf(step.body.loc);
    return;
  }
  for (const clause of dispatch.cases) {
    if (clause.test?.type !== "NumericLiteral") continue;
    const state = model.states[clause.test.value];
    if (state) state.output = rangeOf(clause.loc);
  }
}

/** The `switch (_m.s)` of a step function, under its optional `for (;;)` and label. */
function findDispatch(body: t.Statement[]): t.SwitchStatement | null {
  let statement: t.Statement | undefined = body[0];
  if (statement?.type === "LabeledStatement") statement = statement.body;
  if (statement?.type === "ForStatement") statement = statement.body;
  return statement?.type === "SwitchStatement" ? statement : null;
}
