// Identity for async and generator methods of object literals and classes.
//
// A generator's wrapper must reach its own function (its generator objects
// inherit from `fn.prototype`), and every compiled function is marked with
// its kind's prototype. A function expression can name itself; a method
// cannot, and turning it into a property with a function expression would
// change what it is (a sloppy function has own `caller` and `arguments`, and
// no home object for `super`; a class method is not enumerable). So the
// literal or class is wrapped instead, once per evaluation, in an arrow that
// keeps `this`, `arguments` and `super`, and its methods are marked as soon
// as it exists:
//
//     (() => {
//       var _method;
//       var _object = { *m() { return _awaitless.generator(step, this, _method); } };
//       _method = _awaitless.markMethod(_object, "m", _awaitless.markGenerator);
//       return _object;
//     })()
//
// A class expression is wrapped the same way; a class's instance methods are
// marked on its `prototype`, its static ones on the class. A class
// declaration stays a declaration (in TypeScript it also names a type): its
// variables are declared by a `let` just before it, in the same statement
// list, and its marks follow it. A block's `let` is made anew each time the
// block is entered, so there too each evaluation's methods refer to
// themselves.
//
// What stays unmarked, with the shared prototypes: a literal or class with an
// `await` or `yield` outside its methods (it cannot move into an arrow),
// private methods (no key reaches them from outside) and an anonymous
// `export default class`. A static initialiser that calls a generator method
// while the class is being defined runs before the mark.

import * as t from "@babel/types";
import type { NodePath } from "../host/babel.js";
import type { FunctionKind } from "./suspension.js";
import { MARK_HELPERS, runtimeCall, runtimeMember, type RuntimeRef } from "./runtime-ref.js";
import { suspendsItsFunction } from "../ast/own-code.js";
import { eachChild } from "../ast/children.js";
import { replaceInPlace } from "../ast/replace-in-place.js";
import { nameGivenBy, withName } from "./naming/inferred-names.js";

interface Mark {
  kind: FunctionKind;
  /** The method's own name for itself (generators), null for async methods. */
  self: t.Identifier | null;
  /** The method's key: a literal, or the temporary a computed key is stored in. */
  key: t.Expression;
  keyTemp: t.Identifier | null;
  /** A class's static method: marked on the class, not its prototype. */
  isStatic: boolean;
}

type MarkedMethod = t.ObjectMethod | t.ClassMethod;

export class MethodMarks {
  private readonly byObject = new Map<t.ObjectExpression, Mark[]>();
  /** By class body: lowering the function around a class may rebuild the class node around it. */
  private readonly byClassBody = new Map<t.ClassBody, Mark[]>();
  /** The name an anonymous class expression takes from where it stands, which the wrapper would hide. */
  private readonly classNames = new Map<t.ClassBody, string>();

  constructor(
    private readonly runtime: RuntimeRef,
    private readonly unique: (hint: string) => string,
    /** The output is TypeScript: the variables are declared `any`. */
    private readonly typescript = false,
  ) {}

  /**
   * Registers a method for marking. Returns its self-reference (null for an
   * async method), or undefined when its literal or class cannot be wrapped.
   */
  register(path: NodePath<MarkedMethod>, kind: FunctionKind): t.Identifier | null | undefined {
    const list = this.listFor(path);
    if (!list) return undefined;
    const method = path.node;
    const self = kind === "async" ? null : t.identifier(this.unique("method"));
    list.push({ kind, self, ...this.keyOf(method), isStatic: method.type === "ClassMethod" && method.static });
    return self;
  }

  /** Wraps every registered literal and class, in place (it may have moved into a step function by now). */
  finish(program: t.Program): void {
    for (const [object, marks] of this.byObject) replaceInPlace(object, this.wrapped(object, marks));
    if (this.byClassBody.size > 0) this.finishClasses(program);
  }

  private listFor(path: NodePath<MarkedMethod>): Mark[] | undefined {
    const holder = path.parentPath.node;
    if (holder.type === "ObjectExpression") {
      if (holder.properties.some(suspendsItsFunction)) return undefined;
      return listIn(this.byObject, holder);
    }
    const owner = path.parentPath.parentPath?.node;
    if (holder.type !== "ClassBody" || !owner || !t.isClass(owner) || path.node.kind !== "method") return undefined;
    if (suspendsItsFunction(owner) || (owner.type === "ClassDeclaration" && !owner.id)) return undefined;
    if (owner.type === "ClassExpression" && !owner.id && !this.classNames.has(holder)) {
      const name = nameGivenBy(path.parentPath.parentPath!.parent!, owner);
      if (name !== null) this.classNames.set(holder, name);
    }
    return listIn(this.byClassBody, holder);
  }

  private keyOf(method: MarkedMethod): Pick<Mark, "key" | "keyTemp"> {
    if (!method.computed && method.key.type === "Identifier") return { key: t.stringLiteral(method.key.name), keyTemp: null };
    if (method.key.type === "StringLiteral" || method.key.type === "NumericLiteral") return { key: t.cloneNode(method.key), keyTemp: null };
    // A well-known symbol (`[Symbol.iterator]`) is read again: its property cannot change, and
    // TypeScript knows the method by it (a class `implements Iterable<T>` through it).
    if (isWellKnownSymbol(method.key)) return { key: t.cloneNode(method.key), keyTemp: null };
    // A computed key is stored as it is evaluated, once and in order.
    const keyTemp = t.identifier(this.unique("key"));
    method.key = t.assignmentExpression("=", t.cloneNode(keyTemp), method.key as t.Expression);
    return { key: t.cloneNode(keyTemp), keyTemp };
  }

