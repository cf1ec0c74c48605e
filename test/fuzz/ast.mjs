// The fuzzer's own small syntax tree, its printer, and a schema that tells the
// shrinker which fields hold what. Nodes are plain JSON objects `{ t: type,
// ...fields }`, so a program is cloned with structuredClone and saved as JSON.
//
// Loop counters are not nodes: a loop prints its own bounded counter
// (`for (let i = 0; i < 3; i++)`, `let w1 = 0; while (w1++ < 3)`), so no edit
// of the shrinker can make a program run forever.

/**
 * The fields of every node type. Kinds:
 *   e   an expression           e?  an expression or null
 *   es  a list of expressions   p   a pattern (binding or assignment target)
 *   ps  a list of patterns      s   a list of statements
 *   s?  a list of statements or null
 *   ns  a list of other nodes (cases, properties, declarators, class members)
 *   n   a count the shrinker may lower
 *   T?  a TypeScript type (a `ty` node) or null: the shrinker may drop it
 * Other fields (names, operators, flags) are left as they are.
 */
export const SCHEMA = {
  // expressions
  num: {},
  str: {},
  lit: {},
  id: {},
  this: {},
  args: {},
  raw: {},
  bin: { l: "e", r: "e" },
  logic: { l: "e", r: "e" },
  cond: { c: "e", a: "e", b: "e" },
  unary: { e: "e" },
  update: { e: "e" },
  assign: { l: "p", r: "e" },
  call: { callee: "e", targs: "T?", args: "es" },
  new: { callee: "e", targs: "T?", args: "es" },
  member: { o: "e" },
  index: { o: "e", k: "e" },
  arr: { items: "es" },
  obj: { props: "ns" },
  prop: { k: "e?", v: "e" },
  spreadp: { e: "e" },
  objm: { tparams: "T?", thisTy: "T?", params: "ps", ret: "T?", body: "s" },
  spread: { e: "e" },
  hole: {},
  tmpl: { items: "es" },
  tagged: { tag: "e", items: "es" },
  await: { e: "e" },
  yield: { e: "e?" },
  arrowe: { tparams: "T?", params: "ps", ret: "T?", e: "e" },
  arrowb: { tparams: "T?", params: "ps", ret: "T?", body: "s" },
  fnexpr: { tparams: "T?", thisTy: "T?", params: "ps", ret: "T?", body: "s" },
  seq: { items: "es" },
  // TypeScript expressions: `(e as T)`, `(e satisfies T)`, `e!`
  as: { e: "e", ty: "T?" },
  sat: { e: "e", ty: "T?" },
  nonnull: { e: "e" },
  // a TypeScript type, as text
  ty: {},
  // patterns (`ty`: a TypeScript annotation on a parameter or declared name)
  pid: { ty: "T?" },
  pdef: { p: "p", d: "e" },
  parr: { items: "ps", ty: "T?" },
  pobj: { props: "ns", ty: "T?" },
  pprop: { v: "p" },
  prest: { p: "p" },
  // statements
  exprs: { e: "e" },
  decl: { decls: "ns" },
  dcl: { p: "p", init: "e?" },
  if: { c: "e", then: "s", else: "s?" },
  block: { body: "s" },
  for: { n: "n", cond: "e?", upd: "e?", body: "s" },
  while: { n: "n", cond: "e?", body: "s" },
  dowhile: { n: "n", cond: "e?", body: "s" },
  forin: { o: "e", body: "s" },
  forof: { p: "p", it: "e", body: "s" },
  try: { block: "s", param: "p?", handler: "s?", finalizer: "s?" },
  switch: { d: "e", cases: "ns" },
  case: { test: "e?", body: "s" },
  return: { e: "e?" },
  throw: { e: "e" },
  break: {},
  continue: {},
  fndecl: { tparams: "T?", thisTy: "T?", params: "ps", ret: "T?", body: "s" },
  classdecl: { members: "ns" },
  cmember: { tparams: "T?", thisTy: "T?", params: "ps", ret: "T?", body: "s" },
  cfield: { k: "e?", ty: "T?", v: "e?" },
  // a declaration written out as text: TypeScript interfaces, aliases and
  // enums, top-level rebinding of built-in names
  stext: {},
  program: { body: "s" },
};

