// Where the code the compiler writes comes from, for source maps.
//
// @babel/generator maps each printed node that has a `loc` to that place and
// lets a node without one inherit whatever position was printed last: a
// temporary spilled before an `await` would then point at the end of the
// previous statement, and the runtime's inlined code at the file's first
// comment. So every statement the lowering emits gets a position: the
// construct it implements (the spilled operand, the loop's test, the `break`
// it replaces), or NO_SOURCE for bookkeeping that implements nothing the user
// wrote (a jump to a `finally`, a rethrow, scope set-up), which the generator
// then maps to nothing. NO_SOURCE has lines the generator reads as absent.
// (The Babel plugin hides it from other plugins while they run and puts it
// back for printing: host/babel-plugin-positions.ts.)

import * as t from "@babel/types";

const nowhere = { line: undefined as unknown as number, column: 0, index: 0 };

export const NO_SOURCE: t.SourceLocation = {
  start: nowhere,
  end: nowhere,
  filename: undefined as unknown as string,
  identifierName: undefined,
};

/** A real place in the input (not absent, not NO_SOURCE). */
export function isSourced(loc: t.SourceLocation | null | undefined): loc is t.SourceLocation {
  return !!loc && loc !== NO_SOURCE;
}

/** Gives each statement without a position `loc`; returns the list. */
export function locate<T extends t.Node>(nodes: T[], loc: t.SourceLocation | null | undefined): T[] {
  if (loc) for (const node of nodes) if (!node.loc) node.loc = loc;
  return nodes;
}
