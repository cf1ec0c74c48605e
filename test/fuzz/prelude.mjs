// The helpers a generated program starts with. They are plain functions (no
// async functions, no generators), so the compiler leaves them as they are and
// both runs share them exactly. Only the helpers a program uses are printed,
// which keeps shrunk reproducers short.
//
// Everything printed goes through `show`, which prints values the same way
// natively and compiled: no functions' source, no object identity, and for an
// error raised by the engine only its constructor's name (engine messages
// quote source text, which the compiler rewrites). Errors the program throws
// itself carry messages like "e12" and print in full.

const HELPERS = [
  {
    name: "log",
    needs: ["show"],
    code: `const out = [];
function log(...parts) {
  const line = parts.map((part) => show(part, 0)).join(" ");
  out.push(line);
  console.log(line);
}`,
  },
  {
    name: "show",
    needs: [],
    code: `function show(value, depth) {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (value === globalThis) return "global";
  const type = typeof value;
  if (type === "string") {
    const text = value.length > 80 ? value.slice(0, 80) + "..." : value;
    return depth ? JSON.stringify(text) : text;
  }
  if (type === "number" || type === "boolean" || type === "bigint") return String(value);
  if (type === "symbol") return "symbol";
  if (type === "function") return "function";
  if (value instanceof Error) return /^e\\d+$/.test(value.message) ? value.name + "(" + value.message + ")" : value.name;
  if (value instanceof Promise) return "promise";
  if (depth > 2) return "...";
  if (Array.isArray(value)) return "[" + value.map((item) => show(item, depth + 1)).join(", ") + "]";
  if (typeof value.tag === "string") return "<" + value.tag + ">";
  if (typeof value.next === "function") return "iterator";
  return "{" + Object.keys(value).map((key) => key + ": " + show(value[key], depth + 1)).join(", ") + "}";
}`,
  },
  {
    name: "tr",
    needs: ["log"],
    code: `function tr(tag, value) {
  log(tag, value);
  return value;
}`,
  },
  {
    name: "boom",
    needs: ["log"],
    code: `function boom(tag, error) {
  log(tag, "throws", error);
  throw error;
}`,
  },
  {
    name: "later",
    needs: [],
    code: `function later(value, ticks) {
  let promise = Promise.resolve(value);
  for (let i = 0; i < ticks; i++) promise = promise.then((v) => v);
  return promise;
}`,
  },
  {
    name: "thenable",
    needs: ["log"],
    code: `function thenable(tag, value) {
  return {
    then(resolve) {
      log(tag, "then", value);
      resolve(value);
    },
  };
}`,
  },
  {
    name: "failing",
    needs: ["log"],
    code: `function failing(tag, error) {
  return {
    then(resolve, reject) {
      log(tag, "then rejects", error);
      reject(error);
    },
  };
}`,
  },
  {
    name: "settle",
    needs: ["log"],
    code: `function settle(tag, promise) {
  promise.then(
    (value) => log(tag, "fulfilled", value),
    (error) => log(tag, "rejected", error),
  );
}`,
  },
  {
    name: "siter",
    needs: ["log"],
    code: `function siter(tag, count) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      log(tag, "open");
      return this;
    },
    next(value) {
      log(tag, "next", value);
      return i < count ? { value: i++, done: false } : { value: "end", done: true };
    },
    return(value) {
      log(tag, "return", value);
      return { value, done: true };
    },
  };
}`,
  },
  {
    name: "aiter",
    needs: ["log"],
    code: `function aiter(tag, count) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      log(tag, "open");
      return this;
    },
    next(value) {
      log(tag, "next", value);
      return Promise.resolve(i < count ? { value: i++, done: false } : { value: "end", done: true });
    },
    return(value) {
      log(tag, "return", value);
      return Promise.resolve({ value, done: true });
    },
  };
}`,
  },
  {
    name: "getter",
    needs: ["log"],
    code: `function getter(tag, value) {
  return {
    tag,
    get p() {
      log(tag, "get p");
      return value;
    },
    get q() {
      log(tag, "get q");
      return [value, tag];
    },
  };
}`,
  },
  {
    // A function that prints the \`this\` it was called with (undefined, the
    // global object in sloppy code, or an object) and its arguments: the callee
    // of calls like \`(await f)()\` and \`fn()\` after a suspension.
    name: "thisProbe",
    needs: ["log"],
    // Its text is not its source (which the compiler reprints): a probe sent
    // into a generator may end up in a template literal.
    code: `function thisProbe(tag) {
  const probe = function () {
    const args = [...arguments];
    log(tag, "this", this, typeof this, ...args);
    return args.length;
  };
  probe.toString = () => "probe " + tag;
  return probe;
}`,
  },
  {
    name: "strictProbe",
    needs: ["log"],
    code: `function strictProbe(tag) {
  const probe = function () {
    "use strict";
    const args = [...arguments];
    log(tag, "strict this", this, typeof this, ...args);
    return args.length;
  };
  probe.toString = () => "strict probe " + tag;
  return probe;
}`,
  },
  {
    name: "ticker",
    needs: ["log"],
    code: `function ticker(count) {
  let promise = Promise.resolve();
  for (let i = 1; i <= count; i++) promise = promise.then(() => log("tick", i));
}`,
  },
];

// Shorter `log` and `show` that shrunk reproducers use when they show the
// same mismatch with them (strings, numbers, errors and plain data print the
// same way; less care about the rest).
const LITE = {
  log: `const out = [];
function log(...parts) {
  const line = parts.map(show).join(" ");
  out.push(line);
  console.log(line);
}`,
  show: `function show(value) {
  if (value === globalThis) return "global";
  if (value instanceof Error) return /^e\\d+$/.test(value.message) ? value.name + "(" + value.message + ")" : value.name;
  if (typeof value === "function") return "function";
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}`,
};

const BY_NAME = new Map(HELPERS.map((h) => [h.name, h]));

/** The helpers' source for a program body: those it calls, and what they call, in a fixed order. */
export function preludeFor(bodyText, { lite = false } = {}) {
  const wanted = new Set();
  const add = (name) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of BY_NAME.get(name).needs) add(dep);
  };
  for (const helper of HELPERS) {
    if (new RegExp(`\\b${helper.name}\\b`).test(bodyText)) add(helper.name);
  }
  return HELPERS.filter((h) => wanted.has(h.name))
    .map((h) => (lite && LITE[h.name]) || h.code)
    .join("\n");
}

export const HELPER_NAMES = HELPERS.map((h) => h.name);
