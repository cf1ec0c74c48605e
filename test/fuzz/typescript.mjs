// TypeScript programs: both runs strip types the same way, with TypeScript's
// own transpileModule (target ESNext, so nothing else is lowered; class fields
// stay fields), and the compiled output must still parse as TypeScript.

import ts from "typescript";
import { parse } from "@babel/parser";

const COMPILER_OPTIONS = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  useDefineForClassFields: true,
  removeComments: false,
};

/**
 * The program with its types stripped, or { error } when TypeScript reports a
 * syntax error (it does not check types: only syntax counts).
 */
export function stripTypes(code, fileName = "program.ts") {
  const result = ts.transpileModule(code, { fileName, compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) return { error: ts.flattenDiagnosticMessageText(errors[0].messageText, " ") };
  return { code: result.outputText };
}

/** Why `code` does not parse as TypeScript, or null when it does. */
export function typeScriptSyntaxError(code, sourceType) {
  try {
    parse(code, { sourceType, plugins: ["typescript"], errorRecovery: false });
    return null;
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}
