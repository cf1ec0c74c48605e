// Explicit resource management, lowered before any function is: each scope
// that declares `using` or `await using` resources becomes a `try` whose
// `finally` disposes them through the runtime (runtime/disposal.ts). What
// is left is plain JavaScript. A scope with only `using` has no await; an
// `await using` scope's disposal awaits in its `finally`, ordinary awaits
// that the function's lowering turns into states like any other, so they
// cost the promise jobs native ones cost.
//
//   { A; using x = f(); B }
//
// becomes
//
//   {
//     const _s = _awaitless.disposables();
//     try { A; const x = f(); _awaitless.using(_s, x, false); B; }
//     catch (_e) { _awaitless.disposeFailed(_s, _e); }
//     finally { _awaitless.disposeSync(_s); }
//   }
//
// and with an `await using` among the declarations the `finally` is
//
//     while (_awaitless.disposeNext(_s)) try { await _s.v; } catch (_e2) { _awaitless.disposeFailed(_s, _e2); }
//     _awaitless.disposeEnd(_s);
//
// The scopes, as the specification draws them:
//   - a block, a function body, a static block: its statements go into the
//     `try` (the declarations stay in one block, so what they see is unchanged);
//   - `for (using x = …; …; …)`: the resources live until the loop ends, so the
//     loop goes into it, its declaration just before it (a `const` the loop
//     copies per iteration is the same value in every copy);
//   - `for (using x of …)` and `for await (…)`: one scope per iteration: the
//     head declares a `const`, and the body, kept as its own block, goes into it.
// A label stays on its loop, inside the `try`. (A `using` cannot stand
// directly in a `switch` case: the parser rejects it, as the language does.)
//
// The top level of a module is not lowered (its `await using` is top-level
// await, which belongs to the engine, as README says).

import * as t from "@babel/types";
import { runtimeCall, type RuntimeHelper, type RuntimeRef } from "./runtime-ref.js";
import { eachChild } from "../ast/children.js";
import { replaceInPlace } from "../ast/replace-in-place.js";

type ResourceKind = "using" | "await using";

interface Naming {
  runtime: RuntimeRef;
  unique(hint: string): string;
}

/** Lowers every resource scope in `program`; returns whether it found one. */
export function lowerResourceScopes(program: t.Program, naming: Naming): boolean {
  let found = false;
  // Inner scopes first (each rewrite then moves statements already lowered),
  // except a `for (using …;;)`, which becomes a scope around itself first.
  const visit = (node: t.Node): void => {
    if (lowerForHead(node, naming)) found = true;
    eachChild(node, visit);
    if ((node.type === "BlockStatement" || node.type === "StaticBlock") && declaresResources(node.body)) {
      node.body = scopeOf(node.body, naming);
      found = true;
    } else if (node.type === "ForOfStatement" && isResourceDeclaration(node.left)) {
      lowerForOfHead(node, naming);
      found = true;
    }
  };
  visit(program);
  return found;
}

export function isResourceDeclaration(node: t.Node | null | undefined): node is t.VariableDeclaration & { kind: ResourceKind } {
  return node?.type === "VariableDeclaration" && (node.kind === "using" || node.kind === "await using");
}

function declaresResources(statements: t.Statement[]): boolean {
  return statements.some(isResourceDeclaration);
}

/**
 * `for (using x = …; …; …)`, labelled or not, wherever it stands: becomes, in
 * place, a block with the scope around the loop (its label stays on it).
 */
function lowerForHead(node: t.Node, naming: Naming): boolean {
  if (node.type !== "ForStatement" && node.type !== "LabeledStatement") return false;
  const loop = unlabelled(node);
  if (loop.type !== "ForStatement" || !isResourceDeclaration(loop.init)) return false;
  const declaration = loop.init;
  loop.init = null;
  const moved = { ...node } as t.Statement;
  const block = at(t.blockStatement(scopeOf([declaration, moved], naming)), node);
  replaceInPlace(node, block);
  return true;
}

