// TypeScript's `enum` declared inside a function that is lowered.
//
// An enum is a statement that runs where it stands: it makes an object with
// a property per member (numeric members mapped back to their names too),
// evaluating computed initialisers in order, and it names a type. Left as a
// declaration inside a step function it would live for one resume only: a
// state after a suspension would read a binding that no longer exists. So
// before lowering, each such enum becomes the object TypeScript itself emits,
// built in place and held in a `let` the hoisting pass treats like any other:
//
//     enum Level { Low, High = Low + 2, Name = "n" }
//  →  let Level = function (Level: any) {
//       Level[Level["Low"] = 0] = "Low";
//       Level[Level["High"] = Level.Low + 2] = "High";
//       Level["Name"] = "n";
//       return Level;
//     }({});
//
// A later enum of the same name in the same block adds to the same object, as
// declaration merging does. The type becomes `any`, declared once at the top
// of the function, as a local class moved to the wrapper is typed `any`: the
// checker can no longer see the declaration.

import * as t from "@babel/types";
import { eachValueChild, isTypeOnly } from "../../ast/children.js";
import { anyTypeAliases } from "./ts-types.js";

/**
 * Rewrites every enum declared in a function `lowered` accepts (and not
 * inside a nested function it does not); returns whether any was rewritten.
 */
export function lowerLocalEnums(program: t.Program, lowered: (fn: t.Function) => boolean): boolean {
  let changed = false;
  /** The lowered function being walked, and the names of the enums rewritten in it. */
  let current: { fn: t.Function; enums: Set<string> } | null = null;
  const visit = (node: t.Node): void => {
    const outer = current;
    if (t.isFunction(node)) current = lowered(node) ? { fn: node, enums: new Set() } : null;
    if (current && (node.type === "BlockStatement" || node.type === "SwitchCase")) {
      const body = node.type === "BlockStatement" ? node.body : node.consequent;
      if (body.some(isLocalEnum)) {
        for (const name of replaceEnums(body)) current.enums.add(name);
        changed = true;
      }
    }
    eachValueChild(node, (child) => {
      visit(child);
    });
    // At the top of the function body, from where hoisting moves it to the wrapper.
    if (current && current.fn === node && node.body.type === "BlockStatement") node.body.body.unshift(...anyTypeAliases(node, current.enums));
    current = outer;
  };
  visit(program);
  return changed;
}

function isLocalEnum(statement: t.Statement): statement is t.TSEnumDeclaration {
  return statement.type === "TSEnumDeclaration" && !statement.declare;
}

/** Replaces the enums among `body`'s statements; returns their names. */
function replaceEnums(body: t.Statement[]): Set<string> {
  const declared = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const statement = body[i];
    if (!isLocalEnum(statement)) continue;
    const name = statement.id.name;
    const first = !declared.has(name);
    declared.add(name);
    const build = t.callExpression(enumBuilder(statement), [first ? t.objectExpression([]) : t.identifier(name)]);
    const declaration = first ? t.variableDeclaration("let", [t.variableDeclarator(t.identifier(name), build)]) : t.expressionStatement(build);
    body[i] = { ...declaration, loc: statement.loc, start: statement.start, end: statement.end };
  }
  return declared;
}

/** `function (E) { E[E["A"] = 0] = "A"; …; return E; }`: the members, in order, on the object passed in. */
function enumBuilder(declaration: t.TSEnumDeclaration): t.FunctionExpression {
  const self = declaration.id.name;
  // Babel 7 keeps the members on the declaration, Babel 8 in its `body`.
  const declared = declaration.body?.members ?? declaration.members;
  const members = declared.map(memberName);
  const strings = new Set<string>();
  /** Members whose value TypeScript computes as a number: a member without initialiser counts on from one. */
  const numbers = new Set<string>();
  const statements: t.Statement[] = [];
  let previous: string | null = null;
  for (const [index, member] of declared.entries()) {
    const name = members[index];
    // Without an initialiser: 0 first, else one more than a numeric constant
    // before it; after any other member TypeScript reports an error and emits `void 0`.
    const value = member.initializer
      ? qualifyMembers(member.initializer, self, new Set(members))
      : previous === null
        ? t.numericLiteral(0)
        : numbers.has(previous)
          ? t.binaryExpression("+", memberOf(self, previous), t.numericLiteral(1))
          : t.unaryExpression("void", t.numericLiteral(0));
    if (member.initializer ? isNumericConstant(member.initializer, self, numbers) : previous === null || numbers.has(previous)) numbers.add(name);
    const store = t.assignmentExpression("=", t.memberExpression(t.identifier(self), t.stringLiteral(name), true), value);
    // A member whose value TypeScript knows to be a string has no reverse mapping.
    const isString = member.initializer ? isStringConstant(member.initializer, strings) : false;
    if (isString) strings.add(name);
    const statement = isString
      ? t.expressionStatement(store)
      : t.expressionStatement(t.assignmentExpression("=", t.memberExpression(t.identifier(self), store, true), t.stringLiteral(name)));
    // Each member's statement maps to the member (source maps, states annotated with their lines).
    statements.push({ ...statement, loc: member.loc, start: member.start, end: member.end });
    previous = name;
  }
  statements.push(t.returnStatement(t.identifier(self)));
  // Only TypeScript has enums: the object is `any` to the checker.
  const param = t.identifier(self);
  param.typeAnnotation = t.tsTypeAnnotation(t.tsAnyKeyword());
  return t.functionExpression(null, [param], t.blockStatement(statements));
}

