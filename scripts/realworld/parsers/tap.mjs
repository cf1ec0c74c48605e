// Per-test results from TAP output (tape, ava --tap, tap, node:test), parsed
// with tap-parser. Subtests nest: a test point that closes a subtest which
// had test points of its own is a group, and its leaves are the tests, named
// by the path of group names ("suite > test"). tape prints flat assertions
// under `# test name` comments; with `commentGroups` each assertion is named
// "test name > assertion". With `maxDepth`, test points at that depth are the
// tests whatever they hold (tap runs each test file as one subtest: depth 1
// gives one result per file, the unit the corpus counts).

import { Parser } from "tap-parser";
import { uniqueIds } from "./unique-ids.mjs";

/** [{ id, status: "pass" | "fail" | "skip" | "todo" }] in output order. */
export function parseTap(text, { commentGroups = false, maxDepth = Infinity } = {}) {
  const events = Parser.parse(text);
  return uniqueIds(leaves(events, [], { commentGroups, maxDepth }));
}

/**
 * Why the TAP stream is incomplete, or null: a stream without its top-level
 * plan (`1..N`) was cut short, e.g. when the runner's reporter crashed, and
 * the tests it never reported would silently drop out of the comparison.
 */
export function tapProblem(text) {
  const events = Parser.parse(text);
  const bailout = events.find(([kind]) => kind === "bailout");
  if (bailout) return `the runner bailed out: ${String(bailout[1]).trim()}`;
  if (!events.some(([kind]) => kind === "plan")) return "the TAP output ends before its plan line (1..N): the run stopped early";
  return null;
}

function leaves(events, path, options) {
  const { commentGroups, maxDepth } = options;
  const results = [];
  let group = null; // the last `# name` comment (tape)
  let pendingChild = null; // the leaves of the subtest that the next test point closes
  for (const [kind, value] of events) {
    if (kind === "comment" && commentGroups) group = value.replace(/^#\s*/, "").trim();
    else if (kind === "child") pendingChild = value;
    else if (kind === "assert") {
      const name = value.name.trim();
      const deeper = pendingChild && path.length + 1 < maxDepth;
      const children = deeper ? leaves(pendingChild, [...path, name], options) : [];
      pendingChild = null;
      if (children.length) {
        results.push(...children);
        // A group that failed with none of its tests failing (an error in a
        // hook, or after the tests ended) is a failure of its own.
        if (!value.ok && !value.todo && !value.skip && !children.some((c) => c.status === "fail")) {
          results.push({ id: [...path, name].join(" > "), status: "fail" });
        }
      } else {
        const prefix = commentGroups && group !== null ? [...path, group] : path;
        results.push({ id: [...prefix, name].join(" > "), status: statusOf(value) });
      }
    }
  }
  return results;
}

function statusOf(assert) {
  if (assert.skip) return "skip";
  if (assert.todo) return "todo";
  return assert.ok ? "pass" : "fail";
}
