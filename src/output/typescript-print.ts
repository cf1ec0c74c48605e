// What Babel's printer leaves ambiguous in TypeScript output, made plain.
//
// 1. Parentheses it leaves out around type assertions.
// Babel prints `x as T` by the precedence of a relational operator, which
// is not how TypeScript reads what follows a type: `(x as T) < y` printed as
// `x as T < y` reads `T<y…` as type arguments, `(x as T) | y` as a union
// type, and `(o as T | undefined) ? a : b` as a nullable type `undefined?`.
// `<T>(a ?? b)` printed as `<T> a ?? b` asserts `a` alone. Lowering moves and
// rebuilds expressions, so the source's own parentheses (`extra`) cannot be
// trusted to survive; the output's are written here, as nodes the printer
// keeps, where a type assertion is the left operand of a binary or logical
// operator or the test of a conditional, and around the operand of a `<T>x`
// that binds less tightly than a unary operator.
//
// 2. A comparison TypeScript reads as type arguments. In `a < (b > (c))`
// TypeScript takes `<(b>` for type arguments and `(c)` for the call they
// start. The source cannot have meant that (it would not have parsed as
// TypeScript), but lowering can make it, by putting a temporary where an
// expression stood that could not be a type (`(x as T)`, `await y`):
// `0 < ((x as T) > (await y)())` becomes `0 < (_temp > (0, _m.v)())`. A name
// on the left of such a `>` is written `(name satisfies unknown)`: no type
// starts that way, and its type stays the name's (`(0, name)` would do too,
// but TypeScript reports a comma whose left side has no effect). And
// `(a < b) > (c)`, printed by precedence as `a < b > (c)`, reads as the
// same call, as does `f((a < b), c > (d))` printed `f(a < b, c > (d))`: a
// `<` comparison keeps parentheses as the left operand of a `>` operator and
// before a later element of an argument list, array or sequence.

import * as t from "@babel/types";

/** Makes the output unambiguous, in place, throughout `ast`. */
export function disambiguateForTypeScript(ast: t.Node): void {
  t.traverseFast(ast, (node) => {
    if (node.type === "BinaryExpression" && node.operator.startsWith(">") && isLessThan(node.left)) {
      node.left = t.parenthesizedExpression(node.left);
    }
    const list = listOf(node);
    if (list) for (let i = 0; i < list.length - 1; i++) if (isLessThan(list[i])) list[i] = t.parenthesizedExpression(list[i] as t.Expression);
    if (node.type === "BinaryExpression" && node.operator === "<" && node.right.type === "BinaryExpression" && node.right.operator === ">") {
      const inner = node.right;
      if (inner.left.type === "Identifier") inner.left = t.tsSatisfiesExpression(inner.left, t.tsUnknownKeyword());
    }
    if ((node.type === "BinaryExpression" || node.type === "LogicalExpression") && isAsOrSatisfies(node.left)) {
      node.left = t.parenthesizedExpression(node.left);
    } else if (node.type === "ConditionalExpression" && isAsOrSatisfies(node.test)) {
      node.test = t.parenthesizedExpression(node.test);
    } else if (node.type === "TSTypeAssertion" && bindsLooserThanUnary(node.expression)) {
      node.expression = t.parenthesizedExpression(node.expression);
    }
  });
}

function isLessThan(node: t.Node | null | undefined): node is t.BinaryExpression {
  return node?.type === "BinaryExpression" && node.operator === "<";
}

/** The elements of a comma-separated list of expressions, if `node` has one. */
function listOf(node: t.Node): Array<t.Node | null> | null {
  switch (node.type) {
    case "CallExpression":
    case "NewExpression":
    case "OptionalCallExpression":
      return node.arguments;
    case "ArrayExpression":
      return node.elements;
    case "SequenceExpression":
      return node.expressions;
    default:
      return null;
  }
}

function isAsOrSatisfies(node: t.Node): node is t.TSAsExpression | t.TSSatisfiesExpression {
  return node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression";
}

function bindsLooserThanUnary(node: t.Expression): boolean {
  switch (node.type) {
    case "BinaryExpression":
    case "LogicalExpression":
    case "ConditionalExpression":
    case "AssignmentExpression":
    case "ArrowFunctionExpression":
    case "YieldExpression":
    case "SequenceExpression":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
      return true;
    default:
      return false;
  }
}
