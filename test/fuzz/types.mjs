// The TypeScript a generated program may carry: annotations on parameters,
// declared names and returns, type parameters, `this` parameters, `as`,
// `satisfies`, `<T>x` and `x!`, type arguments on calls, interfaces, type
// aliases, enums, namespaces, `declare`, class member modifiers and parameter
// properties.
//
// Types are never checked (both runs strip them with TypeScript's
// transpileModule, see typescript.mjs), so they only need to parse; what
// matters is that the compiler leaves them as written. Some are chosen to
// tempt it: function types whose parameter names are the names of locals
// around them, `typeof` queries of locals, type aliases and interfaces named
// like nothing else.

import { printExpr } from "./ast.mjs";

const ty = (text) => ({ t: "ty", text });

export class TypeWriter {
  /** @param gen the program's Generator (for fresh names and the program's state) */
  constructor(rng, gen) {
    this.rng = rng;
    this.gen = gen;
    this.aliases = [];
    this.interfaces = [];
    /** Enums whose members serve as values: { name, members: [{ key, value }] } */
    this.enums = [];
    this.namespaces = [];
  }

  // -------------------------------------------------------------------------
  // Declarations at the top of the program

  declarations(top) {
    const r = this.rng;
    const out = [];
    for (let i = 0, n = r.range(0, 3); i < n; i++) {
      // Namespaces only in modules: Babel's parser refuses the `export` inside one in a script.
      const what = r.weighted([[3, "alias"], [2, "interface"], [2, "enum"], [this.gen.sourceType === "module" ? 0.7 : 0, "namespace"], [0.7, "declare"]]);
      if (what === "alias") {
        const name = this.gen.fresh("T_");
        // Parameter names that are also the names of locals (v1, a1, x1, ...).
        out.push(text(`type ${name}<R = any> = (acc: R, ${r.pick(["v1", "a1", "x1", "i1", "d1"])}: number) => R;`));
        this.aliases.push(name);
      } else if (what === "interface") {
        const name = this.gen.fresh("I_");
        out.push(text(`interface ${name} {\n  tag: string;\n  n?: number;\n  m?(a1: any, ...rest: any[]): Promise<unknown>;\n  readonly [key: string]: any;\n}`));
        this.interfaces.push(name);
      } else if (what === "enum") {
        const name = this.gen.fresh("E_");
        const members = ["A", "B", "C"].slice(0, r.range(1, 3)).map((key) => ({ key }));
        const body = members.map((m) => (r.chance(0.4) ? `${m.key} = ${r.int(10)}` : m.key));
        out.push(text(`enum ${name} {\n  ${body.join(",\n  ")},\n}`));
        this.enums.push({ name, members });
      } else if (what === "namespace") {
        const name = this.gen.fresh("N_");
        out.push(text(`namespace ${name} {\n  export const value = ${r.int(10)};\n  export type Of<X> = X[];\n}`));
        this.namespaces.push(name);
      } else {
        out.push(text(r.pick([`declare const ${this.gen.fresh("ambient")}: number;`, `declare function ${this.gen.fresh("ambient")}(a1: any): void;`])));
      }
    }
    return out;
  }

  /** A value of an enum (the program's or one declared in scope) or a namespace. */
  enumValue(ctx) {
    const r = this.rng;
    const enums = [...this.enums, ...ctx.vars.filter((v) => v.enumMembers).map((v) => ({ name: v.name, members: v.enumMembers }))];
    if (this.namespaces.length && (!enums.length || r.chance(0.2))) return { t: "member", o: { t: "id", name: r.pick(this.namespaces) }, name: "value" };
    const e = r.pick(enums);
    const m = r.pick(e.members);
    return { t: "member", o: { t: "id", name: e.name }, name: m.key };
  }