export const EXPRESSION_TYPES = new Set([
  "num", "str", "lit", "id", "this", "args", "raw", "bin", "logic", "cond", "unary", "update", "assign", "call",
  "new", "member", "index", "arr", "obj", "tmpl", "tagged", "await", "yield", "arrowe", "arrowb", "fnexpr", "seq",
  "as", "sat", "nonnull",
]);

// ---------------------------------------------------------------------------
// Constructors (short, because the generator builds a lot of them)

export const num = (v) => ({ t: "num", v });
export const str = (v) => ({ t: "str", v });
export const lit = (v) => ({ t: "lit", v });
export const id = (name) => ({ t: "id", name });
export const raw = (code) => ({ t: "raw", code });
export const call = (callee, args = []) => ({ t: "call", callee: typeof callee === "string" ? id(callee) : callee, args });
export const member = (o, name, optional = false) => ({ t: "member", o: typeof o === "string" ? id(o) : o, name, optional });
export const mcall = (o, name, args = []) => call(member(o, name), args);
export const exprs = (e) => ({ t: "exprs", e });
export const log = (tag, ...values) => exprs(call("log", [str(tag), ...values]));
export const pid = (name) => ({ t: "pid", name });
export const decl = (kind, name, init) => ({
  t: "decl",
  kind,
  decls: [{ t: "dcl", p: typeof name === "string" ? pid(name) : name, init }],
});

// ---------------------------------------------------------------------------
// Printer

const PRIMARY = 20;

function precedence(node) {
  switch (node.t) {
    case "seq":
      return 1;
    case "yield":
    case "assign":
    case "arrowe":
    case "arrowb":
      return 2;
    case "cond":
      return 3;
    case "logic":
      return node.op === "??" ? 4 : node.op === "||" ? 5 : 6;
    case "bin":
      return BINARY_PRECEDENCE[node.op];
    case "unary":
    case "await":
      return 15;
    case "update":
      return 16;
    case "call":
    case "new":
    case "member":
    case "index":
    case "tagged":
    case "nonnull":
      return 18;
    default:
      return PRIMARY;
  }
}

const BINARY_PRECEDENCE = {
  "==": 10, "!=": 10, "===": 10, "!==": 10,
  "<": 11, ">": 11, "<=": 11, ">=": 11, in: 11, instanceof: 11,
  "+": 13, "-": 13,
  "*": 14, "/": 14, "%": 14,
};

const INDENT = "  ";

/** Prints an expression, in parentheses when its precedence is below `min`. */
export function printExpr(node, min = 0, ind = "") {
  const text = printBareExpr(node, ind);
  return precedence(node) < min ? `(${text})` : text;
}

