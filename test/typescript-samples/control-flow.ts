// Loops with let (closures per iteration), switch, labels, try/catch/finally with typed catch.

export async function closures(n: number): Promise<Array<() => number>> {
  const made: Array<() => number> = [];
  for (let i = 0; i < n; i++) {
    const squared: number = i * i;
    await null;
    made.push(() => i + squared);
  }
  return made;
}

export async function loops(limit: number): Promise<string> {
  let out = "";
  let k = 0;
  outer: while (k < limit) {
    k++;
    for (let j: number = 0; j < limit; j++) {
      if (j === k) continue outer;
      out += await Promise.resolve(`${k}${j}`);
    }
  }
  do {
    k--;
    await null;
  } while (k > 0);
  for (const key in { a: 1, b: 2 }) out += await Promise.resolve(key);
  return out;
}

export async function choose(kind: "a" | "b" | "c"): Promise<number> {
  switch (kind) {
    case "a": {
      const value = await Promise.resolve(1);
      return value;
    }
    case "b":
      await null;
      return 2;
    default:
      return 3;
  }
}

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`status ${status}`);
  }
}

export async function guarded(fail: boolean): Promise<string> {
  let state: "start" | "ok" | "failed" = "start";
  try {
    await null;
    if (fail) throw new HttpError(500);
    state = "ok";
  } catch (error: unknown) {
    if (error instanceof HttpError) state = error.status > 0 ? "failed" : state;
    else throw error;
  } finally {
    await null;
  }
  return state;
}

export async function anyCatch(): Promise<string> {
  try {
    await Promise.reject(new Error("no"));
    return "unreachable";
  } catch (e: any) {
    return e.message as string;
  }
}

export async function plainCatch(): Promise<number> {
  try {
    await Promise.reject(7);
  } catch (e) {
    await null;
    return typeof e === "number" ? e : -1;
  }
  return 0;
}

// Each branch declares its own `Entry` type; both branches' statements end up
// in the one step function, so the second type is declared under another name.
export async function branchTypes(asText: boolean): Promise<string> {
  if (asText) {
    type Entry = { text: string };
    const entry: Entry = { text: "t" };
    await null;
    return entry.text;
  } else {
    type Entry = { size: number };
    const entry: Entry = { size: 2 };
    await null;
    return String(entry.size);
  }
}