  /**
   * Declarations in a function body: a type alias or interface (nothing at
   * run time; parameter names that are locals; an alias may reuse the name of
   * one in another block), or an enum, which is a value: its members may be
   * computed from the bindings in scope or from earlier members, may be
   * strings, and code after later suspensions reads it.
   */
  localDeclarations(ctx) {
    const r = this.rng;
    const values = ctx.vars.filter((v) => !v.fn && v.name !== "arguments");
    const what = r.weighted([[1, "alias"], [0.6, "interface"], [2, "enum"]]);
    if (what === "alias") {
      // One name in several blocks of a function: each block's statements land in the one step function.
      const shared = r.chance(0.4) && !ctx.blockNames.has("Entry");
      const name = shared ? "Entry" : this.gen.fresh("L_");
      if (shared) ctx.blockNames.add(name);
      return [text(`type ${name} = ${this.type(ctx)};`)];
    }
    if (what === "interface") return [text(`interface ${this.gen.fresh("J_")} {\n  p: ${this.type(ctx, 0)};\n  m(${values.length ? r.pick(values).name : "a1"}: any): void;\n}`)];
    const name = this.gen.fresh("LE_");
    const members = ["A", "B", "C"].slice(0, r.range(1, 3)).map((key) => ({ key }));
    // A computed member (a local's value, or a traced one) comes last: members after one need initialisers.
    const body = members.map((m, i) => {
      if (i === members.length - 1 && values.length && r.chance(0.5)) {
        const v = { t: "id", name: r.pick(values).name };
        return `${m.key} = ${printExpr(r.chance(0.5) ? v : { t: "call", callee: { t: "id", name: "tr" }, args: [{ t: "str", v: `${ctx.fn.name}:enum` }, v] }, 2)}`;
      }
      // A member read by its bare name in a later initialiser, or a string member (no reverse mapping).
      if (i > 0 && r.chance(0.3)) return `${m.key} = ${members[i - 1].key} ${r.pick(["+ 1", "* 2", '+ "s"'])}`;
      if (r.chance(0.2)) return `${m.key} = "${m.key.toLowerCase()}"`;
      return r.chance(0.4) ? `${m.key} = ${r.int(10)}` : m.key;
    });
    ctx.vars.push({ name, fn: true, local: true, enumMembers: members });
    ctx.blockNames.add(name);
    return [text(`enum ${name} {\n  ${body.join(",\n  ")},\n}`)];
  }

  // -------------------------------------------------------------------------
  // Types

  /** A type that may appear anywhere: names of locals in `ctx` may show up in it. */
  type(ctx, depth = 1) {
    const r = this.rng;
    const values = ctx ? ctx.vars.filter((v) => !v.fn && v.name !== "arguments" && v.name !== "this") : [];
    const choice = r.weighted([
      [4, "keyword"],
      [1.5, "union"],
      [1, "object"],
      [1, "tuple"],
      [1, "array"],
      [values.length ? 2 : 0, "localFn"],
      [values.length ? 1 : 0, "typeof"],
      [1, "fn"],
      [this.aliases.length ? 1 : 0, "alias"],
      [this.interfaces.length ? 0.7 : 0, "interface"],
      [this.enums.length ? 0.5 : 0, "enum"],
      [this.namespaces.length ? 0.3 : 0, "namespace"],
      [ctx?.typeParams?.length ? 1.5 : 0, "param"],
      [depth > 0 ? 0.5 : 0, "generic"],
      [0.4, "conditional"],
      [0.3, "template"],
    ]);
    const sub = () => this.type(ctx, depth - 1);
    switch (choice) {
      case "keyword":
        return r.pick(["any", "any", "unknown", "number", "string", "boolean", "object", "null", "undefined", "void"]);
      case "union":
        // A function type in a union needs parentheses.
        return `${r.pick(["number", "string", "null"])} | ${depth > 0 ? `(${sub()})` : "undefined"}`;
      case "object":
        return `{ p?: ${depth > 0 ? sub() : "any"}; q?: any; readonly tag?: string }`;
      case "tuple":
        return `[${depth > 0 ? sub() : "any"}, any?, ...unknown[]]`;
      case "array":
        return r.pick(["any[]", "readonly any[]", "Array<any>"]);
      case "localFn": {
        // (acc: number, v3: number) => number: parameter names that are locals in scope.
        const names = [...new Set([r.pick(values).name, r.pick(values).name])];
        return `(${names.map((n, i) => `${n}${i ? "?" : ""}: ${i ? "any" : "number"}`).join(", ")}) => ${r.pick(["number", "any", "void"])}`;
      }
      case "typeof":
        return `typeof ${r.pick(values).name}`;
      case "fn":
        return r.pick(["(...args: any[]) => unknown", "() => void", "new () => object", "{ (a: any): any; n?: number }"]);
      case "alias":
        return `${r.pick(this.aliases)}${r.chance(0.5) ? "<number>" : ""}`;
      case "interface":
        return r.pick(this.interfaces);
      case "enum":
        return r.pick(this.enums).name;
      case "namespace":
        return `${r.pick(this.namespaces)}.Of<any>`;
      case "param":
        return r.pick(ctx.typeParams);
      case "generic":
        return `${r.pick(["Promise", "Array", "ReadonlyArray", "Partial", "Record<string, any> & Partial"])}<${sub()}>`;
      case "conditional":
        return `${ctx?.typeParams?.length ? r.pick(ctx.typeParams) : "any"} extends string ? number : any`;
      case "template":
        return "`a${string}` | number | any";
      default:
        throw new Error(`unknown type choice ${choice}`);
    }
  }

  returnType(ctx, kind) {
    const r = this.rng;
    const t = ctx.typeParams?.length && r.chance(0.3) ? r.pick(ctx.typeParams) : "any";
    if (kind === "async") return r.pick([`Promise<${t}>`, "Promise<unknown>", "Promise<void | any>"]);
    if (kind === "gen") return r.pick([`Generator<${t}, any, any>`, "Iterator<any>", "IterableIterator<any>", "Generator"]);
    return r.pick([`AsyncGenerator<${t}, any, any>`, "AsyncIterable<any>", "AsyncIterableIterator<any>", "AsyncGenerator"]);
  }

