// Builds a random program from a seed: a few async functions, generators and
// async generators (declarations, arrows, object and class methods) that call
// each other, and two to four tasks started together so that their logs
// interleave through the microtask queue. Awaits and yields land in random
// expression and statement positions; bodies mix bounded loops of every kind
// with labeled break/continue, nested try/catch/finally with returns and
// throws, switch with fall-through, destructuring with defaults, closures over
// loop bindings kept across suspensions, `this` and `arguments`.
//
// Programs always terminate: loops print their own bounded counters, a
// function only calls functions defined before it, and every function has a
// cost budget (an estimate of the lines it logs, loops and calls included)
// that the statements it is given must fit in. They are deterministic: only
// microtasks (awaits, promise reactions, thenables) schedule anything, and
// everything printed goes through the prelude's `show`.

import { programRandom } from "./random.mjs";
import {
  num, str, lit, id, raw, call, member, mcall, exprs, log, pid, decl,
  printStmt,
} from "./ast.mjs";
import { preludeFor } from "./prelude.mjs";
import { builtinDeclarations } from "./builtins.mjs";
import { TypeWriter } from "./types.mjs";

/**
 * The program for one seed and number, as a tree (see ast.mjs). `lang`:
 * "mixed" (a fifth of the programs are TypeScript), "ts" or "js".
 */
export function generateProgram(seed, index, { lang = "mixed" } = {}) {
  return new Generator(programRandom(seed, index), lang).program();
}

/** The program's source text: the helpers it uses, then its body. */
export function printProgram(program) {
  const body = program.body.map((s) => printStmt(s)).join("\n");
  const head = [];
  if (program.comment) head.push(program.comment.split("\n").map((l) => `// ${l}`).join("\n"));
  if (program.strict && program.sourceType === "script") head.push('"use strict";');
  const prelude = preludeFor(body, { lite: program.lite });
  return [...head, prelude, body].filter(Boolean).join("\n") + "\n";
}

const ASSIGN_OPS = ["=", "=", "+=", "-=", "??=", "||=", "&&="];
const BIN_OPS = ["+", "+", "-", "*", "===", "!==", "<", ">", "%"];

class Generator {
  constructor(rng, lang) {
    this.rng = rng;
    this.lang = lang;
    this.counters = new Map();
    /** Everything a later function may call: { name, kind, cost, yields, params, callee(ctx) }. */
    this.callables = [];
    /** Objects that serve as receivers (`this`) and as values: { name, tag }. */
    this.receivers = [];
    this.errors = 0;
  }

