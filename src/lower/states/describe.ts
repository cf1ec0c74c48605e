// Records what lowering made of a function as the public state model.

import type * as t from "@babel/types";
import type { NodePath } from "../../host/babel.js";
import type { LowerContext } from "../context.js";
import type { FunctionKind } from "../suspension.js";
import type { FunctionModel, FunctionForm, SourceRange, StateExitModel } from "../../pipeline/model.js";
import { isSourced } from "./source-position.js";

const KIND_NAMES = { async: "async", generator: "generator", asyncGenerator: "async generator" } as const;

export function rangeOf(loc: t.SourceLocation | null | undefined): SourceRange | null {
  if (!isSourced(loc)) return null;
  return {
    start: { line: loc.start.line, column: loc.start.column },
    end: { line: loc.end.line, column: loc.end.column },
  };
}

export function describeFunction(
  path: NodePath<t.Function>,
  kind: FunctionKind,
  ctx: LowerContext,
  tries: number[],
  inferred: string | null,
): FunctionModel {
  const node = path.node;
  const form: FunctionForm =
    node.type === "ArrowFunctionExpression"
      ? "arrow"
      : node.type === "FunctionDeclaration"
        ? "declaration"
        : node.type === "FunctionExpression"
          ? "expression"
          : "method";
  const regions: FunctionModel["regions"] = [];
  for (let i = 0; i < tries.length; i += 4) {
    regions.push({ start: tries[i], end: tries[i + 1], onThrow: tries[i + 2], onReturn: tries[i + 3] || null });
  }
  return {
    id: -1,
    name: nameOf(node, inferred),
    kind: KIND_NAMES[kind],
    form,
    source: rangeOf(node.loc),
    states: ctx.emitter.states.map((state) => {
      const exits = state.exits.flatMap((exit): StateExitModel[] =>
        exit.targets ? exit.targets.map((target) => ({ kind: exit.kind, to: target.id ?? null })) : [{ kind: exit.kind, to: exit.target?.id ?? null }],
      );
      // An exception raised in the state goes to the innermost handler protecting it.
      const handler = regions.find((r) => r.start <= state.id && state.id < r.end);
      if (handler) exits.push({ kind: "catch", to: handler.onThrow });
      return { id: state.id, kind: state.kind, source: rangeOf(state.loc), exits };
    }),
    regions,
  };
}

function nameOf(node: t.Function, inferred: string | null): string {
  if ((node.type === "FunctionDeclaration" || node.type === "FunctionExpression") && node.id) return node.id.name;
  if (node.type === "ObjectMethod" || node.type === "ClassMethod") {
    const key = node.key;
    if (!node.computed && key.type === "Identifier") return key.name;
    if (key.type === "StringLiteral") return key.value;
    if (key.type === "NumericLiteral") return String(key.value);
    return "";
  }
  if (node.type === "ClassPrivateMethod") return `#${node.key.id.name}`;
  return inferred ?? "";
}
