// Identity for async and generator methods of object literals.
//
// A generator's wrapper must reach its own function (its generator objects
// inherit from `fn.prototype`), and every compiled function is marked with
// its kind's prototype. A function expression can name itself; a method
// cannot, and turning it into a property with a function expression would
// change what it is (a sloppy function has own `caller` and `arguments`, and
// no home object for `super`). So the literal is wrapped instead, once per
// evaluation, in an arrow that keeps `this`, `arguments` and `super`:
//
//     (() => {
//       var _method;
//       var _object = { *m() { return _awaitless.generator(step, this, _method); } };
//       _method = _awaitless.markMethod(_object, "m", _awaitless.markGenerator);
//       return _object;
//     })()
//
// Each evaluation gets its own variables, so each object's methods refer to
// themselves. A literal with an `await` or `yield` outside its methods cannot
// move into an arrow; its methods keep the shared prototypes.

import * as t from "@babel/types";
import type { NodePath } from "../host/babel.js";
import type { FunctionKind } from "./suspension.js";
import { MARK_HELPERS, runtimeCall, runtimeMember, type RuntimeRef } from "./runtime-ref.js";
import { suspendsItsFunction } from "../ast/own-code.js";

interface Mark {
  kind: FunctionKind;
  /** The method's own name for itself (generators), null for async methods. */
  self: t.Identifier | null;
  /** The method's key: a literal, or the temporary a computed key is stored in. */
  key: t.Expression;
  keyTemp: t.Identifier | null;
}


export class ObjectMethodMarks {
  private readonly byObject = new Map<t.ObjectExpression, Mark[]>();

  constructor(
    private readonly runtime: RuntimeRef,
    private readonly unique: (hint: string) => string,
    /** The output is TypeScript: the variables are declared `any`. */
    private readonly typescript = false,
  ) {}

  /**
   * Registers a method for marking. Returns its self-reference (null for an
   * async method), or undefined when its literal cannot be wrapped.
   */
  register(path: NodePath<t.ObjectMethod>, kind: FunctionKind): t.Identifier | null | undefined {
    const object = path.parentPath.node;
    if (object.type !== "ObjectExpression" || object.properties.some(suspendsItsFunction)) return undefined;
    const method = path.node;
    let key: t.Expression;
    let keyTemp: t.Identifier | null = null;
    if (!method.computed && method.key.type === "Identifier") key = t.stringLiteral(method.key.name);
    else if (method.key.type === "StringLiteral" || method.key.type === "NumericLiteral") key = t.cloneNode(method.key);
    else {
      // A computed key is stored as it is evaluated, once and in order.
      keyTemp = t.identifier(this.unique("key"));
      method.key = t.assignmentExpression("=", t.cloneNode(keyTemp), method.key as t.Expression);
      key = t.cloneNode(keyTemp);
    }
    const self = kind === "async" ? null : t.identifier(this.unique("method"));
    const marks = this.byObject.get(object) ?? [];
    marks.push({ kind, self, key, keyTemp });
    this.byObject.set(object, marks);
    return self;
  }

  /** Wraps every registered literal, in place (it may have moved into a step function by now). */
  finish(): void {
    for (const [object, marks] of this.byObject) {
      const copy: t.ObjectExpression = { ...object };
      const holder = t.identifier(this.unique("object"));
      const variables = marks.flatMap((mark) => [mark.self, mark.keyTemp]).filter((id): id is t.Identifier => id !== null);
      const body: t.Statement[] = [];
      const declared = (id: t.Identifier) => {
        const copy = t.cloneNode(id);
        if (this.typescript) copy.typeAnnotation = t.tsTypeAnnotation(t.tsAnyKeyword());
        return t.variableDeclarator(copy);
      };
      if (variables.length) body.push(t.variableDeclaration("var", variables.map(declared)));
      body.push(t.variableDeclaration("var", [t.variableDeclarator(t.cloneNode(holder), copy)]));
      for (const mark of marks) {
        const marked = runtimeCall({ runtime: this.runtime }, "markMethod", [
          t.cloneNode(holder),
          t.cloneNode(mark.key),
          runtimeMember(this.runtime, MARK_HELPERS[mark.kind]),
        ]);
        body.push(t.expressionStatement(mark.self ? t.assignmentExpression("=", t.cloneNode(mark.self), marked) : marked));
      }
      body.push(t.returnStatement(t.cloneNode(holder)));
      const call = t.callExpression(t.arrowFunctionExpression([], t.blockStatement(body)), []);
      call.loc = object.loc;
      for (const key of Object.keys(object)) delete (object as unknown as Record<string, unknown>)[key];
      Object.assign(object, call);
    }
  }
}