function printBareExpr(node, ind) {
  const e = (child, min = 0) => printExpr(child, min, ind);
  switch (node.t) {
    case "num":
      return node.v < 0 ? `(${node.v})` : String(node.v);
    case "str":
      return JSON.stringify(node.v);
    case "lit":
      return node.v;
    case "id":
      return node.name;
    case "this":
      return "this";
    case "args":
      return "arguments";
    case "raw":
      return node.code;
    case "bin": {
      const p = precedence(node);
      const text = `${e(node.l, p)} ${node.op} ${e(node.r, p + 1)}`;
      // Always in parentheses: in TypeScript, `a < b > (c)` is a call with a type argument.
      return node.op === "<" || node.op === ">" ? `(${text})` : text;
    }
    case "logic": {
      if (node.op === "??") return `${e(node.l, 7)} ?? ${e(node.r, 7)}`;
      const p = precedence(node);
      return `${e(node.l, p)} ${node.op} ${e(node.r, p + 1)}`;
    }
    case "cond":
      return `${e(node.c, 4)} ? ${e(node.a, 2)} : ${e(node.b, 2)}`;
    case "unary": {
      const word = /^[a-z]/.test(node.op);
      const operand = e(node.e, word ? 15 : 17);
      return word ? `${node.op} ${operand}` : `${node.op}${operand}`;
    }
    case "await":
      return `await ${e(node.e, 15)}`;
    case "yield":
      return `yield${node.delegate ? "*" : ""}${node.e ? " " + e(node.e, 2) : ""}`;
    case "update":
      return node.prefix ? `${node.op}${e(node.e, 18)}` : `${e(node.e, 18)}${node.op}`;
    case "assign":
      return `${printPattern(node.l, ind)} ${node.op} ${e(node.r, 2)}`;
    case "call":
      return `${calleeText(node.callee, ind)}${node.optional ? "?." : ""}${typeText(node.targs)}(${node.args.map((a) => e(a, 2)).join(", ")})`;
    case "new":
      return `new ${e(node.callee, 19)}${typeText(node.targs)}(${node.args.map((a) => e(a, 2)).join(", ")})`;
    case "as":
      if (!node.ty) return `(${e(node.e)})`;
      return node.angle ? `(<${node.ty.text}>${e(node.e, 15)})` : `(${e(node.e, 12)} as ${node.ty.text})`;
    case "sat":
      return node.ty ? `(${e(node.e, 12)} satisfies ${node.ty.text})` : `(${e(node.e)})`;
    case "nonnull":
      return `${objectText(node.e, ind)}!`;
    case "member":
      return `${objectText(node.o, ind)}${node.optional ? "?." : "."}${node.name}`;
    case "index":
      return `${objectText(node.o, ind)}${node.optional ? "?." : ""}[${e(node.k, 0)}]`;
    case "spread":
      return `...${e(node.e, 2)}`;
    case "hole":
      return "";
    case "arr": {
      const items = node.items.map((item) => e(item, 2));
      // A hole at the end needs its own comma to count.
      if (node.items.length && node.items.at(-1).t === "hole") items.push("");
      return `[${items.join(", ")}]`;
    }
    case "obj":
      return node.props.length ? `{ ${node.props.map((p) => printProperty(p, ind)).join(", ")} }` : "{}";
    case "tmpl":
      return "`" + templateBody(node.items, ind) + "`";
    case "tagged":
      return `${e(node.tag, 18)}\`${templateBody(node.items, ind)}\``;
    case "arrowe": {
      let body = e(node.e, 2);
      if (body.startsWith("{")) body = `(${body})`;
      return `${node.async ? "async " : ""}${typeText(node.tparams)}(${printParams(node.params, ind)})${annotation(node.ret)} => ${body}`;
    }
    case "arrowb":
      return `${node.async ? "async " : ""}${typeText(node.tparams)}(${printParams(node.params, ind)})${annotation(node.ret)} => ${printBlock(node.body, ind)}`;
    case "fnexpr":
      return `${node.async ? "async " : ""}function${node.gen ? "*" : ""}${node.name ? " " + node.name : ""}${signature(node, ind)} ${printBlock(node.body, ind)}`;
    case "seq":
      return node.items.map((item) => e(item, 2)).join(", ");
    default:
      throw new Error(`printExpr: unknown node type ${node.t}`);
  }
}

/** A type's text (type arguments and parameters carry their own angle brackets). */
function typeText(ty) {
  return ty ? ty.text : "";
}

/** `: T` after a parameter, a declared name or a parameter list. */
function annotation(ty) {
  return ty ? `: ${ty.text}` : "";
}

/** `<T>(this: X, a, b): R` of a function or method. */
function signature(node, ind) {
  const params = printParams(node.params, ind);
  const self = node.thisTy ? `this: ${node.thisTy.text}${params ? ", " : ""}` : "";
  return `${typeText(node.tparams)}(${self}${params})${annotation(node.ret)}`;
}

function calleeText(callee, ind) {
  // `new X` as a callee would swallow the call's arguments; `a?.b` is fine.
  return printExpr(callee, callee.t === "new" ? PRIMARY : 18, ind);
}

function objectText(object, ind) {
  if (object.t === "num") return `(${object.v})`;
  return printExpr(object, object.t === "new" ? PRIMARY : 18, ind);
}

function templateBody(items, ind) {
  return items.map((item) => "${" + printExpr(item, 0, ind) + "}").join("-");
}

function propertyKey(node, ind) {
  return node.k ? `[${printExpr(node.k, 2, ind)}]` : node.key;
}