  // -------------------------------------------------------------------------
  // Where types go

  /** Type parameters, a `this` parameter and a return type for a function; sets `ctx.typeParams`. */
  signature(ctx, kind, { arrow }) {
    const r = this.rng;
    const sig = {};
    if (r.chance(0.25)) {
      const names = r.chance(0.6) ? ["T"] : ["T", "U"];
      ctx.typeParams = names;
      const parts = names.map((n, i) => (i && r.chance(0.5) ? `${n} extends ${this.type(ctx, 0)} = any` : n));
      // `<T,>`: what a .tsx file would need; fine in .ts too.
      sig.tparams = ty(`<${parts.join(", ")}${arrow && names.length === 1 && r.chance(0.3) ? "," : ""}>`);
    }
    if (!arrow && r.chance(0.08)) sig.thisTy = ty(r.pick(["any", "unknown", "object", ...this.interfaces]));
    if (r.chance(0.5)) sig.ret = ty(r.chance(0.85) ? this.returnType(ctx, kind) : "any");
    return sig;
  }

  /** Annotations on parameters (`a1: T`, `a2?: any`, `...rest: any[]`, `{ p }: { p?: any } = {}`). */
  annotateParams(ctx, params) {
    const r = this.rng;
    params.forEach((p, i) => {
      const target = p.t === "pdef" ? p.p : p.t === "prest" ? p.p : p;
      if (!r.chance(0.55)) return;
      target.ty = ty(p.t === "prest" ? r.pick(["any[]", "unknown[]", "[any?, ...any[]]"]) : this.type(ctx));
      // Optional: only the last one, and not one with a default.
      if (i === params.length - 1 && p.t === "pid" && r.chance(0.2)) p.opt = true;
    });
  }

  /** `let v1: T = ...`, `const { p }: any = ...`. */
  annotateDeclaration(ctx, node) {
    if (!this.rng.chance(0.35)) return;
    const d = node.decls[0];
    if (d.init) d.p.ty = ty(this.type(ctx));
  }

  /** `catch (e: unknown)`. */
  annotateCatch(param) {
    if (param && param.t === "pid" && this.rng.chance(0.4)) param.ty = ty(this.rng.pick(["unknown", "any"]));
  }

  /** Type arguments for a call: `f1<any>(...)`. */
  typeArgs(ctx) {
    return this.rng.chance(0.15) ? ty(`<${this.type(ctx, 0)}>`) : null;
  }

  /** An expression wrapped in an assertion: `(e as T)`, `(e satisfies T)`, `(<T>e)`, `e!`. */
  wrap(ctx, e) {
    const r = this.rng;
    const style = r.weighted([[3, "as"], [1.5, "satisfies"], [1, "angle"], [1.5, "nonnull"], [["arr", "obj", "num", "str"].includes(e.t) ? 1 : 0, "const"]]);
    if (style === "nonnull") return { t: "nonnull", e };
    if (style === "satisfies") return { t: "sat", e, ty: ty(r.pick(["any", "unknown", this.type(ctx, 0)])) };
    if (style === "const") return { t: "as", e, ty: ty("const") };
    if (style === "angle") return { t: "as", angle: true, e, ty: ty(r.pick(["any", "unknown", this.type(ctx, 0)])) };
    return { t: "as", e, ty: ty(r.pick(["any", "unknown as any", this.type(ctx, 0)])) };
  }

  /**
   * Class members: types on fields, accessibility and `readonly` on the
   * public ones (never on `#private` names), a `declare` field, and now and
   * then a parameter property for the constructor's `tag`.
   */
  classMembers(members) {
    const r = this.rng;
    for (const m of members) {
      const isPrivateName = m.name?.startsWith("#");
      if (m.t === "cfield") {
        if (r.chance(0.5)) m.ty = ty(this.type(null, 0));
        if (!isPrivateName && m.name && r.chance(0.3)) m.mods = r.pick(["public", "private", "protected", "readonly", "public readonly"]);
      } else if (m.name === "constructor") {
        const param = m.params[0];
        if (param?.t === "pid" && param.name === "tag" && r.chance(0.3)) {
          // constructor(public tag: string) {}: TypeScript assigns it.
          param.mods = "public";
          param.ty = ty("string");
          m.body = [];
        }
      } else if (!isPrivateName && r.chance(0.2)) {
        m.mods = r.pick(["public", "private", "protected"]);
      }
    }
    if (r.chance(0.1)) members.push({ t: "cfield", name: this.gen.fresh("dx"), mods: "declare", ty: ty("number"), v: null });
  }
}

function text(code) {
  return { t: "stext", code };
}