function unlabelled(statement: t.Statement): t.Statement {
  return statement.type === "LabeledStatement" ? unlabelled(statement.body) : statement;
}

/** `for (using x of xs) body` → `for (const x of xs) { <scope: using(x); { body }> }` */
function lowerForOfHead(loop: t.ForOfStatement, naming: Naming): void {
  const declaration = loop.left as t.VariableDeclaration;
  const kind = declaration.kind as ResourceKind;
  const id = declaration.declarations[0].id as t.Identifier;
  declaration.kind = "const";
  const body = loop.body.type === "BlockStatement" ? loop.body : t.blockStatement([loop.body]);
  const scope = newScope(naming, kind === "await using");
  // Where the body was: lowering reads positions (a head binding is initialised where the body starts).
  loop.body = at(t.blockStatement(scope.wrap([t.expressionStatement(scope.use(id, kind, loop.body.start)), body])), loop.body);
}

/** `node`, placed where `original` stands in the source. */
function at<T extends t.Node>(node: T, original: t.Node): T {
  node.start = original.start;
  node.end = original.end;
  node.loc = original.loc;
  return node;
}

/**
 * The statements of a scope: its resource declarations become `const`s, each
 * followed by its `using` call, and everything goes into the `try`.
 */
function scopeOf(statements: t.Statement[], naming: Naming): t.Statement[] {
  const isAsync = statements.some((s) => isResourceDeclaration(s) && s.kind === "await using");
  const scope = newScope(naming, isAsync);
  return scope.wrap(statements.flatMap((statement) => (isResourceDeclaration(statement) ? declareEach(statement, scope) : [statement])));
}

/** `using a = f(), b = g();` → `const a = f(); using(_s, a); const b = g(); using(_s, b);` */
function declareEach(declaration: t.VariableDeclaration, scope: Scope): t.Statement[] {
  const kind = declaration.kind as ResourceKind;
  return declaration.declarations.flatMap((declarator) => {
    const single = t.variableDeclaration("const", [declarator]);
    single.loc = declaration.loc;
    return [single, t.expressionStatement(scope.use(declarator.id as t.Identifier, kind, declarator.end))];
  });
}

interface Scope {
  /** The call that adds the resource; `position`: where the binding is initialised. */
  use(id: t.Identifier, kind: ResourceKind, position: number | null | undefined): t.Expression;
  wrap(body: t.Statement[]): t.Statement[];
}

function newScope(naming: Naming, isAsync: boolean): Scope {
  const stack = naming.unique("disposables");
  const call = (helper: RuntimeHelper, ...args: t.Expression[]) => runtimeCall(naming, helper, args);
  const failed = (error: string) => t.catchClause(t.identifier(error), t.blockStatement([t.expressionStatement(call("disposeFailed", t.identifier(stack), t.identifier(error)))]));
  return {
    // The resource is read where its binding is initialised (what TDZ analysis compares positions with).
    use: (id, kind, position) => {
      const read = t.identifier(id.name);
      read.start = read.end = position;
      return call("using", t.identifier(stack), read, t.booleanLiteral(kind === "await using"));
    },
    wrap(body) {
      const dispose: t.Statement[] = isAsync
        ? [
            t.whileStatement(
              call("disposeNext", t.identifier(stack)),
              t.tryStatement(
                t.blockStatement([t.expressionStatement(t.awaitExpression(t.memberExpression(t.identifier(stack), t.identifier("v"))))]),
                failed(naming.unique("error")),
              ),
            ),
            t.expressionStatement(call("disposeEnd", t.identifier(stack))),
          ]
        : [t.expressionStatement(call("disposeSync", t.identifier(stack)))];
      return [
        t.variableDeclaration("const", [t.variableDeclarator(t.identifier(stack), runtimeCall(naming, "disposables", []))]),
        t.tryStatement(t.blockStatement(body), failed(naming.unique("error")), t.blockStatement(dispose)),
      ];
    },
  };
}
