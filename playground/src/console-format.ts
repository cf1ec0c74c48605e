// Formats console arguments as text, close to how Node prints them
// (`console.log("a", 1, [2], { b: 3 })` → `a 1 [ 2 ] { b: 3 }`), the same way
// for the native and the compiled run so their consoles can be compared.

const MAX_DEPTH = 2;
const MAX_ITEMS = 50;

function tagOf(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag;
}

function constructorName(value: object): string {
  try {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return "[Object: null prototype]";
    const ctor = proto && Object.prototype.hasOwnProperty.call(proto, "constructor") ? proto.constructor : undefined;
    return typeof ctor === "function" && ctor.name ? ctor.name : "";
  } catch {
    return "";
  }
}

function key(name: string | symbol): string {
  if (typeof name === "symbol") return `[${name.toString()}]`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
}

function inspect(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "boolean":
      return String(value);
    case "symbol":
      return value.toString();
    case "function": {
      const tag = tagOf(value);
      const kind = tag === "Function" ? "Function" : tag;
      return value.name ? `[${kind}: ${value.name}]` : `[${kind} (anonymous)]`;
    }
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "[Circular]";
  if (object instanceof Error) return depth === 0 ? errorText(object) : `[${errorText(object)}]`;
  const tag = tagOf(object);
  if (tag === "Promise") return "Promise {}";
  if (tag === "Date") return (object as Date).toISOString();
  if (tag === "RegExp") return String(object);
  if (depth > MAX_DEPTH) return Array.isArray(object) ? "[Array]" : "[Object]";
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.slice(0, MAX_ITEMS).map((item) => inspect(item, depth + 1, seen));
      if (object.length > MAX_ITEMS) items.push(`... ${object.length - MAX_ITEMS} more items`);
      return items.length ? `[ ${items.join(", ")} ]` : "[]";
    }
    if (object instanceof Map) {
      const items = [...object].slice(0, MAX_ITEMS).map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`);
      return `Map(${object.size}) {${items.length ? ` ${items.join(", ")} ` : ""}}`;
    }
    if (object instanceof Set) {
      const items = [...object].slice(0, MAX_ITEMS).map((v) => inspect(v, depth + 1, seen));
      return `Set(${object.size}) {${items.length ? ` ${items.join(", ")} ` : ""}}`;
    }
    const entries = Object.keys(object)
      .slice(0, MAX_ITEMS)
      .map((k) => `${key(k)}: ${inspect((object as Record<string, unknown>)[k], depth + 1, seen)}`);
    const name = constructorName(object);
    // Generators, async generators and the like: "Object [Generator] {}", as Node prints them.
    const prefix = name === "Object" ? "" : tag !== "Object" && tag !== name ? `${name || "Object"} [${tag}] ` : name ? `${name} ` : "";
    return `${prefix}{${entries.length ? ` ${entries.join(", ")} ` : ""}}`;
  } finally {
    seen.delete(object);
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return inspect(error, 0, new Set());
}

/** One console line from a call's arguments, with printf-style %s %d %i %f %o %O %j %%. */
export function formatArgs(args: unknown[]): string {
  const parts: string[] = [];
  let rest = args;
  if (typeof args[0] === "string" && args[0].includes("%")) {
    let index = 1;
    const text = args[0].replace(/%[sdifoOjc%]/g, (spec) => {
      if (spec === "%%") return "%";
      if (index >= args.length) return spec;
      const arg = args[index++];
      switch (spec) {
        case "%s":
          return typeof arg === "string" ? arg : inspect(arg, 1, new Set());
        case "%d":
        case "%i":
          return typeof arg === "number" ? String(spec === "%i" ? Math.trunc(arg) : arg) : String(Number(arg));
        case "%f":
          return String(Number(arg));
        case "%c":
          return "";
        default:
          return inspect(arg, 0, new Set());
      }
    });
    parts.push(text);
    rest = args.slice(index);
  } else if (args.length) {
    parts.push(typeof args[0] === "string" ? args[0] : inspect(args[0], 0, new Set()));
    rest = args.slice(1);
  }
  for (const arg of rest) parts.push(typeof arg === "string" ? arg : inspect(arg, 0, new Set()));
  return parts.join(" ");
}