function memberName(member: t.TSEnumMember): string {
  return member.id.type === "Identifier" ? member.id.name : member.id.value;
}

function memberOf(self: string, name: string): t.MemberExpression {
  return t.isValidIdentifier(name) ? t.memberExpression(t.identifier(self), t.identifier(name)) : t.memberExpression(t.identifier(self), t.stringLiteral(name), true);
}

/**
 * An initialiser sees the members by their bare names (`High = Low + 2`):
 * they become reads of the object (`Level.Low`), unless a function inside the
 * initialiser binds the name itself.
 */
function qualifyMembers(initializer: t.Expression, self: string, members: Set<string>): t.Expression {
  const rewrite = (node: t.Node, parent: t.Node | null, grandparent: t.Node | null, shadowed: Set<string>): t.Node => {
    if (node.type === "Identifier" && members.has(node.name) && !shadowed.has(node.name) && (!parent || t.isReferenced(node, parent, grandparent ?? undefined))) {
      return memberOf(self, node.name);
    }
    if (t.isFunction(node)) {
      shadowed = new Set(shadowed);
      for (const param of node.params) for (const bound of Object.keys(t.getBindingIdentifiers(param))) shadowed.add(bound);
    }
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        child.forEach((item, i) => {
          if (item && typeof item === "object" && !isTypeOnly(item as t.Node)) child[i] = rewrite(item as t.Node, node, parent, shadowed);
        });
      } else if (child && typeof child === "object" && !isTypeOnly(child as t.Node)) {
        (node as unknown as Record<string, unknown>)[key] = rewrite(child as t.Node, node, parent, shadowed);
      }
    }
    return node;
  };
  return rewrite(initializer, null, null, new Set()) as t.Expression;
}

const NUMERIC_OPERATORS = new Set(["+", "-", "*", "/", "%", "**", "|", "&", "^", "<<", ">>", ">>>"]);

/**
 * Is the initialiser a constant TypeScript computes as a number: a numeric
 * literal, an earlier numeric member (by bare name or through the enum), or
 * arithmetic on those?
 */
function isNumericConstant(node: t.Expression, self: string, numbers: Set<string>): boolean {
  switch (node.type) {
    case "NumericLiteral":
      return true;
    case "ParenthesizedExpression":
      return isNumericConstant(node.expression, self, numbers);
    case "UnaryExpression":
      return (node.operator === "-" || node.operator === "+" || node.operator === "~") && isNumericConstant(node.argument, self, numbers);
    case "BinaryExpression":
      return NUMERIC_OPERATORS.has(node.operator) && node.left.type !== "PrivateName" && isNumericConstant(node.left, self, numbers) && isNumericConstant(node.right, self, numbers);
    case "Identifier":
      return numbers.has(node.name);
    case "MemberExpression": {
      const key = node.computed ? (node.property.type === "StringLiteral" ? node.property.value : null) : node.property.type === "Identifier" ? node.property.name : null;
      return node.object.type === "Identifier" && node.object.name === self && key !== null && numbers.has(key);
    }
    default:
      return false;
  }
}

/** Does TypeScript know the initialiser's value is a string (a string constant expression)? */
function isStringConstant(node: t.Expression, stringMembers: Set<string>): boolean {
  switch (node.type) {
    case "StringLiteral":
    case "TemplateLiteral":
      return true;
    case "ParenthesizedExpression":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
      return isStringConstant(node.expression, stringMembers);
    case "Identifier":
      return stringMembers.has(node.name);
    case "BinaryExpression":
      return node.operator === "+" && node.left.type !== "PrivateName" && (isStringConstant(node.left, stringMembers) || isStringConstant(node.right, stringMembers));
    default:
      return false;
  }
}
