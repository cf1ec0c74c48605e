// Node 20 cannot run TypeScript: a TypeScript fixture, and what it compiles
// to, run after TypeScript's own transpileModule has removed the types
// (nothing else: ESNext in, ESNext out), so both sides lose exactly the same.

import ts from "typescript";

export function stripTypes(code: string, fileName: string): string {
  return ts.transpileModule(code, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
    reportDiagnostics: false,
  }).outputText;
}
