// Top-level declarations of built-in names, as real code has them:
// `var Promise = require("bluebird")`-style rebinding at the top of a script,
// `let Object = ...` in a module, `function Symbol() {}` in a file that never
// needs the real one. Natively they change only what the program's own code
// sees; compiled, the inlined runtime and any code the compiler writes must
// still reach the real built-ins (a native async function never reads the
// global `Promise`).
//
// Each declaration keeps the native program working: a name the program (or
// its prelude) uses is rebound to the real built-in or to a subclass of it; a
// name it never uses may be rebound to something else entirely.

const text = (code) => ({ t: "stext", code });

/**
 * name: the built-in; values: what it may be rebound to when the program
 * uses it (`real` or `subclass`); fake: a replacement for when it does not.
 * `lexicalOnly`: only as let/const/class (a top-level `var undefined` in a
 * script is the read-only global).
 */
const NAMES = [
  { name: "Promise", values: ["real", "subclass", "subclass"] },
  { name: "Symbol", values: ["real"], fake: "function" },
  { name: "Object", values: ["real", "subclass"] },
  { name: "Array", values: ["real", "subclass"] },
  // The prelude's `show` tells errors by `instanceof Error`: a subclass would print engine errors as plain objects.
  { name: "Error", values: ["real"] },
  { name: "TypeError", values: ["real", "subclass"] },
  { name: "ReferenceError", values: ["real", "subclass"] },
  { name: "RangeError", values: ["real", "subclass"] },
  { name: "Reflect", values: ["real"], fake: "object" },
  { name: "Function", values: ["real"], fake: "function" },
  { name: "WeakMap", values: ["real"], fake: "function" },
  { name: "Set", values: ["real"], fake: "function" },
  { name: "Map", values: ["real"], fake: "function" },
  { name: "String", values: ["real"] },
  { name: "queueMicrotask", values: [], fake: "function" },
  { name: "undefined", values: ["undefined"], moduleOnly: true },
];

/**
 * One to three declarations of built-in names for a program whose text
 * (helpers included) is `source`: { name, statement, anywhere }, where a
 * declaration that may go `anywhere` before the tasks start rebinds a name the
 * program never uses (or is a hoisted function); the others go before the
 * program's first function, class or object, whose initialisers may print
 * (through `show`, which reads Object, Array, Error and Promise).
 */
export function builtinDeclarations(rng, { sourceType, source, ts }) {
  const out = [];
  const candidates = NAMES.filter((n) => !n.moduleOnly || sourceType === "module");
  for (let i = 0, count = rng.weighted([[5, 1], [2, 2], [1, 3]]); i < count; i++) {
    const entry = rng.pick(candidates);
    if (out.some((d) => d.name === entry.name)) continue;
    const used = new RegExp(`\\b${entry.name}\\b`).test(source);
    const choices = [...entry.values];
    if (!used && entry.fake) choices.push("fake", "fake");
    if (!choices.length) continue;
    const value = rng.pick(choices);
    const { statement, hoisted } = declaration(rng, entry, value, ts);
    out.push({ name: entry.name, statement, anywhere: hoisted || !used });
  }
  return out;
}

function declaration(rng, entry, value, ts) {
  const { name } = entry;
  if (value === "fake" && entry.fake === "function") {
    return { statement: text(`function ${name}() {\n  return "fake ${name}";\n}`), hoisted: true };
  }
  const kind = rng.weighted([[3, "var"], [2, "let"], [2, "const"]]);
  const annotation = ts && rng.chance(0.3) ? ": any" : "";
  if (value === "fake") return { statement: text(`${kind} ${name}${annotation} = { tag: "fake ${name}" };`), hoisted: false };
  if (value === "undefined") return { statement: text(kind === "const" ? `const undefined = void 0;` : `${kind} undefined;`), hoisted: kind === "var" };
  if (value === "subclass") {
    // A class declaration or a class expression bound with var/let/const.
    if (rng.chance(0.4)) return { statement: text(`class ${name} extends globalThis.${name} {}`), hoisted: false };
    return { statement: text(`${kind} ${name}${annotation} = class extends globalThis.${name} {};`), hoisted: false };
  }
  return { statement: text(`${kind} ${name}${annotation} = globalThis.${name};`), hoisted: false };
}
