// Checks of test/source-maps.test.ts that fail today because of the compiler,
// by fixture. Each problem is reported with a minimal reproducer; the tests
// are kept, skipped, until the compiler is fixed: take a fixture out of a list
// (or empty the list) to run its test again.

export interface Pending {
  /** What goes wrong, in short. */
  because: string;
  fixtures: readonly string[] | "all";
}

export const PENDING: Record<"firstStatement" | "compilerMadeStates" | "bookkeeping" | "lines" | "typescriptStates", Pending> = {
  // Statements the compiler writes without a source position take the
  // position of whatever was printed before them (the function's header, the
  // end of the previous statement): spilled temporaries (`_console = console`),
  // a loop's `if (!(test))`, jumps (`_m.s = N`), a destructured catch
  // parameter's assignment, parameter unpacking, TDZ markers, `markAsync`.
  // And the state model's source for a state is not always where its code
  // begins: a `for…of` round begins by binding the loop variable (mapped,
  // rightly, to the loop's head) but its source is the body's first statement.
  firstStatement: {
    because: "statements without a source position inherit the previous one",
    fixtures: [
      "expr-array-literal", "expr-assignment-order", "expr-binary-order", "expr-call-arguments-order", "expr-call-awaited-callee",
      "expr-call-method-this", "expr-comma-unary", "expr-conditional", "expr-destructuring-assignment", "expr-destructuring-object",
      "expr-destructuring-rest-live-properties", "expr-logical-assignment", "expr-logical-short-circuit", "expr-member-computed",
      "expr-nested-await", "expr-new", "expr-object-literal", "expr-optional-call-this", "expr-private-in", "expr-spread",
      "expr-tagged-template", "expr-template-literal", "expr-unresolvable-references", "expr-update", "fn-arrow-forms",
      "fn-class-field-arrow", "fn-contextual-keywords", "fn-declaration-forms", "fn-exported", "fn-length-name", "fn-name-inference",
      "fn-nested-closures", "fn-object-methods", "fn-super-property", "runtime-async-recursion", "runtime-await-thenable",
      "runtime-error-in-parameters", "runtime-many-awaits", "scope-arguments", "scope-catch-param", "scope-catch-param-loop-closure",
      "scope-const-assign", "scope-for-of-in-closures", "scope-function-name-bindings", "scope-loop-head-closures",
      "scope-loop-head-destructuring", "scope-loop-let-closures", "scope-loop-let-continue", "scope-name-collisions", "scope-switch-lexical",
      "scope-tdz", "scope-tdz-assignment", "stmt-block-function-strict", "stmt-class-declaration", "stmt-do-while", "stmt-for-classic",
      "stmt-for-of", "stmt-for-of-close", "stmt-for-of-close-errors", "stmt-for-of-iterator-errors", "stmt-if-else", "stmt-labeled",
      "stmt-return-await-in-try", "stmt-switch", "stmt-try-catch", "stmt-try-catch-finally", "stmt-try-finally",
      "stmt-try-finally-break-continue", "stmt-try-finally-return-override", "stmt-try-finally-throw-override", "stmt-try-nested",
    ],
  },
  // The same inheritance in states the model says the compiler made: jumps,
  // rethrows, iterator closing, the final `return;` map to the last position
  // printed. Some of these states also hold user code (a destructuring
  // default's join, a loop's `i = 0`), which would need a source in the model.
  compilerMadeStates: {
    because: "helper statements inherit the previous position",
    fixtures: [
      "expr-call-awaited-callee", "expr-conditional", "expr-delete-optional-chain", "expr-destructuring-array", "expr-destructuring-object",
      "expr-import-meta-dynamic", "expr-logical-short-circuit", "expr-optional-call-this", "expr-optional-chain-short-circuit",
      "expr-private-in", "expr-unresolvable-references", "fn-arrow-forms", "fn-length-name", "fn-nested-closures",
      "runtime-completion-timing", "runtime-error-in-parameters", "runtime-interleaving", "runtime-many-awaits", "runtime-patched-then",
      "runtime-rejection-order", "scope-catch-param", "scope-catch-param-loop-closure", "scope-const-assign", "scope-for-of-in-closures",
      "scope-loop-let-continue", "scope-name-collisions", "scope-switch-lexical", "scope-tdz", "scope-tdz-assignment", "stmt-declarations",
      "stmt-do-while", "stmt-for-classic", "stmt-for-of", "stmt-for-of-close", "stmt-for-of-close-errors", "stmt-for-of-iterator-errors",
      "stmt-if-else", "stmt-labeled", "stmt-return-await-in-try", "stmt-switch", "stmt-throw", "stmt-try-catch", "stmt-try-catch-finally",
      "stmt-try-finally", "stmt-try-finally-break-continue", "stmt-try-finally-return-override", "stmt-try-finally-throw-override",
      "stmt-try-nested",
    ],
  },
  // The runtime's binding (its import, or the whole inlined runtime) and
  // `markAsync` calls at the top map to the file's leading comment, or to the
  // last import before them: Node then shows the runtime's frames as
  // `input.js:1:1`.
  bookkeeping: {
    because: "the runtime binding maps to the file's leading comment",
    fixtures: "all",
  },
  // `break` and `continue` lowered to jumps keep no position (or none at all,
  // when the jump becomes a fall-through); also a `while (true)` test, a
  // multi-line `const {` and a boxed `catch (e)` binding.
  lines: {
    because: "break and continue leave no mapping",
    fixtures: [
      "expr-destructuring-object", "scope-catch-param-loop-closure", "scope-loop-let-continue", "scope-switch-lexical", "stmt-do-while",
      "stmt-for-of-close", "stmt-for-of-close-errors", "stmt-labeled", "stmt-switch", "stmt-try-finally-break-continue",
      "stmt-try-finally-return-override", "stmt-while",
    ],
  },
  // The `for…of` round of the composition test (see firstStatement).
  typescriptStates: {
    because: "a for-of round's source is its body, its code begins at the loop's head",
    fixtures: "all",
  },
};

export function isPending(check: keyof typeof PENDING, fixture: string): boolean {
  const { fixtures } = PENDING[check];
  return fixtures === "all" || fixtures.includes(fixture);
}