  fresh(prefix) {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  tag(ctx) {
    return `${ctx.fn.name}:${++ctx.fn.tags}`;
  }

  // -------------------------------------------------------------------------
  // The program

  program() {
    const r = this.rng;
    const sourceType = r.chance(0.75) ? "module" : "script";
    this.sourceType = sourceType;
    this.strict = sourceType === "module" || r.chance(0.4);
    const ts = this.lang === "ts" || (this.lang === "mixed" && r.chance(0.2));
    // TypeScript: annotations, type parameters, assertions and declarations (types.mjs); null in JavaScript.
    this.types = ts ? new TypeWriter(r, this) : null;
    const body = [];
    const top = this.topContext();
    if (this.types) body.push(...this.types.declarations(top));

    // Shared state the tasks race on, and receivers for `this`.
    const shared = [];
    for (let i = 0, n = r.range(1, 2); i < n; i++) {
      const name = this.fresh("s");
      shared.push(name);
      body.push(decl("let", name, num(r.int(3))));
      top.vars.push({ name, mutable: true });
    }
    for (let i = 0, n = r.range(1, 2); i < n; i++) {
      const name = this.fresh("o");
      this.receivers.push({ name });
      body.push(decl("const", name, { t: "obj", props: [prop("tag", str(name)), prop("n", num(i + 1))] }));
      top.vars.push({ name, mutable: false, object: true });
    }
    const stateEnd = body.length;

    const functions = r.range(3, 5);
    for (let i = 0; i < functions; i++) {
      const kind = r.weighted([[5, "async"], [3, "gen"], [3, "asyncgen"]]);
      const container = r.weighted([[6, "decl"], [1.5, "object"], [1.5, "class"]]);
      if (container === "decl") body.push(...this.functionDeclaration(top, kind, this.fresh("f"), 70));
      else if (container === "object") body.push(...this.objectWithMethods(top));
      else body.push(...this.classWithMethods(top));
    }

    const taskCount = r.range(2, 4);
    const starts = [];
    for (let i = 0; i < taskCount; i++) {
      const name = `task${i}`;
      body.push(...this.functionDeclaration(top, "async", name, 150, { task: true }));
      const task = this.callables.pop();
      const callExpr = task.callee(top, this.callArgs(top, task));
      const how = r.weighted([[4, "now"], [2, "tick"], [1, "later"]]);
      if (how === "now" || i === 0) starts.push(callExpr);
      else if (how === "tick") starts.push(mcall(call(member("Promise", "resolve")), "then", [arrowe([], callExpr)]));
      else starts.push(mcall(call("later", [lit("undefined"), num(r.range(1, 4))]), "then", [arrowe([], callExpr)]));
    }
    const tasksAt = body.length;
    body.push(decl("const", "tasks", { t: "arr", items: starts }));
    body.push(exprs(call("ticker", [num(r.range(3, 12))])));
    body.push(
      exprs(
        mcall(call(member("Promise", "allSettled"), [id("tasks")]), "then", [
          raw(`(results) => {
  for (const r of results) log("result", r.status, r.status === "fulfilled" ? r.value : r.reason);
  log("end", ${shared.join(", ")}, out.length);
}`),
        ]),
      ),
    );
    this.shadowBuiltins(body, stateEnd, tasksAt);
    return { t: "program", sourceType, strict: this.strict, ts, body };
  }

  /**
   * Now and then, top-level declarations of built-in names (builtins.mjs):
   * those the program uses go before its first function or class (after
   * the shared state, whose initialisers are literals), the others anywhere
   * before the tasks start.
   */
  shadowBuiltins(body, stateEnd, tasksAt) {
    if (!this.rng.chance(0.12)) return;
    const source = printProgram({ t: "program", sourceType: this.sourceType, body });
    for (const { statement, anywhere } of builtinDeclarations(this.rng, { sourceType: this.sourceType, source, ts: Boolean(this.types) })) {
      const at = this.rng.int((anywhere ? tasksAt : stateEnd) + 1);
      body.splice(at, 0, statement);
      if (at <= stateEnd) stateEnd++;
      tasksAt++;
    }
  }

  topContext() {
    return {
      fn: { name: "top", tags: 0, fuel: Infinity, size: 0, yields: 0, closures: null, budget: Infinity },
      kind: "top",
      strict: this.strict,
      canAwait: false,
      canYield: false,
      vars: [],
      blockNames: new Set(),
      labels: [],
      inLoop: false,
      inBreakable: false,
      loopVars: [],
      depth: 0,
      mult: 1,
      hasThis: false,
      hasArgs: false,
      mapped: null,
      sup: null,
      locals: [],
      inFinally: false,
    };
  }

  // -------------------------------------------------------------------------
  // Functions

  /**
   * A function of `kind` ("async", "gen", "asyncgen") declared in one of
   * several forms; registers it as a callable. Returns the statements that
   * declare it.
   */
  functionDeclaration(outer, kind, name, budget, options = {}) {
    const r = this.rng;
    const form = options.task
      ? r.weighted([[5, "decl"], [2, "arrow"], [1, "expr"]])
      : kind === "async"
        ? r.weighted([[5, "decl"], [2, "arrow"], [1, "expr"]])
        : r.weighted([[5, "decl"], [1, "expr"]]);
    const arrow = form === "arrow";
    const { params, body, info, sig } = this.functionParts(outer, kind, name, budget, { arrow });
    let stmts;
    if (form === "decl") stmts = [{ t: "fndecl", async: kind !== "gen", gen: kind !== "async", name, ...sig, params, body }];
    else if (form === "arrow") stmts = [decl("const", name, { t: "arrowb", async: true, ...sig, params, body })];
    else stmts = [decl("const", name, { t: "fnexpr", async: kind !== "gen", gen: kind !== "async", name: r.chance(0.5) ? name : null, ...sig, params, body })];
    this.callables.push({
      name,
      kind,
      cost: info.cost,
      yields: info.yields,
      params: info.shapes,
      thisSensitive: !arrow,
      callee: (ctx, args) => {
        if (!arrow && this.receivers.length && r.chance(0.25)) {
          return mcall(name, "call", [id(r.pick(this.receivers).name), ...args]);
        }
        return { ...call(name, args), targs: this.types?.typeArgs(ctx) ?? null };
      },
    });
    return stmts;
  }

  /** `const r1 = { tag: "r1", async m1() {...}, *g2() {...} }`: methods called with the object as `this`. */
  objectWithMethods(outer) {
    const r = this.rng;
    const name = this.fresh("r");
    const props = [prop("tag", str(name))];
    const methods = [];
    for (let i = 0, n = r.range(1, 2); i < n; i++) {
      const kind = r.weighted([[4, "async"], [2, "gen"], [2, "asyncgen"]]);
      const mname = this.fresh(kind === "async" ? "m" : kind === "gen" ? "g" : "ag");
      const { params, body, info, sig } = this.functionParts(outer, kind, `${name}.${mname}`, 60, { method: true });
      props.push({ t: "objm", key: mname, async: kind !== "gen", gen: kind !== "async", ...sig, params, body });
      methods.push({ mname, kind, info });
    }
    // An accessor pair that suspending code elsewhere reads and writes.
    const accessor = r.chance(0.35) ? "val" : null;
    if (accessor) props.push(prop("vv", num(r.int(5))), ...this.accessorPair(name, "vv"));
    for (const { mname, kind, info } of methods) {
      this.callables.push({
        name: `${name}.${mname}`, kind, cost: info.cost, yields: info.yields, params: info.shapes,
        callee: (ctx, args) => mcall(name, mname, args),
      });
    }
    const stmts = [decl("const", name, { t: "obj", props })];
    this.receivers.push({ name });
    outer.vars.push({ name, mutable: false, object: true, accessor });
    return stmts;
  }

  /**
   * `get val() { log(...); return this.<backing>; }` and `set val(x) {...}`
   * (object literal methods or class members): they print their `this`.
   */
  accessorPair(owner, backing, type = "objm") {
    const x = this.fresh("a");
    const self = () => ({ t: "this" });
    const field = () => member(self(), backing);
    const getter = { t: type, kind: "get", params: [], body: [log(`${owner} get val`, self()), { t: "return", e: field() }] };
    const setter = { t: type, kind: "set", params: [pid(x)], body: [log(`${owner} set val`, self(), id(x)), exprs(assignExpr(field(), id(x)))] };
    if (type === "objm") {
      getter.key = setter.key = "val";
    } else {
      getter.name = setter.name = "val";
    }
    return [getter, setter];
  }

  /**
   * A base class with async/generator methods and a derived class whose
   * methods may call the base's through `super`; an instance of each.
   */
  classWithMethods(outer) {
    const r = this.rng;
    const base = this.fresh("K");
    const members = [
      { t: "cmember", name: "constructor", params: [pid("tag")], body: [exprs(assignExpr(member({ t: "this" }, "tag"), id("tag")))] },
    ];
    const methods = [];
    // A private field that the instance methods read and write across suspensions.
    const priv = r.chance(0.4) ? `#${this.fresh("pv")}` : null;
    if (priv) members.push({ t: "cfield", name: priv, v: num(r.int(10)) });
    // Public fields (initialised before the constructor runs), a static one
    // (when the class is defined), and an accessor pair over a field.
    const fields = [];
    if (r.chance(0.4)) {
      members.push({ t: "cfield", name: "pf", v: this.fieldInit(outer) });
      fields.push("pf");
    }
    if (r.chance(0.2)) members.push({ t: "cfield", static: true, name: this.fresh("sf"), v: this.fieldInit(outer) });
    if (r.chance(0.3)) {
      if (!priv && !fields.includes("pf")) {
        members.push({ t: "cfield", name: "pf", v: num(r.int(5)) });
        fields.push("pf");
      }
      members.push(...this.accessorPair(base, priv ?? "pf", "cmember"));
      fields.push("val");
    }
    for (let i = 0, n = r.range(1, 2); i < n; i++) {
      const kind = r.weighted([[4, "async"], [2, "gen"], [2, "asyncgen"]]);
      const mname = this.fresh(kind === "async" ? "m" : kind === "gen" ? "g" : "ag");
      const isStatic = r.chance(0.15);
      // `this` in a static method is the class, whose text would print as its source.
      const { params, body, info, sig } = this.functionParts(outer, kind, `${base}.${mname}`, 50, {
        method: true,
        classBody: true,
        noThis: isStatic,
        priv: isStatic ? null : priv,
        fields: isStatic ? null : fields,
      });
      members.push({ t: "cmember", static: isStatic, async: kind !== "gen", gen: kind !== "async", name: mname, ...sig, params, body });
      methods.push({ mname, kind, info, isStatic });
    }
    // Sometimes an anonymous class expression named by its `const` (JavaScript only: in
    // TypeScript a declaration also names the type the samples use).
    const asExpression = !this.types && r.chance(0.3);
    const stmts = [{ t: "classdecl", name: base, sup: null, members, asExpression }];
    // Not "k1": for-in loops name their keys k1, k2, ...
    const instance = this.fresh("inst");
    const derivedMethods = [];
    let derived = null;
    const instanceMethods = methods.filter((m) => !m.isStatic);
    if (instanceMethods.length && r.chance(0.6)) {
      derived = this.fresh("K");
      const dmembers = [];
      for (const m of instanceMethods) {
        if (!r.chance(0.7)) continue;
        const superCallable = {
          name: `super.${m.mname}`, kind: m.kind, cost: m.info.cost, yields: m.info.yields, params: m.info.shapes,
          callee: (ctx, args) => mcall({ t: "raw", code: "super" }, m.mname, args),
        };
        const { params, body, info, sig } = this.functionParts(outer, m.kind, `${derived}.${m.mname}`, 50 + m.info.cost, {
          method: true,
          classBody: true,
          sup: superCallable,
          fields,
        });
        dmembers.push({ t: "cmember", async: m.kind !== "gen", gen: m.kind !== "async", name: m.mname, ...sig, params, body });
        derivedMethods.push({ mname: m.mname, kind: m.kind, info });
      }
      stmts.push({ t: "classdecl", name: derived, sup: base, members: dmembers });
    }
    for (const s of stmts) this.types?.classMembers(s.members);
    const accessor = fields.includes("val") ? "val" : null;
    stmts.push(decl("const", instance, { t: "new", callee: id(base), args: [str(instance)] }));
    if (asExpression) stmts.push(log(`${base} is named`, member(base, "name")));
    // What each method is: its kind's prototype (the tag), and a generator's own `prototype`.
    for (const m of methods) {
      const fn = member(m.isStatic ? base : instance, m.mname);
      const tag = call(member(member(member("Object", "prototype"), "toString"), "call"), [fn]);
      stmts.push(log(`${base}.${m.mname} is`, tag, { t: "unary", op: "typeof", e: member(fn, "prototype") }));
    }
    this.receivers.push({ name: instance });
    outer.vars.push({ name: instance, mutable: false, object: true, accessor });
    for (const m of methods) {
      const target = m.isStatic ? base : instance;
      this.callables.push({
        name: `${target}.${m.mname}`, kind: m.kind, cost: m.info.cost, yields: m.info.yields, params: m.info.shapes,
        callee: (ctx, args) => mcall(target, m.mname, args),
      });
    }
    if (derived) {
      const dinstance = this.fresh("inst");
      stmts.push(decl("const", dinstance, { t: "new", callee: id(derived), args: [str(dinstance)] }));
      this.receivers.push({ name: dinstance });
      outer.vars.push({ name: dinstance, mutable: false, object: true, accessor });
      for (const m of derivedMethods) {
        this.callables.push({
          name: `${dinstance}.${m.mname}`, kind: m.kind, cost: m.info.cost, yields: m.info.yields, params: m.info.shapes,
          callee: (ctx, args) => mcall(dinstance, m.mname, args),
        });
      }
    }
    return stmts;
  }

  /**
   * A class field's initialiser: it runs when an instance is made (a static
   * one when the class is defined), with no await or yield, and reads and
   * may assign the bindings around the class.
   */
  fieldInit(ctx, { hasThis = false } = {}) {
    const sync = this.block(ctx, {
      canAwait: false, canYield: false, kind: "sync", hasThis, hasArgs: false, mapped: null, sup: null, priv: null, fields: null,
      // `arguments` is a syntax error in a field initialiser.
      vars: ctx.vars.filter((v) => v.name !== "arguments"),
    });
    return this.rng.chance(0.5) ? call("tr", [str(`${ctx.fn.name}:field`), this.expr(sync, 1)]) : this.expr(sync, 2);
  }

  /** Parameters and body of a function; `info` has its cost, yield count and parameter shapes. */
  functionParts(outer, kind, name, budget, { arrow = false, method = false, classBody = false, sup = null, noThis = false, priv = null, fields = null } = {}) {
    const r = this.rng;
    // Code in a class body is strict; elsewhere the program's mode holds.
    const strict = this.strict || classBody || Boolean(outer.strict);
    const ctx = {
      fn: { name, tags: 0, fuel: budget, budget, size: 0, yields: 0, closures: null, maxSize: r.range(6, 18), arrow },
      kind,
      strict,
      canAwait: kind !== "gen",
      canYield: kind !== "async",
      // A function's own `arguments` hides any outer binding of that name.
      vars: outer.vars.filter((v) => !v.local && (arrow || v.name !== "arguments")),
      blockNames: new Set(),
      labels: [],
      inLoop: false,
      inBreakable: false,
      loopVars: [],
      depth: 0,
      mult: 1,
      hasThis: arrow ? outer.hasThis : !noThis,
      hasArgs: arrow ? outer.hasArgs : true,
      mapped: null,
      sup: arrow ? outer.sup : sup,
      // The class's private field, readable through `this` (an arrow's is its method's).
      priv: arrow ? outer.priv : priv,
      // Public fields and accessors of the class, read and written through `this`.
      fields: arrow ? outer.fields : fields,
      locals: [],
      inFinally: false,
    };
    // TypeScript: type parameters (which the annotations may use), a `this` parameter, a return type.
    const sig = this.types ? this.types.signature(ctx, kind, { arrow, method }) : {};
    const { params, shapes, simple } = this.params(ctx, { arrow, classBody });
    if (!strict && simple && !arrow && !method && params.length && ctx.hasArgs) ctx.mapped = params.map((p) => p.name);
    let body = this.statements(ctx, r.range(3, 7));
    if (ctx.fn.closures) {
      body.unshift(decl("const", ctx.fn.closures, { t: "arr", items: [] }));
      body.push(log(`${name}:closures`, mcall(ctx.fn.closures, "map", [raw("(f) => f()")])));
    }
    if (r.chance(0.5)) body.push({ t: "return", e: this.expr(ctx, 2) });
    const cost = Math.max(1, budget - ctx.fn.fuel);
    return { params, body, sig, info: { cost, yields: ctx.fn.yields, shapes } };
  }

  /**
   * Parameters: plain names, defaults (which may throw: before the body runs,
   * an async function rejects and a generator throws at the call), object and
   * array patterns with defaults, a rest parameter. `shapes` tells callers what
   * to pass.
   */
  params(ctx, { classBody = false } = {}) {
    const r = this.rng;
    const count = r.weighted([[2, 0], [4, 1], [3, 2], [1, 3]]);
    const params = [];
    const shapes = [];
    let simple = true;
    // Sloppy code may name a parameter `arguments`: the function then has no arguments object.
    const argumentsAt = !ctx.strict && !classBody && count && r.chance(0.12) ? r.int(count) : -1;
    for (let i = 0; i < count; i++) {
      const style = i === argumentsAt ? "plain" : r.weighted([[6, "plain"], [2, "default"], [1, "object"], [1, "array"], [i === count - 1 ? 0.7 : 0, "rest"]]);
      if (style === "plain") {
        const name = i === argumentsAt ? "arguments" : this.fresh("a");
        params.push(pid(name));
        shapes.push("any");
        this.declare(ctx, name, true);
        if (name === "arguments") {
          ctx.hasArgs = false;
          ctx.mapped = null;
        }
      } else if (style === "default") {
        const name = this.fresh("a");
        params.push({ t: "pdef", p: pid(name), d: this.defaultValue(ctx) });
        shapes.push("any?");
        this.declare(ctx, name, true);
        simple = false;
      } else if (style === "object") {
        const pattern = this.objectPattern(ctx, true);
        params.push(r.chance(0.8) ? { t: "pdef", p: pattern, d: { t: "obj", props: [] } } : pattern);
        shapes.push({ object: pattern.props.map((p) => p.key) });
        simple = false;
      } else if (style === "array") {
        const pattern = this.arrayPattern(ctx, true);
        params.push(r.chance(0.8) ? { t: "pdef", p: pattern, d: { t: "arr", items: [] } } : pattern);
        shapes.push({ array: pattern.items.length });
        simple = false;
      } else {
        const name = this.fresh("rest");
        params.push({ t: "prest", p: pid(name) });
        shapes.push("rest");
        this.declare(ctx, name, true);
        simple = false;
      }
    }
    this.types?.annotateParams(ctx, params);
    return { params, shapes, simple };
  }

  /** A parameter or pattern default: evaluated only when the value is undefined, in order. */
  defaultValue(ctx) {
    const r = this.rng;
    const choice = r.weighted([[3, "leaf"], [3, "trace"], [0.5, "throw"], [1, "var"]]);
    if (choice === "throw") return call("boom", [str(`${ctx.fn.name}:default`), this.errorValue()]);
    if (choice === "trace") return call("tr", [str(`${ctx.fn.name}:default`), this.leaf(ctx)]);
    if (choice === "var") return this.readVar(ctx) ?? num(r.int(10));
    return this.leaf(ctx);
  }

  objectPattern(ctx, binding) {
    const r = this.rng;
    const props = [];
    const keys = ["p", "q", "x", "y"];
    for (let i = 0, n = r.range(1, 3); i < n; i++) {
      const key = keys[i];
      const name = this.fresh("d");
      let v = pid(name);
      if (r.chance(0.4)) v = { t: "pdef", p: v, d: this.defaultValue(ctx) };
      props.push({ t: "pprop", key, v });
      if (binding) this.declare(ctx, name, true);
    }
    return { t: "pobj", props };
  }

  arrayPattern(ctx, binding, mutable = true) {
    const r = this.rng;
    const items = [];
    for (let i = 0, n = r.range(1, 3); i < n; i++) {
      if (i > 0 && r.chance(0.15)) {
        items.push({ t: "hole" });
        continue;
      }
      const name = this.fresh("d");
      let v = pid(name);
      if (r.chance(0.4)) v = { t: "pdef", p: v, d: this.defaultValue(ctx) };
      items.push(v);
      if (binding) this.declare(ctx, name, mutable);
    }
    return { t: "parr", items };
  }

  /** Arguments for a call of `callable`, fitting its parameter shapes (and sometimes not). */
  callArgs(ctx, callable, depth = 1) {
    const r = this.rng;
    const args = [];
    for (const shape of callable.params) {
      if (shape === "rest") {
        for (let i = 0, n = r.int(3); i < n; i++) args.push(this.expr(ctx, depth));
      } else if (shape === "any?") {
        args.push(r.chance(0.5) ? lit("undefined") : this.expr(ctx, depth));
      } else if (shape === "any") {
        args.push(this.expr(ctx, depth));
      } else if (shape.object) {
        const props = shape.object.filter(() => r.chance(0.7)).map((key) => prop(key, this.expr(ctx, depth)));
        args.push(r.chance(0.15) ? lit("undefined") : r.chance(0.2) ? call("getter", [str(this.tag(ctx)), this.leaf(ctx)]) : { t: "obj", props });
      } else if (shape.array) {
        const items = [];
        for (let i = 0, n = r.int(shape.array + 2); i < n; i++) items.push(this.expr(ctx, depth));
        args.push(r.chance(0.15) ? lit("undefined") : { t: "arr", items });
      }
    }
    // Extra arguments show in `arguments.length`; missing ones are undefined.
    if (r.chance(0.15)) args.push(this.leaf(ctx));
    if (args.length && r.chance(0.1)) args.pop();
    return args;
  }

  // -------------------------------------------------------------------------
  // Scope

  declare(ctx, name, mutable, extra = {}) {
    ctx.vars.push({ name, mutable, local: true, ...extra });
    ctx.blockNames.add(name);
  }

  /** A context for a nested block: new block names, same function. */
  block(ctx, changes = {}) {
    return { ...ctx, vars: ctx.vars.slice(), blockNames: new Set(), locals: ctx.locals.slice(), ...changes };
  }

  readVar(ctx) {
    const values = ctx.vars.filter((v) => !v.fn);
    if (!values.length) return null;
    return id(this.rng.pick(values).name);
  }

  mutableVar(ctx) {
    const candidates = ctx.vars.filter((v) => v.mutable);
    return candidates.length ? this.rng.pick(candidates) : null;
  }

  /** A name for a new `let`/`const`: usually fresh, sometimes shadowing an outer one. */
  newName(ctx) {
    const r = this.rng;
    if (r.chance(0.12)) {
      const outer = ctx.vars.filter((v) => !ctx.blockNames.has(v.name) && !v.object && /^v/.test(v.name));
      if (outer.length) return r.pick(outer).name;
    }
    return this.fresh("v");
  }

  spend(ctx, units = 1) {
    const cost = units * ctx.mult;
    if (ctx.fn.fuel < cost) return false;
    ctx.fn.fuel -= cost;
    return true;
  }

  // -------------------------------------------------------------------------
  // Statements

  statements(ctx, count) {
    const out = [];
    for (let i = 0; i < count; i++) {
      if (ctx.fn.size >= ctx.fn.maxSize || !this.spend(ctx)) break;
      ctx.fn.size++;
      const stmts = this.statement(ctx);
      out.push(...stmts);
      // A jump or return ends the list: what follows would never run.
      if (stmts.length && ["return", "throw", "break", "continue"].includes(stmts.at(-1).t)) break;
    }
    if (!out.length) out.push(log(this.tag(ctx), this.leaf(ctx)));
    return out;
  }

  statement(ctx) {
    const r = this.rng;
    const deep = ctx.depth >= 3;
    const fnLike = ctx.kind !== "top";
    const choice = r.weighted([
      [5, "log"],
      [3, "decl"],
      [2, "assign"],
      [deep ? 0.5 : 2, "if"],
      [deep || ctx.loopVars.length >= 2 ? 0 : 2.5, "loop"],
      [deep ? 0.3 : 2, "try"],
      [deep ? 0 : 1, "switch"],
      [deep ? 0 : 0.5, "labeled"],
      [ctx.inBreakable || ctx.labels.length ? (ctx.inFinally ? 3 : 1.5) : 0, "jump"],
      [fnLike ? (ctx.inFinally ? 2 : 0.6) : 0, "return"],
      [ctx.inFinally || ctx.protected ? 1.5 : 0.3, "throw"],
      [this.callables.length || ctx.locals.length ? 4 : 0, "call"],
      [1.5, "iterate"],
      [ctx.loopVars.length ? 2 : 0.6, "closure"],
      [ctx.fn.closures ? 1 : 0, "closures"],
      [ctx.canYield ? 3 : 0, "yield"],
      [1, "microtask"],
      [deep ? 0 : 0.8, "inner"],
      [ctx.hasThis || ctx.hasArgs ? 1 : 0, "context"],
      [ctx.mapped ? 1 : 0, "mapped"],
      [ctx.canAwait ? 1.5 : 0, "await"],
      [fnLike && ctx.depth > 0 ? 0.6 : 0, "blockFunction"],
      [ctx.fn.blockFunctions?.length ? 0.8 : 0, "blockFunctionProbe"],
      [ctx.priv ? 1.5 : 0, "private"],
      [fnLike && (ctx.canAwait || ctx.canYield) ? (ctx.loopVars.length ? 1.5 : 0.6) : 0, "probe"],
      [ctx.vars.some((v) => v.probe) ? 1 : 0, "probeCall"],
      [fnLike && !ctx.strict && !ctx.fn.arrow && !ctx.vars.some((v) => v.name === "arguments") ? 0.15 : 0, "argumentsVar"],
      [ctx.vars.some((v) => v.accessor) || ctx.fields?.length ? 1.2 : 0, "accessor"],
      [fnLike && !deep && (ctx.canAwait || ctx.canYield) ? 0.35 : 0, "localClass"],
      [fnLike && this.types ? 0.5 : 0, "tsLocal"],
      [fnLike && (ctx.canAwait || ctx.canYield) ? (ctx.loopVars.length ? 1 : 0.3) : 0, "methodLiteral"],
    ]);
    switch (choice) {
      case "log":
        return [this.logStatement(ctx)];
      case "decl":
        return [this.declaration(ctx)];
      case "assign":
        return [this.assignment(ctx)];
      case "if":
        return [this.ifStatement(ctx)];
      case "loop":
        return this.loop(ctx);
      case "try":
        return [this.tryStatement(ctx)];
      case "switch":
        return [this.switchStatement(ctx)];
      case "labeled":
        return [this.labeledBlock(ctx)];
      case "jump":
        return [this.conditional(ctx, this.jump(ctx))];
      case "return":
        return [this.conditional(ctx, { t: "return", e: r.chance(0.8) ? this.expr(ctx, 2) : null })];
      case "throw":
        return [this.conditional(ctx, { t: "throw", e: this.errorValue() })];
      case "call":
        return this.callStatement(ctx);
      case "iterate":
        return this.iterateHelper(ctx);
      case "closure":
        return [this.closure(ctx)];
      case "closures":
        return [log(this.tag(ctx), mcall(ctx.fn.closures, "map", [raw("(f) => f()")]))];
      case "yield":
        return [this.yieldStatement(ctx)];
      case "microtask":
        return [this.microtask(ctx)];
      case "inner":
        return this.innerFunction(ctx);
      case "context":
        return [this.contextLog(ctx)];
      case "mapped":
        return this.mappedArguments(ctx);
      case "await":
        return [this.awaitStatement(ctx)];
      case "blockFunction":
        return this.blockFunction(ctx);
      case "private":
        return [this.privateStatement(ctx)];
      case "blockFunctionProbe":
        return [this.blockFunctionProbe(ctx, this.rng.pick(ctx.fn.blockFunctions))];
      case "probe":
        return this.probeStatements(ctx);
      case "probeCall":
        return [exprs(this.probeCall(ctx, id(this.rng.pick(ctx.vars.filter((v) => v.probe)).name)))];
      case "argumentsVar":
        return this.argumentsVar(ctx);
      case "accessor":
        return [this.accessorStatement(ctx)];
      case "localClass":
        return this.localClass(ctx);
      case "tsLocal":
        return this.types.localDeclarations(ctx);
      case "methodLiteral":
        return this.methodLiteral(ctx);
      default:
        throw new Error(`unknown statement choice ${choice}`);
    }
  }

  logStatement(ctx) {
    const values = [];
    for (let i = 0, n = this.rng.range(1, 3); i < n; i++) values.push(this.expr(ctx, 2));
    return log(this.tag(ctx), ...values);
  }

  declaration(ctx) {
    const r = this.rng;
    const kind = r.weighted([[4, "let"], [3, "const"], [2, "var"]]);
    const style = r.weighted([[6, "plain"], [1.5, "object"], [1.5, "array"]]);
    if (style === "plain") {
      const init = this.expr(ctx, 3);
      const name = kind === "var" ? this.fresh("v") : this.newName(ctx);
      const node = decl(kind, name, init);
      this.types?.annotateDeclaration(ctx, node);
      this.declare(ctx, name, kind !== "const", { constant: kind === "const" });
      return node;
    }
    // Destructuring with defaults, from a literal, a getter object or an iterator.
    const mutable = kind !== "const";
    if (style === "object") {
      const pattern = this.objectPattern(ctx, false);
      const source = r.chance(0.4)
        ? call("getter", [str(this.tag(ctx)), this.expr(ctx, 1)])
        : { t: "obj", props: pattern.props.filter(() => r.chance(0.6)).map((p) => prop(p.key, this.expr(ctx, 2))) };
      const node = decl(kind, pattern, source);
      this.types?.annotateDeclaration(ctx, node);
      for (const name of patternNames(pattern)) this.declare(ctx, name, mutable);
      return node;
    }
    const pattern = this.arrayPattern(ctx, false);
    const source = r.chance(0.3) && this.callables.some((c) => c.kind === "gen")
      ? this.generatorCall(ctx, "gen") ?? { t: "arr", items: [] }
      : r.chance(0.2)
        ? call("siter", [str(this.tag(ctx)), num(r.int(4))])
        : { t: "arr", items: pattern.items.filter(() => r.chance(0.7)).map(() => this.expr(ctx, 2)) };
    const node = decl(kind, pattern, source);
    this.types?.annotateDeclaration(ctx, node);
    for (const name of patternNames(pattern)) this.declare(ctx, name, mutable);
    return node;
  }

  assignment(ctx) {
    const r = this.rng;
    const target = this.mutableVar(ctx);
    const object = ctx.vars.filter((v) => v.object);
    if (object.length && (r.chance(0.2) || !target)) {
      const o = r.pick(object).name;
      if (r.chance(0.5)) return log(this.tag(ctx), member(o, "n"));
      return exprs(assignExpr(member(o, "n"), this.expr(ctx, 2), r.pick(["=", "+="])));
    }
    const constants = ctx.vars.filter((v) => v.constant);
    if (constants.length && r.chance(0.03)) {
      // Assigning to a const throws a TypeError (after evaluating the right side).
      return exprs(assignExpr(id(r.pick(constants).name), this.expr(ctx, 2), r.pick(ASSIGN_OPS)));
    }
    if (!target) return this.logStatement(ctx);
    const style = r.weighted([[6, "simple"], [1, "update"], [1.5, "destructure"]]);
    if (style === "update") {
      return exprs({ t: "update", op: r.pick(["++", "--"]), prefix: r.chance(0.5), e: id(target.name) });
    }
    if (style === "destructure") {
      const others = ctx.vars.filter((v) => v.mutable);
      const a = r.pick(others);
      const b = r.pick(others);
      if (r.chance(0.5)) {
        const pattern = { t: "parr", items: [pid(a.name), { t: "pdef", p: pid(b.name), d: this.expr(ctx, 1) }] };
        return exprs(assignExpr(pattern, { t: "arr", items: [this.expr(ctx, 2)].concat(r.chance(0.5) ? [this.expr(ctx, 1)] : []) }));
      }
      const pattern = {
        t: "pobj",
        props: [{ t: "pprop", key: "p", v: pid(a.name) }, { t: "pprop", key: "q", v: { t: "pdef", p: pid(b.name), d: this.expr(ctx, 1) } }],
      };
      return exprs(assignExpr(pattern, call("getter", [str(this.tag(ctx)), this.expr(ctx, 1)])));
    }
    return exprs(assignExpr(id(target.name), this.expr(ctx, 3), r.pick(ASSIGN_OPS)));
  }

  ifStatement(ctx) {
    const then = this.statements(this.block(ctx, { depth: ctx.depth + 1 }), this.rng.range(1, 3));
    const otherwise = this.rng.chance(0.5) ? this.statements(this.block(ctx, { depth: ctx.depth + 1 }), this.rng.range(1, 3)) : null;
    return { t: "if", c: this.condition(ctx), then, else: otherwise };
  }

  /** `if (cond) stmt` around a jump, return or throw, so the code after it still runs sometimes. */
  conditional(ctx, stmt) {
    if (this.rng.chance(0.15)) return { t: "block", body: [log(this.tag(ctx), str("leaving")), stmt] };
    return { t: "if", c: this.condition(ctx), then: [stmt], else: null };
  }

  jump(ctx) {
    const r = this.rng;
    const options = [];
    if (ctx.inLoop) options.push({ t: "continue", label: null });
    if (ctx.inBreakable) options.push({ t: "break", label: null });
    for (const label of ctx.labels) {
      options.push({ t: "break", label: label.name });
      if (label.loop) options.push({ t: "continue", label: label.name });
    }
    return r.pick(options);
  }

  loop(ctx) {
    const r = this.rng;
    const kind = r.weighted([
      [3, "for"],
      [2, "while"],
      [1.5, "dowhile"],
      [1.5, "forin"],
      [3, "forof"],
      [ctx.canAwait ? 2 : 0, "forawait"],
    ]);
    const label = r.chance(0.35) ? this.fresh("L") : null;
    const n = r.range(1, 3);
    const bodyCtx = (iterations, extra = {}) => {
      const inner = this.block(ctx, {
        depth: ctx.depth + 1,
        mult: ctx.mult * iterations,
        inLoop: true,
        inBreakable: true,
        labels: label ? [...ctx.labels, { name: label, loop: true }] : ctx.labels,
        loopVars: ctx.loopVars.slice(),
        ...extra,
      });
      return inner;
    };
    const maybeCond = (c) => (r.chance(0.25) ? this.expr(c, 2, { cond: true }) : null);
    if (kind === "for") {
      const v = this.fresh("i");
      const letKind = r.chance(0.8) ? "let" : "var";
      const inner = bodyCtx(n);
      inner.vars.push({ name: v, mutable: false, local: true });
      inner.loopVars.push(v);
      const cond = maybeCond(inner);
      const upd = r.chance(0.15) ? call("tr", [str(this.tag(ctx)), id(v)]) : null;
      return [{ t: "for", label, kind: letKind, v, n, cond, upd, body: this.statements(inner, r.range(2, 4)) }];
    }
    if (kind === "while" || kind === "dowhile") {
      const g = this.fresh(kind === "while" ? "w" : "dw");
      const iterations = kind === "while" ? n : n + 1;
      const inner = bodyCtx(iterations);
      inner.vars.push({ name: g, mutable: false, local: true });
      inner.loopVars.push(g);
      return [{ t: kind, label, g, n, cond: maybeCond(ctx), body: this.statements(inner, r.range(2, 4)) }];
    }
    // Now and then the loop's binding shadows a name its own head reads:
    // the head runs with the new binding uninitialized, a ReferenceError.
    const tdzName = () => {
      if (!r.chance(0.03)) return null;
      const outer = ctx.vars.filter((v) => !v.fn && !v.object);
      return outer.length ? r.pick(outer).name : null;
    };
    if (kind === "forin") {
      const shadowed = tdzName();
      const v = shadowed ?? this.fresh("k");
      const keys = ["a", "b", "c"].slice(0, n);
      const o = r.chance(0.7)
        ? { t: "obj", props: keys.map((k) => prop(k, this.expr(ctx, 1))) }
        : { t: "arr", items: keys.map(() => this.leaf(ctx)) };
      if (shadowed) o.t === "obj" ? o.props.push(prop("z", id(shadowed))) : o.items.push(id(shadowed));
      const inner = bodyCtx(n);
      const bindKind = shadowed ? r.pick(["let", "const"]) : r.pick(["let", "const", "var"]);
      inner.vars.push({ name: v, mutable: bindKind !== "const", local: true });
      inner.loopVars.push(v);
      return [{ t: "forin", label, kind: bindKind, v, o, body: this.statements(inner, r.range(2, 4)) }];
    }
    // for-of and for-await-of: over arrays, generators, iterator helpers.
    const isAwait = kind === "forawait";
    const destructure = r.chance(0.2);
    const source = destructure ? this.pairs(ctx, isAwait, n) : this.iterable(ctx, isAwait, n);
    if (!source) return [this.logStatement(ctx)];
    const inner = bodyCtx(source.iterations);
    let p;
    const bindKind = r.weighted([[5, "const"], [3, "let"], [1, "var"]]);
    if (destructure) {
      p = this.arrayPattern(inner, true, bindKind !== "const");
      for (const name of patternNames(p)) inner.loopVars.push(name);
    } else {
      const shadowed = bindKind !== "var" && source.expr.t === "arr" ? tdzName() : null;
      if (shadowed) source.expr.items.push(id(shadowed));
      const v = shadowed ?? this.fresh("x");
      p = pid(v);
      this.declare(inner, v, bindKind !== "const");
      inner.loopVars.push(v);
    }
    return [{ t: "forof", label, kind: bindKind, isAwait, p, it: source.expr, body: this.statements(inner, r.range(2, 4)) }];
  }

  /** An array of small arrays, to iterate with a destructuring pattern. */
  pairs(ctx, isAwait, n) {
    const items = [];
    for (let i = 0; i < n; i++) {
      const pair = { t: "arr", items: [this.expr(ctx, 1), this.leaf(ctx)].slice(0, this.rng.range(1, 2)) };
      items.push(isAwait && this.rng.chance(0.4) ? call(member("Promise", "resolve"), [pair]) : pair);
    }
    return { expr: { t: "arr", items }, iterations: n };
  }

  /** Something to iterate with for-of (or for-await-of): { expr, iterations }, or null. */
  iterable(ctx, isAwait, n) {
    const r = this.rng;
    const choice = r.weighted([
      [3, "array"],
      [this.callables.some((c) => c.kind === "gen") ? 3 : 0, "gen"],
      [isAwait && this.callables.some((c) => c.kind === "asyncgen") ? 4 : 0, "asyncgen"],
      [1.5, "siter"],
      [isAwait ? 1.5 : 0, "aiter"],
    ]);
    if (choice === "array") {
      const items = [];
      for (let i = 0; i < n; i++) items.push(isAwait && r.chance(0.5) ? this.awaitable(ctx, 1) : this.expr(ctx, 1));
      return { expr: { t: "arr", items }, iterations: n };
    }
    if (choice === "siter") return { expr: call("siter", [str(this.tag(ctx)), num(n)]), iterations: n };
    if (choice === "aiter") return { expr: call("aiter", [str(this.tag(ctx)), num(n)]), iterations: n };
    const kind = choice === "gen" ? "gen" : "asyncgen";
    const callee = this.pickCallable(ctx, kind, (c) => c.yields + 1 <= 6);
    if (!callee) return null;
    return { expr: callee.callee(ctx, this.callArgs(ctx, callee)), iterations: Math.max(1, Math.min(6, Math.ceil(callee.yields) + 1)) };
  }

  /** A callable of `kind` whose cost fits what is left of the budget; spends it. */
  pickCallable(ctx, kind, filter = () => true) {
    const candidates = [...this.callables, ...ctx.locals].filter((c) => c.kind === kind && filter(c) && c.cost * ctx.mult <= ctx.fn.fuel);
    if (!candidates.length) return null;
    const callee = this.rng.pick(candidates);
    this.spend(ctx, callee.cost);
    return callee;
  }

  generatorCall(ctx, kind) {
    const callee = this.pickCallable(ctx, kind);
    return callee ? callee.callee(ctx, this.callArgs(ctx, callee)) : null;
  }

  tryStatement(ctx) {
    const r = this.rng;
    const shape = r.weighted([[3, "catch"], [2, "finally"], [3, "both"]]);
    const inner = (extra = {}) => this.block(ctx, { depth: ctx.depth + 1, ...extra });
    const block = this.statements(inner({ protected: shape !== "finally" || ctx.protected }), r.range(1, 4));
    let param = null;
    let handler = null;
    let finalizer = null;
    if (shape !== "finally") {
      const hctx = inner();
      const style = r.weighted([[6, "name"], [1, "none"], [1, "pattern"]]);
      if (style === "name") {
        const name = this.fresh("e");
        param = pid(name);
        this.types?.annotateCatch(param);
        this.declare(hctx, name, true);
        handler = [log(this.tag(ctx), str("caught"), id(name)), ...this.statements(hctx, r.range(0, 3))];
      } else if (style === "pattern") {
        const name = this.fresh("e");
        // The name, not the message: engine messages quote source text.
        param = { t: "pobj", props: [{ t: "pprop", key: "name", v: { t: "pdef", p: pid(name), d: str("none") } }] };
        this.declare(hctx, name, true);
        handler = [log(this.tag(ctx), str("caught name"), id(name)), ...this.statements(hctx, r.range(0, 2))];
      } else {
        handler = [log(this.tag(ctx), str("caught")), ...this.statements(hctx, r.range(0, 2))];
      }
    }
    if (shape !== "catch") {
      finalizer = [log(this.tag(ctx), str("finally")), ...this.statements(inner({ inFinally: true }), r.range(0, 3))];
    }
    return { t: "try", block, param, handler, finalizer };
  }

  switchStatement(ctx) {
    const r = this.rng;
    const cases = [];
    const count = r.range(2, 4);
    const values = [0, 1, 2, 3];
    let hasDefault = false;
    const caseNames = new Set();
    for (let i = 0; i < count; i++) {
      const isDefault = !hasDefault && (i === count - 1 ? r.chance(0.4) : r.chance(0.08));
      if (isDefault) hasDefault = true;
      const test = isDefault ? null : r.chance(0.25) ? this.expr(ctx, 1, { value: values[i] }) : num(values[i]);
      // The cases share one scope: a name declared in one cannot be declared again in another.
      const body = r.chance(0.2)
        ? []
        : this.statements(this.block(ctx, { depth: ctx.depth + 1, inBreakable: true, blockNames: caseNames }), r.range(1, 3));
      // Fall-through unless the case breaks.
      if (body.length && r.chance(0.55) && !["return", "throw", "break", "continue"].includes(body.at(-1).t)) {
        body.push({ t: "break", label: null });
      }
      cases.push({ t: "case", test, body });
    }
    const d = r.chance(0.5) && ctx.loopVars.length ? id(r.pick(ctx.loopVars)) : this.expr(ctx, 2, { value: r.int(4) });
    return { t: "switch", d, cases };
  }

  labeledBlock(ctx) {
    const label = this.fresh("B");
    const inner = this.block(ctx, { depth: ctx.depth + 1, labels: [...ctx.labels, { name: label, loop: false }] });
    return { t: "block", label, body: this.statements(inner, this.rng.range(2, 4)) };
  }

  callStatement(ctx) {
    const r = this.rng;
    const all = [...this.callables, ...ctx.locals].filter((c) => c.cost * ctx.mult <= ctx.fn.fuel);
    if (!all.length) return [this.logStatement(ctx)];
    const callee = r.pick(all);
    this.spend(ctx, callee.cost);
    const callExpr = () => callee.callee(ctx, this.callArgs(ctx, callee));
    const tag = this.tag(ctx);
    const guard = (stmts) => (r.chance(0.5) ? [this.catching(ctx, stmts)] : stmts);
    if (callee.kind === "async") {
      if (!ctx.canAwait || r.chance(0.2)) return [exprs(call("settle", [str(tag), callExpr()]))];
      const style = r.weighted([[4, "log"], [2, "decl"], [1, "all"], [1, "then"]]);
      if (style === "log") return guard([log(tag, { t: "await", e: callExpr() })]);
      if (style === "decl") {
        const name = this.newName(ctx);
        const node = decl("const", name, { t: "await", e: callExpr() });
        this.declare(ctx, name, false);
        return [node, log(tag, id(name))];
      }
      if (style === "then") {
        return guard([log(tag, { t: "await", e: mcall(callExpr(), "then", [raw(`(value) => { log("${tag} then", value); return [value]; }`)]) })]);
      }
      const second = this.pickCallable(ctx, "async");
      const items = [callExpr()];
      if (second) items.push(second.callee(ctx, this.callArgs(ctx, second)));
      return guard([log(tag, { t: "await", e: call(member("Promise", "all"), [{ t: "arr", items }]) })]);
    }
    if (callee.kind === "gen") {
      const style = r.weighted([
        [3, "drive"],
        [2, "spread"],
        [ctx.canYield ? 2 : 0, "delegate"],
        [2, "forof"],
      ]);
      if (style === "spread") return guard([log(tag, { t: "arr", items: [{ t: "spread", e: callExpr() }] })]);
      if (style === "delegate") return [log(tag, { t: "yield", delegate: true, e: callExpr() })];
      if (style === "forof") return this.forOfCall(ctx, callee, callExpr(), false);
      return guard(this.drive(ctx, callExpr(), false));
    }
    // async generator
    const style = r.weighted([
      [ctx.canAwait ? 3 : 0, "forawait"],
      [3, "drive"],
      [ctx.kind === "asyncgen" ? 2 : 0, "delegate"],
    ]);
    if (style === "forawait") return this.forOfCall(ctx, callee, callExpr(), true);
    if (style === "delegate") return [log(tag, { t: "yield", delegate: true, e: callExpr() })];
    return guard(this.drive(ctx, callExpr(), true));
  }

  forOfCall(ctx, callee, expr, isAwait) {
    const r = this.rng;
    const iterations = Math.max(1, Math.min(6, Math.ceil(callee.yields) + 1));
    const label = r.chance(0.3) ? this.fresh("L") : null;
    const inner = this.block(ctx, {
      depth: ctx.depth + 1,
      mult: ctx.mult * iterations,
      inLoop: true,
      inBreakable: true,
      labels: label ? [...ctx.labels, { name: label, loop: true }] : ctx.labels,
      loopVars: ctx.loopVars.slice(),
    });
    const v = this.fresh("x");
    this.declare(inner, v, false);
    inner.loopVars.push(v);
    return [{ t: "forof", label, kind: "const", isAwait, p: pid(v), it: expr, body: this.statements(inner, r.range(1, 3)) }];
  }

  /**
   * Steps an iterator by hand: next with values, throw, return, in a random
   * order. Async iterators' requests are awaited one by one or queued
   * together and watched with settle().
   */
  drive(ctx, expr, isAsync) {
    const r = this.rng;
    const it = this.fresh("it");
    const stmts = [decl("const", it, expr)];
    for (let i = 0, n = r.range(1, 4); i < n; i++) {
      const method = r.weighted([[5, "next"], [1.5, "return"], [ctx.protected ? 1.2 : 0.5, "throw"]]);
      // A probe as the value sent in: a generator may call what its `yield` returns.
      const arg = method === "throw" ? this.errorValue() : r.chance(0.6) ? (r.chance(0.2) ? this.probe(ctx) : this.leaf(ctx)) : null;
      const request = mcall(it, method, arg ? [arg] : []);
      const tag = this.tag(ctx);
      if (!isAsync) stmts.push(log(tag, request));
      else if (ctx.canAwait && r.chance(0.6)) stmts.push(log(tag, { t: "await", e: request }));
      else stmts.push(exprs(call("settle", [str(tag), request])));
    }
    return stmts;
  }

  /** try { stmts } catch (e) { log(e) } */
  catching(ctx, stmts) {
    const name = this.fresh("e");
    return { t: "try", block: stmts, param: pid(name), handler: [log(this.tag(ctx), str("caught"), id(name))], finalizer: null };
  }

  iterateHelper(ctx) {
    const r = this.rng;
    const n = r.range(1, 3);
    const choice = r.weighted([[2, "siter"], [ctx.canAwait ? 2 : 0, "aiter"], [1, "spread"]]);
    if (choice === "spread") return [log(this.tag(ctx), { t: "arr", items: [{ t: "spread", e: call("siter", [str(this.tag(ctx)), num(n)]) }] })];
    const isAwait = choice === "aiter" || (ctx.canAwait && r.chance(0.3));
    const expr = call(choice === "aiter" ? "aiter" : "siter", [str(this.tag(ctx)), num(n)]);
    const fake = { yields: n, cost: 0 };
    return this.forOfCall(ctx, fake, expr, isAwait);
  }

  /** cl.push(() => ...): a closure over the bindings in scope now, called at the end. */
  closure(ctx) {
    if (!ctx.fn.closures) ctx.fn.closures = this.fresh("cl");
    const sync = this.block(ctx, { canAwait: false, canYield: false, kind: "sync" });
    const names = ctx.loopVars.length && this.rng.chance(0.7) ? ctx.loopVars : ctx.vars.filter((v) => !v.fn).map((v) => v.name);
    const items = [];
    for (let i = 0, n = this.rng.range(1, 2); i < n && names.length; i++) items.push(id(this.rng.pick(names)));
    if (ctx.hasThis && this.rng.chance(0.2)) items.push({ t: "this" });
    if (ctx.hasArgs && this.rng.chance(0.2)) items.push(member({ t: "args" }, "length"));
    if (!items.length) items.push(this.expr(sync, 1));
    return exprs(mcall(ctx.fn.closures, "push", [arrowe([], { t: "arr", items })]));
  }

  yieldStatement(ctx) {
    const r = this.rng;
    ctx.fn.yields += ctx.mult;
    let value = r.chance(0.85) ? this.expr(ctx, 2) : null;
    // A literal operand: async generators await it without PromiseResolve (m.yieldObject).
    if (value && r.chance(0.3)) value = r.chance(0.5) ? { t: "arr", items: [value] } : { t: "obj", props: [prop("v", value)] };
    const y = { t: "yield", delegate: false, e: value };
    if (r.chance(0.5)) return exprs(y);
    if (r.chance(0.5)) {
      const name = this.newName(ctx);
      const node = decl("let", name, y);
      this.declare(ctx, name, true);
      return node;
    }
    return log(this.tag(ctx), str("sent"), y);
  }

  microtask(ctx) {
    const sync = this.block(ctx, { canAwait: false, canYield: false, kind: "sync" });
    const tag = this.tag(ctx);
    return exprs(mcall(call(member("Promise", "resolve")), "then", [arrowe([], call("log", [str(tag), this.expr(sync, 2)]))]));
  }

  /** An async arrow (or function) declared in the body, then called: it captures the bindings around it. */
  innerFunction(ctx) {
    const r = this.rng;
    const name = this.fresh("h");
    const kind = ctx.canAwait ? r.weighted([[5, "async"], [1, "gen"], [1, "asyncgen"]]) : r.weighted([[3, "async"], [2, "gen"]]);
    const arrow = kind === "async" && r.chance(0.7);
    const budget = Math.max(4, Math.min(30, Math.floor(ctx.fn.fuel / (ctx.mult * 2))));
    const outer = this.block(ctx, { vars: ctx.vars.map((v) => ({ ...v, local: false })) });
    const { params, body, info } = this.functionParts(outer, kind, name, budget, { arrow });
    const fn = arrow
      ? { t: "arrowb", async: true, params, body }
      : { t: "fnexpr", async: kind !== "gen", gen: kind !== "async", name: null, params, body };
    const node = decl("const", name, fn);
    // Not a value to print: its text would be its source, which differs compiled.
    this.declare(ctx, name, false, { fn: true });
    const local = {
      name, kind, cost: info.cost, yields: info.yields, params: info.shapes,
      callee: (c, args) => call(name, args),
    };
    ctx.locals.push(local);
    this.spend(ctx, 1);
    return [node];
  }

  /**
   * A plain function declared in a nested block or a case: hoisted in its
   * block (a probe may come before it), and in sloppy code also assigned to
   * a function-level variable when the declaration runs (Annex B), which
   * probes anywhere later in the function can see, across suspensions.
   */
  blockFunction(ctx) {
    const name = this.fresh("bf");
    ctx.fn.blockFunctions = [...(ctx.fn.blockFunctions ?? []), name];
    const declaration = { t: "fndecl", async: false, gen: false, name, params: [], body: [{ t: "return", e: str(`${name} from ${this.tag(ctx)}`) }] };
    const probe = this.blockFunctionProbe(ctx, name);
    return this.rng.chance(0.3) ? [probe, declaration] : [declaration, probe];
  }

  /** Reads or writes the class's private field through `this`; a write's value may suspend. */
  privateStatement(ctx) {
    const r = this.rng;
    const field = member({ t: "this" }, ctx.priv);
    const choice = r.weighted([[2, "read"], [2, "write"], [1, "in"]]);
    if (choice === "read") return log(this.tag(ctx), field);
    if (choice === "in") return log(this.tag(ctx), raw(`${ctx.priv} in this`), field);
    return exprs(assignExpr(field, this.expr(ctx, 2), r.pick(["=", "+=", "??=", "||="])));
  }

  /** Logs what `name` is here: typeof never throws for an unresolved name, so the probe is valid anywhere. */
  blockFunctionProbe(ctx, name) {
    return log(this.tag(ctx), raw(`typeof ${name} === "function" ? ${name}() : typeof ${name}`));
  }

  contextLog(ctx) {
    const items = [];
    if (ctx.hasThis) items.push({ t: "this" });
    if (ctx.hasArgs) {
      items.push(member({ t: "args" }, "length"));
      if (this.rng.chance(0.5)) items.push({ t: "index", o: { t: "args" }, k: num(this.rng.int(2)) });
    }
    if (ctx.sup && this.rng.chance(0.3)) items.push(raw("super.constructor.name"));
    return log(this.tag(ctx), ...items);
  }

  /** Sloppy functions with simple parameters: arguments[i] and the parameter are the same binding. */
  mappedArguments(ctx) {
    const r = this.rng;
    const i = r.int(ctx.mapped.length);
    const name = ctx.mapped[i];
    const write = r.chance(0.5)
      ? exprs(assignExpr({ t: "index", o: { t: "args" }, k: num(i) }, this.expr(ctx, 2)))
      : exprs(assignExpr(id(name), this.expr(ctx, 2)));
    return [write, log(this.tag(ctx), id(name), { t: "index", o: { t: "args" }, k: num(i) })];
  }

  awaitStatement(ctx) {
    const r = this.rng;
    const value = this.awaitable(ctx, 2);
    if (r.chance(0.5)) return exprs({ t: "await", e: value });
    return log(this.tag(ctx), { t: "await", e: value });
  }

  // -------------------------------------------------------------------------
  // Expressions

  /** A condition that is sometimes true and sometimes false. */
  condition(ctx) {
    const r = this.rng;
    const choice = r.weighted([
      [ctx.loopVars.length ? 4 : 0, "loopVar"],
      [2, "expr"],
      [1.5, "trace"],
      [ctx.canAwait ? 1 : 0, "await"],
      [ctx.canYield ? 0.5 : 0, "yield"],
    ]);
    if (choice === "loopVar") {
      const v = id(r.pick(ctx.loopVars));
      return { t: "bin", op: r.pick(["===", ">", "<", "!=="]), l: v, r: r.chance(0.5) ? num(r.int(3)) : str(r.pick(["a", "b", "0", "1"])) };
    }
    if (choice === "trace") return call("tr", [str(this.tag(ctx)), lit(r.pick(["true", "false"]))]);
    if (choice === "await") return { t: "await", e: call("later", [lit(r.pick(["true", "false"])), num(r.int(3))]) };
    if (choice === "yield") {
      ctx.fn.yields += ctx.mult;
      return { t: "logic", op: "??", l: { t: "yield", delegate: false, e: this.leaf(ctx) }, r: lit(r.pick(["true", "false"])) };
    }
    return this.expr(ctx, 2, { cond: true });
  }

  /**
   * An expression of at most `depth` levels. It may suspend (await, yield)
   * where the context allows, call traced helpers to make its evaluation
   * order visible, and read or assign variables in scope.
   */
  expr(ctx, depth, hint = {}) {
    const r = this.rng;
    if (depth <= 0) return this.leaf(ctx, hint);
    const choice = r.weighted([
      [4, "leaf"],
      [2.5, "trace"],
      [2.5, "bin"],
      [hint.cond ? 2 : 1, "logic"],
      [1, "cond"],
      [ctx.canAwait ? 3.5 : 0, "await"],
      [ctx.canYield ? 1.5 : 0, "yield"],
      [ctx.canAwait && this.callables.some((c) => c.kind === "async") ? 1.5 : 0, "call"],
      [ctx.vars.some((v) => v.mutable) ? 1 : 0, "assign"],
      [1, "array"],
      [0.8, "object"],
      [0.8, "template"],
      [0.8, "unary"],
      [0.4, "seq"],
      [ctx.vars.some((v) => v.object) ? 1 : 0, "member"],
      [0.4, "iife"],
      [ctx.hasArgs ? 0.4 : 0, "arguments"],
      [0.3, "tagged"],
      [ctx.vars.some((v) => v.object) ? 0.5 : 0, "keyed"],
      [ctx.canAwait || ctx.canYield ? 0.5 : 0, "suspendedCallee"],
      [this.types ? 0.8 : 0, "typed"],
    ]);
    const sub = (d = depth - 1) => this.expr(ctx, d, {});
    switch (choice) {
      case "leaf":
        return this.leaf(ctx, hint);
      case "trace":
        return call("tr", [str(this.tag(ctx)), sub()]);
      case "bin":
        return { t: "bin", op: r.pick(BIN_OPS), l: sub(), r: sub() };
      case "logic":
        return { t: "logic", op: r.pick(["&&", "||", "??"]), l: sub(), r: sub() };
      case "cond":
        return { t: "cond", c: sub(), a: sub(), b: sub() };
      case "await":
        return { t: "await", e: this.awaitable(ctx, depth - 1) };
      case "yield": {
        ctx.fn.yields += ctx.mult;
        return { t: "yield", delegate: false, e: r.chance(0.85) ? sub() : null };
      }
      case "call": {
        const callee = this.pickCallable(ctx, "async");
        if (!callee) return this.leaf(ctx, hint);
        return { t: "await", e: callee.callee(ctx, this.callArgs(ctx, callee, 0)) };
      }
      case "assign": {
        const target = this.mutableVar(ctx);
        return assignExpr(id(target.name), sub(), r.pick(ASSIGN_OPS));
      }
      case "array": {
        const items = [];
        for (let i = 0, n = r.range(1, 3); i < n; i++) items.push(r.chance(0.1) ? { t: "spread", e: { t: "arr", items: [sub(), sub()] } } : sub());
        return { t: "arr", items };
      }
      case "object": {
        const props = [];
        const keys = ["p", "q", "x"];
        for (let i = 0, n = r.range(1, 3); i < n; i++) {
          if (r.chance(0.2)) props.push({ t: "prop", key: keys[i], k: call("tr", [str(this.tag(ctx)), str(keys[i])]), v: sub() });
          else props.push(prop(keys[i], sub()));
        }
        return { t: "obj", props };
      }
      case "template": {
        const items = [];
        for (let i = 0, n = r.range(1, 3); i < n; i++) items.push(sub());
        return { t: "tmpl", items };
      }
      case "tagged": {
        const items = [];
        for (let i = 0, n = r.range(1, 2); i < n; i++) items.push(sub());
        return { t: "tagged", tag: raw("((strings, ...values) => values)"), items };
      }
      case "unary":
        return { t: "unary", op: r.pick(["!", "-", "typeof", "void"]), e: sub() };
      case "seq":
        return { t: "seq", items: [sub(), sub()] };
      case "keyed": {
        // A key that may suspend, tested with `in` or deleted (a shared object loses it for later reads).
        const o = id(r.pick(ctx.vars.filter((v) => v.object)).name);
        const key = r.chance(0.5) ? str("n") : sub();
        return r.chance(0.6) ? { t: "bin", op: "in", l: key, r: o } : { t: "unary", op: "delete", e: { t: "index", o, k: key } };
      }
      case "member": {
        const o = r.pick(ctx.vars.filter((v) => v.object)).name;
        const field = r.chance(0.5) ? member(o, r.pick(["n", "tag"])) : { t: "index", o: id(o), k: sub() };
        if (r.chance(0.2)) field.optional = true;
        return field;
      }
      case "iife": {
        const sync = this.block(ctx, { canAwait: false, canYield: false, kind: "sync" });
        return call({ t: "arrowe", async: false, params: [], e: this.expr(sync, depth - 1) }, []);
      }
      case "arguments":
        return r.chance(0.5) ? member({ t: "args" }, "length") : { t: "index", o: { t: "args" }, k: num(r.int(3)) };
      case "suspendedCallee":
        return this.suspendedCallee(ctx, depth);
      case "typed":
        return this.types.wrap(ctx, sub());
      default:
        throw new Error(`unknown expression choice ${choice}`);
    }
  }

  leaf(ctx, hint = {}) {
    const r = this.rng;
    if (hint.value !== undefined && r.chance(0.5)) return num(hint.value);
    const choice = r.weighted([
      [3, "num"],
      [1.5, "str"],
      [1, "lit"],
      [ctx.vars.some((v) => !v.fn) ? 5 : 0, "var"],
      [ctx.hasThis ? 0.3 : 0, "this"],
      [this.types && (this.types.enums.length || this.types.namespaces.length || ctx.vars.some((v) => v.enumMembers)) ? 0.5 : 0, "enum"],
    ]);
    if (choice === "num") return num(r.int(10));
    if (choice === "str") return str(r.pick(["a", "b", "c", "zz", ""]));
    if (choice === "lit") return lit(r.pick(["true", "false", "null", "undefined"]));
    if (choice === "this") return { t: "this" };
    if (choice === "enum") return this.types.enumValue(ctx);
    return this.readVar(ctx);
  }

  /** What an await waits for: plain values, native promises, thenables, rejections, calls. */
  awaitable(ctx, depth) {
    const r = this.rng;
    const tag = () => str(this.tag(ctx));
    const choice = r.weighted([
      [3, "value"],
      [2, "resolved"],
      [1.5, "later"],
      [1.5, "thenable"],
      [ctx.protected ? 1 : 0.2, "rejected"],
      [ctx.protected ? 0.8 : 0.15, "failing"],
      [0.6, "executor"],
      [this.callables.some((c) => c.kind === "async") ? 2 : 0, "call"],
      [ctx.locals.some((c) => c.kind === "async") ? 2 : 0, "local"],
    ]);
    const value = () => this.expr(ctx, Math.max(0, depth - 1));
    switch (choice) {
      case "value":
        return value();
      case "resolved":
        return call(member("Promise", "resolve"), [value()]);
      case "later":
        return call("later", [value(), num(r.range(1, 4))]);
      case "thenable":
        return call("thenable", [tag(), value()]);
      case "rejected":
        return call(member("Promise", "reject"), [this.errorValue()]);
      case "failing":
        return call("failing", [tag(), this.errorValue()]);
      case "executor":
        return { t: "new", callee: id("Promise"), args: [raw(`(resolve) => { log("${this.tag(ctx)} executor"); resolve(${r.int(10)}); }`)] };
      case "call":
      case "local": {
        const pool = choice === "local" ? ctx.locals : this.callables;
        const candidates = pool.filter((c) => c.kind === "async" && c.cost * ctx.mult <= ctx.fn.fuel);
        if (!candidates.length) return value();
        const callee = r.pick(candidates);
        this.spend(ctx, callee.cost);
        return callee.callee(ctx, this.callArgs(ctx, callee, 0));
      }
      default:
        throw new Error(`unknown awaitable ${choice}`);
    }
  }

  // -------------------------------------------------------------------------
  // Callees that come out of a suspension, `this` probes

  /** `thisProbe("tag")`: a function that prints the `this` it is called with (prelude.mjs). */
  probe(ctx) {
    return call(this.rng.chance(0.7) ? "thisProbe" : "strictProbe", [str(this.tag(ctx))]);
  }

  /** A call of `callee` (called plainly: `this` is undefined): `f(...)`, `f?.(...)` or f`...`. */
  probeCall(ctx, callee, depth = 1) {
    const r = this.rng;
    const args = [];
    for (let i = 0, n = r.int(3); i < n; i++) args.push(this.expr(ctx, depth));
    const form = r.weighted([[4, "call"], [1.5, "optional"], [1, "tagged"]]);
    if (form === "tagged") return { t: "tagged", tag: callee, items: args };
    return { t: "call", callee, args, optional: form === "optional" };
  }

  /** `(await f)()`, `(yield x)?.()`, `(await o)\`tpl\``: the callee is the value of a suspension. */
  suspendedCallee(ctx, depth) {
    const r = this.rng;
    let callee;
    if (ctx.canAwait && (!ctx.canYield || r.chance(0.6))) {
      const probe = this.probe(ctx);
      const source = r.weighted([[2, "plain"], [2, "later"], [1, "resolved"], [1, "thenable"]]);
      const e = source === "plain" ? probe
        : source === "later" ? call("later", [probe, num(r.range(1, 3))])
        : source === "resolved" ? call(member("Promise", "resolve"), [probe])
        : call("thenable", [str(this.tag(ctx)), probe]);
      callee = { t: "await", e };
    } else {
      // What the generator is resumed with: a probe when driven by hand, undefined in for-of (hence `?.` or `??`).
      ctx.fn.yields += ctx.mult;
      const y = { t: "yield", delegate: false, e: r.chance(0.7) ? this.leaf(ctx) : null };
      if (r.chance(0.5)) {
        callee = { t: "logic", op: "??", l: y, r: this.probe(ctx) };
      } else {
        const node = this.probeCall(ctx, y, Math.max(0, depth - 2));
        if (node.t === "call") node.optional = true;
        else return { t: "call", callee: y, args: [], optional: true };
        return node;
      }
    }
    return this.probeCall(ctx, callee, Math.max(0, depth - 2));
  }

  /**
   * `let fn = <probe, maybe awaited>`, captured by a closure (in a loop, a
   * per-iteration binding), a suspension, then `fn()`: the call must not get
   * the binding's storage as `this`.
   */
  probeStatements(ctx) {
    const r = this.rng;
    const name = this.fresh("fn");
    let init = this.probe(ctx);
    if (ctx.canAwait && r.chance(0.5)) init = { t: "await", e: r.chance(0.5) ? call("later", [init, num(r.range(1, 3))]) : init };
    const stmts = [decl(r.chance(0.7) ? "let" : "const", name, init)];
    this.declare(ctx, name, false, { fn: true, probe: true });
    if (r.chance(0.6)) {
      if (!ctx.fn.closures) ctx.fn.closures = this.fresh("cl");
      const captured = ctx.loopVars.length ? [id(name), id(r.pick(ctx.loopVars))] : [id(name)];
      stmts.push(exprs(mcall(ctx.fn.closures, "push", [arrowe([], call(captured[0], captured.slice(1)))])));
    }
    if (ctx.canAwait && (!ctx.canYield || r.chance(0.5))) stmts.push(exprs({ t: "await", e: this.awaitable(ctx, 1) }));
    else {
      ctx.fn.yields += ctx.mult;
      stmts.push(exprs({ t: "yield", delegate: false, e: this.leaf(ctx) }));
    }
    stmts.push(log(this.tag(ctx), this.probeCall(ctx, id(name))));
    this.spend(ctx, 2);
    return stmts;
  }

  // -------------------------------------------------------------------------
  // `arguments` as a variable, accessors, classes declared in bodies

  /** Sloppy `var arguments`: without an initialiser it keeps the arguments object. */
  argumentsVar(ctx) {
    const r = this.rng;
    const init = r.chance(0.6) ? this.expr(ctx, 2) : null;
    const stmts = [decl("var", "arguments", init)];
    this.declare(ctx, "arguments", true);
    stmts.push(log(this.tag(ctx), init ? id("arguments") : member({ t: "args" }, "length")));
    if (init) {
      ctx.hasArgs = false;
      ctx.mapped = null;
    }
    return stmts;
  }

  /** Reads and writes of accessors (`o.val`, `this.val`) and fields (`this.pf`), values that suspend. */
  accessorStatement(ctx) {
    const r = this.rng;
    const owners = ctx.vars.filter((v) => v.accessor).map((v) => ({ o: () => id(v.name), name: v.accessor }));
    if (ctx.fields?.length && ctx.hasThis) for (const f of ctx.fields) owners.push({ o: () => ({ t: "this" }), name: f });
    const { o, name } = r.pick(owners);
    const target = () => member(o(), name);
    const style = r.weighted([[3, "read"], [3, "write"], [2, "compound"], [1, "update"], [1, "destructure"]]);
    if (style === "read") return log(this.tag(ctx), r.chance(0.7) ? target() : { t: "tmpl", items: [target(), this.expr(ctx, 1)] });
    if (style === "write") return exprs(assignExpr(target(), this.expr(ctx, 2)));
    if (style === "compound") return log(this.tag(ctx), assignExpr(target(), this.expr(ctx, 2), r.pick(["+=", "??=", "||=", "&&="])));
    if (style === "update") return log(this.tag(ctx), { t: "update", op: r.pick(["++", "--"]), prefix: r.chance(0.5), e: target() });
    // [o.val] = [value]: the setter runs when the pattern assigns.
    return exprs(assignExpr({ t: "parr", items: [target()] }, { t: "arr", items: [this.expr(ctx, 2)] }));
  }

  /**
   * A class declared in a suspending body: fields whose initialisers read
   * (and may assign) the bindings around it, computed before and after
   * suspensions, a static field, maybe a computed key that suspends, an
   * accessor pair and an async or generator method; then an instance.
   */
  localClass(ctx) {
    const r = this.rng;
    const name = this.fresh("C");
    const inst = this.fresh("c");
    const members = [{ t: "cfield", name: "tag", v: str(inst) }];
    for (let i = 0, n = r.range(1, 3); i < n; i++) {
      const style = r.weighted([[3, "public"], [2, "private"], [1, "static"], [ctx.canAwait ? 0.4 : 0, "computed"]]);
      if (style === "computed") {
        const key = { t: "await", e: call("later", [str(this.fresh("ck")), num(r.range(0, 2))]) };
        members.push({ t: "cfield", name: null, k: key, v: this.fieldInit(ctx, { hasThis: true }) });
      } else {
        const field = style === "private" ? `#${this.fresh("pv")}` : this.fresh("pf");
        members.push({ t: "cfield", name: field, static: style === "static", v: this.fieldInit(ctx, { hasThis: style !== "static" }) });
      }
    }
    const fields = members.filter((m) => m.t === "cfield" && !m.static && m.name && !m.name.startsWith("#")).map((m) => m.name);
    const priv = members.find((m) => m.name?.startsWith("#"))?.name ?? null;
    if (r.chance(0.5)) {
      members.push(...this.accessorPair(name, priv ?? "tag", "cmember"));
      fields.push("val");
    }
    if (ctx.fn.fuel > 12 * ctx.mult && r.chance(0.6)) {
      const kind = r.weighted([[3, "async"], [1, "gen"], [1, "asyncgen"]]);
      const mname = this.fresh(kind === "async" ? "m" : kind === "gen" ? "g" : "ag");
      const outer = this.block(ctx, { vars: ctx.vars.map((v) => ({ ...v, local: false })) });
      const budget = Math.max(4, Math.min(12, Math.floor(ctx.fn.fuel / (ctx.mult * 2))));
      const { params, body, info, sig } = this.functionParts(outer, kind, `${name}.${mname}`, budget, {
        method: true, classBody: true, priv, fields,
      });
      members.push({ t: "cmember", async: kind !== "gen", gen: kind !== "async", name: mname, ...sig, params, body });
      ctx.locals.push({
        name: `${inst}.${mname}`, kind, cost: info.cost, yields: info.yields, params: info.shapes,
        callee: (c, args) => mcall(inst, mname, args),
      });
    }
    this.types?.classMembers(members);
    this.declare(ctx, name, false, { fn: true });
    const stmts = [{ t: "classdecl", name, sup: null, members }];
    // Made now, or after a suspension (the initialisers then read what the bindings hold by then).
    if (r.chance(0.4)) stmts.push(ctx.canAwait ? this.awaitStatement(ctx) : this.yieldStatement(ctx));
    stmts.push(decl("const", inst, { t: "new", callee: id(name), args: [] }));
    this.declare(ctx, inst, false, { object: true, accessor: fields.includes("val") ? "val" : null });
    if (fields.length) stmts.push(log(this.tag(ctx), ...fields.filter((f) => f !== "val").map((f) => member(inst, f))));
    this.spend(ctx, 3);
    return stmts;
  }

  /**
   * An object literal whose method keeps the bindings around it (in a loop,
   * that iteration's), beside values, spreads and computed keys that suspend
   * or read `arguments` and `this`: those run where the literal stands, as
   * the enclosing function's own code; the method runs later.
   */
  methodLiteral(ctx) {
    const r = this.rng;
    const name = this.fresh("ol");
    const names = ctx.loopVars.length && r.chance(0.7) ? ctx.loopVars : ctx.vars.filter((v) => !v.fn && !v.object).map((v) => v.name);
    const captured = names.length ? [id(r.pick(names))] : [];
    if (ctx.hasThis && !this.types && r.chance(0.2)) captured.push(member({ t: "this" }, "tag", true));
    const suspending = () => {
      if (ctx.canAwait && (!ctx.canYield || r.chance(0.5))) return { t: "await", e: this.awaitable(ctx, 1) };
      ctx.fn.yields += ctx.mult;
      return { t: "yield", delegate: false, e: this.expr(ctx, 1) };
    };
    const value = () => (r.chance(0.6) ? suspending() : this.expr(ctx, 1));
    const key = () => {
      const style = r.weighted([[2, "suspends"], [ctx.hasArgs ? 1 : 0, "arguments"], [1, "plain"]]);
      if (style === "arguments") return { t: "tmpl", items: [str("args"), member({ t: "args" }, "length")] };
      const text = str(this.fresh("ck"));
      return style === "suspends" && ctx.canAwait ? { t: "await", e: call("later", [text, num(r.range(0, 2))]) } : text;
    };
    const props = [prop("tag", str(name))];
    for (let i = 0, n = r.range(1, 3); i < n; i++) {
      const style = r.weighted([[3, "value"], [1, "spread"], [1, "computed"]]);
      if (style === "spread") props.push({ t: "spreadp", e: { t: "obj", props: [prop(this.fresh("sp"), value())] } });
      else if (style === "computed") props.push({ t: "prop", key: "k", k: key(), v: value() });
      else props.push(prop(this.fresh("pv"), value()));
    }
    const read = { t: "objm", key: "read", params: [], body: [{ t: "return", e: { t: "arr", items: captured } }] };
    if (r.chance(0.3)) Object.assign(read, { k: key() });
    props.splice(r.int(props.length + 1), 0, read);
    const stmts = [decl("const", name, { t: "obj", props })];
    const methods = call(member("Object", "keys"), [id(name)]);
    stmts.push(log(this.tag(ctx), methods));
    if (!read.k) {
      if (!ctx.fn.closures) ctx.fn.closures = this.fresh("cl");
      stmts.push(exprs(mcall(ctx.fn.closures, "push", [arrowe([], mcall(name, "read"))])));
    }
    this.spend(ctx, 3);
    return stmts;
  }

  errorValue() {
    const r = this.rng;
    const n = ++this.errors;
    const choice = r.weighted([[5, "Error"], [1, "TypeError"], [1.5, "string"], [0.7, "number"]]);
    if (choice === "string") return str(`e${n}`);
    if (choice === "number") return num(n);
    return { t: "new", callee: id(choice), args: [str(`e${n}`)] };
  }
}

// ---------------------------------------------------------------------------

function prop(key, v) {
  return { t: "prop", key, k: null, v };
}

function arrowe(params, e) {
  return { t: "arrowe", async: false, params, e };
}

function assignExpr(l, r, op = "=") {
  return { t: "assign", op, l, r };
}

/** The names a binding pattern declares. */
export function patternNames(pattern) {
  switch (pattern.t) {
    case "pid":
      return [pattern.name];
    case "pdef":
      return patternNames(pattern.p);
    case "prest":
      return patternNames(pattern.p);
    case "parr":
      return pattern.items.flatMap(patternNames);
    case "pobj":
      return pattern.props.flatMap((p) => patternNames(p.t === "prest" ? p : p.v));
    default:
      return [];
  }
}
