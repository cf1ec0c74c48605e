// Reads V8 stack traces as Node prints them (`at name (file:line:column)`,
// `at file:line:column`, `at async name (...)`), and finds where things are in
// a source text, so that tests can say where a frame should point.

export interface Frame {
  /** The function name as printed, "" when the frame has none. */
  name: string;
  /** A path or file URL, or "native"/"<anonymous>" for frames without a file. */
  file: string;
  line: number;
  column: number;
  text: string;
}

const WITH_NAME = /^\s*at (?:async )?(.*?) \((.*?):(\d+):(\d+)\)$/;
const WITHOUT_NAME = /^\s*at (?:async )?(.*?):(\d+):(\d+)$/;

export function parseStack(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const text of stack.split("\n")) {
    if (!/^\s*at /.test(text)) continue;
    const named = WITH_NAME.exec(text);
    if (named) {
      frames.push({ name: named[1], file: named[2], line: Number(named[3]), column: Number(named[4]), text: text.trim() });
      continue;
    }
    const anonymous = WITHOUT_NAME.exec(text);
    if (anonymous) {
      frames.push({ name: "", file: anonymous[1], line: Number(anonymous[2]), column: Number(anonymous[3]), text: text.trim() });
      continue;
    }
    // `at name (native)`, `at name (<anonymous>)` and the like.
    const bare = /^\s*at (?:async )?(.*?)(?: \((.*)\))?$/.exec(text)!;
    frames.push({ name: bare[1], file: bare[2] ?? "", line: 0, column: 0, text: text.trim() });
  }
  return frames;
}

/** Line (from 1) and column (from 1, as stack traces count) of the nth occurrence (from 0) of text in source. */
export function locate(source: string, text: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = source.indexOf(text, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(text)} (occurrence ${nth}) is not in the source`);
  }
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
