// The text test that lets the CLI (and the benchmark's floor rows) pass a
// file through without parsing it. Kept apart from transform.ts so that
// something that only needs the test does not load Babel.

/**
 * Cheap test for text that cannot contain anything to lower: false when it
 * has no `async`, no `using` and no `*` that could start a generator
 * (`function*`, or a generator method `*name(`, `*[key](`, `*#name(`, `*"name"(`).
 */
export function mayNeedLowering(code: string): boolean {
  return /\basync\b|\busing\b|\bfunction\s*\*|\*\s*(?:\[|["'\d]|#?[\w$]+\s*\()/.test(code);
}
