// What a benchmark program needs from its host and an engine shell lacks:
// `console.log`/`console.error` (the shells have `print`), `queueMicrotask`
// (through a resolved promise: the same job queue), `process.hrtime` (from
// Date.now(): millisecond resolution, enough for runs of a few hundred
// milliseconds) and `process.exitCode`, which the programs set on failure.
// Added after the program's "use strict" directive so the program keeps its
// mode.

const PRELUDE = `var console = { log: print, error: print };
if (typeof queueMicrotask !== "function") var queueMicrotask = function (job) { Promise.resolve().then(job); };
var process = {
  exitCode: 0,
  hrtime: function (since) {
    var now = Date.now();
    if (since) now -= since[0] * 1e3 + since[1] / 1e6;
    return [Math.floor(now / 1e3), (now % 1e3) * 1e6];
  }
};
`;

export function withPrelude(code) {
  const directive = /^(\s*(?:\/\/[^\n]*\n\s*)*(["'])use strict\2;?)/.exec(code);
  return directive ? `${directive[1]}\n${PRELUDE}${code.slice(directive[1].length)}` : PRELUDE + code;
}