  /**
   * Finds the classes whose bodies hold registered methods, as they stand
   * now: a class expression is wrapped; a class declaration stays one, with
   * its variables declared by a `let` before it and its marks after it, in
   * its statement list (a block's `let` is new on every entry, so each
   * evaluation's methods still refer to themselves).
   */
  private finishClasses(program: t.Program): void {
    const expressions: Array<{ owner: t.ClassExpression; marks: Mark[] }> = [];
    const insertions: Array<{ list: t.Statement[]; statement: t.Statement; declaration: t.ClassDeclaration; marks: Mark[] }> = [];
    const visit = (node: t.Node): void => {
      if (node.type === "ClassExpression") {
        const marks = this.byClassBody.get(node.body);
        if (marks) expressions.push({ owner: node, marks });
      }
      for (const statement of statementListOf(node) ?? []) {
        const declaration = declaredClass(statement);
        const marks = declaration && this.byClassBody.get(declaration.body);
        if (marks) insertions.push({ list: statementListOf(node)!, statement, declaration: declaration!, marks });
      }
      eachChild(node, visit);
    };
    visit(program);
    for (const { owner, marks } of expressions) replaceInPlace(owner, this.wrapped(owner, marks));
    for (const { list, statement, declaration, marks } of insertions) {
      const index = list.indexOf(statement);
      const variables = this.variablesOf(marks);
      const holder = t.identifier(declaration.id!.name);
      list.splice(index + 1, 0, ...this.markStatements(holder, marks));
      if (variables.length) list.splice(index, 0, t.variableDeclaration("let", variables.map((id) => this.declarator(id))));
    }
  }

  /** `(() => { var …; var _object = <node>; <marks>; return _object; })()` */
  private wrapped(node: t.ObjectExpression | t.ClassExpression, marks: Mark[]): t.CallExpression {
    const copy = { ...node };
    const holder = t.identifier(this.unique(node.type === "ObjectExpression" ? "object" : "class"));
    const variables = this.variablesOf(marks);
    const body: t.Statement[] = [];
    if (variables.length) body.push(t.variableDeclaration("var", variables.map((id) => this.declarator(id))));
    body.push(t.variableDeclaration("var", [t.variableDeclarator(t.cloneNode(holder), this.keepingItsName(copy))]));
    body.push(...this.markStatements(holder, marks, copy.type === "ObjectExpression"));
    body.push(t.returnStatement(t.cloneNode(holder)));
    const call = t.callExpression(t.arrowFunctionExpression([], t.blockStatement(body)), []);
    call.loc = node.loc;
    return call;
  }

  /**
   * An anonymous class keeps the name it had where it stood (`const C = class {}`: "C"),
   * or none: the wrapper's variable must not name it (`(0, class {})`).
   */
  private keepingItsName(node: t.ObjectExpression | t.ClassExpression): t.Expression {
    if (node.type !== "ClassExpression" || node.id) return node;
    const name = this.classNames.get(node.body);
    return name === undefined ? t.sequenceExpression([t.numericLiteral(0), node]) : withName(node, name, this.runtime);
  }

  private variablesOf(marks: Mark[]): t.Identifier[] {
    return marks.flatMap((mark) => [mark.self, mark.keyTemp]).filter((id): id is t.Identifier => id !== null);
  }

  /** `_method = markMethod(holder.prototype, "m", markGenerator);` for each mark. */
  private markStatements(holder: t.Identifier, marks: Mark[], isObject = false): t.Statement[] {
    return marks.map((mark) => {
      const target = mark.isStatic || isObject ? t.cloneNode(holder) : t.memberExpression(t.cloneNode(holder), t.identifier("prototype"));
      const marked = runtimeCall({ runtime: this.runtime }, "markMethod", [target, t.cloneNode(mark.key), runtimeMember(this.runtime, MARK_HELPERS[mark.kind])]);
      return t.expressionStatement(mark.self ? t.assignmentExpression("=", t.cloneNode(mark.self), marked) : marked);
    });
  }

  private declarator(id: t.Identifier): t.VariableDeclarator {
    const copy = t.cloneNode(id);
    if (this.typescript) copy.typeAnnotation = t.tsTypeAnnotation(t.tsAnyKeyword());
    return t.variableDeclarator(copy);
  }
}

function isWellKnownSymbol(key: t.Node): boolean {
  return key.type === "MemberExpression" && !key.computed && key.object.type === "Identifier" && key.object.name === "Symbol" && key.property.type === "Identifier";
}

/** The statements `node` holds in a list, if it holds any. */
function statementListOf(node: t.Node): t.Statement[] | null {
  switch (node.type) {
    case "Program":
    case "BlockStatement":
    case "StaticBlock":
    case "TSModuleBlock":
      return node.body;
    case "SwitchCase":
      return node.consequent;
    default:
      return null;
  }
}

/** The class a statement declares: `class A {}`, `export class A {}`, `export default class A {}`. */
function declaredClass(statement: t.Statement): t.ClassDeclaration | null {
  if (statement.type === "ClassDeclaration") return statement;
  if ((statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration?.type === "ClassDeclaration") {
    return statement.declaration;
  }
  return null;
}

function listIn<K>(map: Map<K, Mark[]>, key: K): Mark[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
