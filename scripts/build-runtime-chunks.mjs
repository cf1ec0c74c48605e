// Turns the compiled ES5 runtime (dist/runtime/*.js) into the pieces that
// `runtime: "inline"` copies into output files, so a file carries only the
// runtime code it uses.
//
// Each top-level statement of a runtime file becomes a unit: a declaration
// (function or var), or a statement that sets up one of the file's own
// declarations (`X.prototype = ...`, `defineHidden(X, ...)`), included
// whenever that declaration is. A unit depends on every runtime-level name
// it mentions, and names the built-ins (free names: `Promise`, `Symbol`,
// `Object`…) it reads, so that the inlined copy can read those from the
// global object when the user's file binds the same names (runtime-binding.ts).
// The public helper names come from src/runtime/index.ts's re-exports.
// Written to src/generated/runtime-chunks.ts.

import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@babel/parser";
import generateModule from "@babel/generator";
import traverseModule from "@babel/traverse";
import * as t from "@babel/types";

const generate = generateModule.default ?? generateModule;
const traverse = traverseModule.default ?? traverseModule;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runtimeDir = join(root, "dist/runtime");
const moduleName = (specifier) => specifier.replace(/^\.\//, "").replace(/\.js$/, "");

const files = readdirSync(runtimeDir).filter((f) => f.endsWith(".js")).sort();
const helpers = {};
const parsed = [];
const declaredIn = new Map();

for (const file of files) {
  const name = file.replace(/\.js$/, "");
  const ast = parse(readFileSync(join(runtimeDir, file), "utf8"), { sourceType: "module" });
  const statements = [];
  for (let statement of ast.program.body) {
    if (statement.type === "ImportDeclaration") continue;
    if (statement.type === "ExportNamedDeclaration") {
      if (statement.source) {
        for (const spec of statement.specifiers) helpers[spec.exported.name] = spec.local.name;
        continue;
      }
      if (!statement.declaration) continue;
      statement = statement.declaration;
    }
    statements.push(statement);
  }
  if (name === "index") continue;
  for (const statement of statements) {
    for (const declared of declaredNames(statement)) {
      // Every file shares one scope in the inlined copy, so top-level names must be unique.
      if (declaredIn.has(declared)) throw new Error(`runtime name ${declared} is declared in both ${declaredIn.get(declared)} and ${name}`);
      declaredIn.set(declared, name);
    }
  }
  parsed.push({ name, statements });
}

const units = [];
for (const { name, statements } of parsed) {
  const own = new Set();
  for (const statement of statements) {
    const names = declaredNames(statement);
    const mentioned = mentionedNames(statement);
    const globals = [...mentioned].filter((n) => !declaredIn.has(n) && n !== "arguments").sort();
    const code = generate(statement, { comments: false }).code;
    if (names.length) {
      for (const n of names) own.add(n);
      units.push({ names, setupOf: null, deps: [...mentioned].filter((n) => declaredIn.has(n) && !names.includes(n)), globals, code });
      continue;
    }
    // A setup statement (`X.prototype = ...`, `defineHidden(X, ...)`) comes
    // with the declaration it sets up — the first of the file's own names it
    // mentions — and after everything else it mentions.
    const subject = [...mentioned].find((n) => own.has(n));
    if (!subject) throw new Error(`runtime ${name}: a top-level statement sets up nothing of its own: ${code.slice(0, 80)}`);
    units.push({ names: [], setupOf: subject, deps: [...mentioned].filter((n) => declaredIn.has(n)), globals, code });
  }
}

function declaredNames(statement) {
  if (statement.type === "FunctionDeclaration") return [statement.id.name];
  if (statement.type === "VariableDeclaration") return statement.declarations.map((d) => d.id.name);
  return [];
}

/**
 * Runtime-level names the statement refers to: free references, not
 * property names and not locals or parameters that happen to share a name.
 */
function mentionedNames(statement) {
  const names = new Set();
  const file = t.file(t.program([t.cloneNode(statement, true)]));
  traverse(file, {
    Identifier(path) {
      if (!path.isReferencedIdentifier() && !path.isBindingIdentifier()) return;
      const binding = path.scope.getBinding(path.node.name);
      if (binding && binding.scope.path.type !== "Program") return;
      names.add(path.node.name);
    },
  });
  return names;
}

// The inlined copy's wrapper takes the global object under this name (runtime-binding.ts).
if (declaredIn.has("globalObject")) throw new Error("the runtime may not declare globalObject: the inlined copy's wrapper uses that name");

for (const [publicName, local] of Object.entries(helpers)) {
  if (!declaredIn.has(local)) throw new Error(`runtime helper ${publicName} refers to ${local}, which no runtime file declares`);
}

mkdirSync(join(root, "src/generated"), { recursive: true });
const serialised = units;
writeFileSync(
  join(root, "src/generated/runtime-chunks.ts"),
  `// Generated by scripts/build-runtime-chunks.mjs from the compiled runtime. Do not edit.\n` +
    `/** Runtime units: a declaration (the names it declares) or the setup of one (setupOf), the runtime names it needs, the built-ins it reads, its ES5 code. */\n` +
    `export const units: Array<{ names: string[]; setupOf: string | null; deps: string[]; globals: string[]; code: string }> = ${JSON.stringify(serialised, null, 2)};\n` +
    `/** Public helper name (as compiled code calls it) → the runtime's own name for it. */\n` +
    `export const helpers: Record<string, string> = ${JSON.stringify(helpers, null, 2)};\n`,
);
console.log(`runtime: ${units.length} units, ${Object.keys(helpers).length} helpers`);