function printProperty(node, ind) {
  switch (node.t) {
    case "prop":
      if (!node.k && node.v.t === "id" && node.v.name === node.key) return node.key;
      return `${propertyKey(node, ind)}: ${printExpr(node.v, 2, ind)}`;
    case "spreadp":
      return `...${printExpr(node.e, 2, ind)}`;
    case "objm": {
      const prefix = node.kind ? `${node.kind} ` : `${node.async ? "async " : ""}${node.gen ? "*" : ""}`;
      return `${prefix}${propertyKey(node, ind)}${signature(node, ind)} ${printBlock(node.body, ind)}`;
    }
    default:
      throw new Error(`printProperty: unknown node type ${node.t}`);
  }
}

export function printPattern(node, ind = "") {
  switch (node.t) {
    case "pid":
      return `${node.mods ? node.mods + " " : ""}${node.name}${node.opt ? "?" : ""}${annotation(node.ty)}`;
    case "pdef":
      return `${printPattern(node.p, ind)} = ${printExpr(node.d, 2, ind)}`;
    case "prest":
      return `...${printPattern(node.p, ind)}`;
    case "hole":
      return "";
    case "parr": {
      const items = node.items.map((item) => printPattern(item, ind));
      if (node.items.length && node.items.at(-1).t === "hole") items.push("");
      return `[${items.join(", ")}]${annotation(node.ty)}`;
    }
    case "pobj":
      return (node.props.length ? `{ ${node.props.map((p) => printPatternProperty(p, ind)).join(", ")} }` : "{}") + annotation(node.ty);
    default:
      // Assignment targets: identifiers and member expressions.
      return printExpr(node, 18, ind);
  }
}

function printPatternProperty(node, ind) {
  if (node.t === "prest") return printPattern(node, ind);
  const v = node.v;
  if (v.t === "pid" && v.name === node.key) return node.key;
  if (v.t === "pdef" && v.p.t === "pid" && v.p.name === node.key) return `${node.key} = ${printExpr(v.d, 2, ind)}`;
  return `${node.key}: ${printPattern(v, ind)}`;
}

function printParams(params, ind) {
  return params.map((p) => printPattern(p, ind)).join(", ");
}

/** `{ ... }` with the statements indented one level deeper than `ind`. */
function printBlock(body, ind) {
  if (!body.length) return "{}";
  const inner = ind + INDENT;
  return `{\n${body.map((s) => printStmt(s, inner)).join("\n")}\n${ind}}`;
}

function labelText(node) {
  return node.label ? `${node.label}: ` : "";
}

function condSuffix(node, ind) {
  return node.cond ? ` && ${printExpr(node.cond, 7, ind)}` : "";
}

/** Prints a statement (possibly several lines, each starting with `ind`). */
export function printStmt(node, ind = "") {
  const e = (child, min = 0) => printExpr(child, min, ind);
  switch (node.t) {
    case "exprs": {
      let text = e(node.e);
      if (/^(\{|function\b|async function\b|class\b|let\s*\[)/.test(text)) text = `(${text})`;
      return `${ind}${text};`;
    }
    case "decl":
      return `${ind}${node.kind} ${node.decls.map((d) => printDeclarator(d, ind)).join(", ")};`;
    case "if": {
      let text = `${ind}if (${e(node.c)}) ${printBlock(node.then, ind)}`;
      if (node.else) text += ` else ${printBlock(node.else, ind)}`;
      return text;
    }
    case "block":
      return `${ind}${labelText(node)}${printBlock(node.body, ind)}`;
    case "for":
      return `${ind}${labelText(node)}for (${node.kind} ${node.v} = 0; ${node.v} < ${node.n}${condSuffix(node, ind)}; ${node.v}++${node.upd ? ", " + e(node.upd, 2) : ""}) ${printBlock(node.body, ind)}`;
    case "while":
      return `${ind}let ${node.g} = 0;\n${ind}${labelText(node)}while (${node.g}++ < ${node.n}${condSuffix(node, ind)}) ${printBlock(node.body, ind)}`;
    case "dowhile":
      return `${ind}let ${node.g} = 0;\n${ind}${labelText(node)}do ${printBlock(node.body, ind)} while (${node.g}++ < ${node.n}${condSuffix(node, ind)});`;
    case "forin":
      return `${ind}${labelText(node)}for (${node.kind ? node.kind + " " : ""}${node.v} in ${e(node.o)}) ${printBlock(node.body, ind)}`;
    case "forof":
      return `${ind}${labelText(node)}for ${node.isAwait ? "await " : ""}(${node.kind ? node.kind + " " : ""}${printPattern(node.p, ind)} of ${e(node.it, 2)}) ${printBlock(node.body, ind)}`;
    case "try": {
      let text = `${ind}try ${printBlock(node.block, ind)}`;
      if (node.handler) text += ` catch ${node.param ? `(${printPattern(node.param, ind)}) ` : ""}${printBlock(node.handler, ind)}`;
      if (node.finalizer) text += ` finally ${printBlock(node.finalizer, ind)}`;
      return text;
    }
    case "switch": {
      const inner = ind + INDENT;
      const cases = node.cases.map((c) => {
        const head = c.test ? `${inner}case ${printExpr(c.test, 0, inner)}:` : `${inner}default:`;
        return [head, ...c.body.map((s) => printStmt(s, inner + INDENT))].join("\n");
      });
      return `${ind}switch (${e(node.d)}) {\n${cases.join("\n")}\n${ind}}`;
    }
    case "return":
      return `${ind}return${node.e ? " " + e(node.e) : ""};`;
    case "throw":
      return `${ind}throw ${e(node.e)};`;
    case "break":
      return `${ind}break${node.label ? " " + node.label : ""};`;
    case "continue":
      return `${ind}continue${node.label ? " " + node.label : ""};`;
    case "fndecl":
      return `${ind}${node.async ? "async " : ""}function${node.gen ? "*" : ""} ${node.name}${signature(node, ind)} ${printBlock(node.body, ind)}`;
    case "classdecl": {
      const inner = ind + INDENT;
      const members = node.members.map((m) => {
        // TypeScript's order: accessibility, static, then readonly or declare.
        const words = (m.mods ?? "").split(" ").filter(Boolean);
        const access = words.filter((w) => ["public", "private", "protected"].includes(w));
        const mods = [...access, ...(m.static ? ["static"] : []), ...words.filter((w) => !access.includes(w))].map((w) => w + " ").join("");
        if (m.t === "cfield") {
          const key = m.k ? `[${printExpr(m.k, 2, inner)}]` : m.name;
          return `${inner}${mods}${key}${annotation(m.ty)}${m.v ? " = " + printExpr(m.v, 2, inner) : ""};`;
        }
        const prefix = `${mods}${m.kind ? m.kind + " " : ""}${m.async ? "async " : ""}${m.gen ? "*" : ""}`;
        return `${inner}${prefix}${m.name}${signature(m, inner)} ${printBlock(m.body, inner)}`;
      });
      // As an expression, the class takes its name from the `const` (NamedEvaluation).
      const head = node.asExpression
        ? `${ind}const ${node.name} = class${node.sup ? " extends " + node.sup : ""}`
        : `${ind}class ${node.name}${node.sup ? " extends " + node.sup : ""}`;
      const end = node.asExpression ? ";" : "";
      return members.length ? `${head} {\n${members.join("\n")}\n${ind}}${end}` : `${head} {}${end}`;
    }
    case "stext":
      return node.code.split("\n").map((line) => `${ind}${line}`).join("\n");
    case "comment":
      return node.text.split("\n").map((line) => `${ind}// ${line}`).join("\n");
    default:
      throw new Error(`printStmt: unknown node type ${node.t}`);
  }
}

function printDeclarator(node, ind) {
  return node.init ? `${printPattern(node.p, ind)} = ${printExpr(node.init, 2, ind)}` : printPattern(node.p, ind);
}

// ---------------------------------------------------------------------------
// Walking

/**
 * Calls `visit(node, parent, field, index)` for every node under `root`
 * (depth first, parents before children). `index` is the position in a list
 * field, or -1.
 */
export function walk(root, visit) {
  const go = (node, parent, field, index) => {
    visit(node, parent, field, index);
    const schema = SCHEMA[node.t];
    if (!schema) return;
    for (const [key, kind] of Object.entries(schema)) {
      const value = node[key];
      if (value == null || kind === "n") continue;
      if (Array.isArray(value)) value.forEach((child, i) => child && typeof child === "object" && go(child, node, key, i));
      else if (typeof value === "object") go(value, node, key, -1);
    }
  };
  go(root, null, null, -1);
}

/** How many nodes the tree has: the shrinker's measure of size. */
export function countNodes(root) {
  let n = 0;
  walk(root, () => n++);
  return n;
}
