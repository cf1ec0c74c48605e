// The examples menu: small programs that each show one thing the compiler
// does. They print what they do, so Run can compare native and compiled.

export interface Example {
  id: string;
  title: string;
  code: string;
}

const fakeFetch = `// A stand-in for fetch: resolves after a short delay.
function fetchJson(url, ms = 20) {
  return new Promise((resolve) => setTimeout(() => resolve({ url, ok: true }), ms));
}
`;

export const EXAMPLES: Example[] = [
  {
    id: "sequential",
    title: "Sequential fetches",
    code: `${fakeFetch}
async function loadProfile(id) {
  console.log("loading user", id);
  const user = await fetchJson(\`/users/\${id}\`);
  console.log("got", user.url);
  const posts = await fetchJson(\`/users/\${id}/posts\`);
  console.log("got", posts.url);
  return { user, posts };
}

loadProfile(7).then((profile) => console.log("done:", Object.keys(profile)));
`,
  },
  {
    id: "parallel",
    title: "Parallel Promise.all",
    code: `${fakeFetch}
async function loadAll(ids) {
  console.log("start", ids.length, "requests");
  const results = await Promise.all(ids.map((id) => fetchJson(\`/items/\${id}\`, 30 - id * 5)));
  for (const r of results) console.log(r.url);
  return results.length;
}

loadAll([1, 2, 3]).then((n) => console.log("loaded", n));
`,
  },
  {
    id: "try-catch-finally",
    title: "try / catch / finally",
    code: `function failLater(message) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), 10));
}

async function withCleanup() {
  let resource = "open";
  try {
    console.log("working with", resource);
    await failLater("disk full");
    console.log("not reached");
  } catch (error) {
    console.log("caught:", error.message);
    return "recovered";
  } finally {
    resource = "closed";
    await null;
    console.log("finally:", resource);
  }
}

withCleanup().then((result) => console.log("result:", result));
`,
  },
  {
    id: "loops",
    title: "Loops with break / continue",
    code: `const tick = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 1));

async function scan(limit) {
  let total = 0;
  outer: for (let i = 0; i < limit; i++) {
    if (i % 2 === 1) continue;
    let j = 0;
    while (true) {
      const v = await tick(i * 10 + j);
      if (v > 40) break outer;
      if (++j === 2) break;
      total += v;
    }
    console.log("row", i, "total", total);
  }
  return total;
}

scan(10).then((total) => console.log("final", total));
`,
  },
  {
    id: "generator",
    title: "A generator",
    code: `function* fibonacci() {
  let [a, b] = [0, 1];
  try {
    while (true) {
      const reset = yield a;
      if (reset) [a, b] = [0, 1];
      else [a, b] = [b, a + b];
    }
  } finally {
    console.log("generator closed");
  }
}

const seq = fibonacci();
const first = [];
for (const n of seq) {
  if (n > 20) break;
  first.push(n);
}
console.log(first.join(", "));

const again = fibonacci();
console.log(again.next().value, again.next().value, again.next().value);
console.log(again.next(true).value);
console.log(again.return(99));
`,
  },
  {
    id: "async-generator",
    title: "Async generator with for await",
    code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function* ticker(count) {
  for (let i = 1; i <= count; i++) {
    await sleep(5);
    yield \`tick \${i}\`;
  }
  return "done";
}

async function main() {
  for await (const message of ticker(3)) {
    console.log(message);
  }
  const it = ticker(2);
  console.log(await it.next());
  console.log(await it.return("early"));
  console.log(await it.next());
}

main();
`,
  },
  {
    id: "microtasks",
    title: "Microtask ordering",
    code: `// Two async functions interleave at every await; the compiled code
// must take exactly as many microtask ticks as native code.
async function first() {
  console.log("first: start");
  await null;
  console.log("first: after 1 await");
  await null;
  console.log("first: after 2 awaits");
}

async function second() {
  console.log("second: start");
  await Promise.resolve();
  console.log("second: after 1 await");
  await { then(resolve) { resolve(); } }; // a thenable takes longer
  console.log("second: after a thenable");
}

first();
second();
Promise.resolve()
  .then(() => console.log("then 1"))
  .then(() => console.log("then 2"))
  .then(() => console.log("then 3"));
console.log("sync code done");
`,
  },
  {
    id: "error-after-await",
    title: "Error after an await",
    code: `function lookup(id) {
  return new Promise((resolve) => setTimeout(() => resolve(id === 1 ? { name: "ada" } : undefined), 5));
}

async function nameOf(id) {
  const user = await lookup(id);
  return user.name.toUpperCase(); // throws for an unknown id
}

async function main() {
  console.log(await nameOf(1));
  try {
    await nameOf(2);
  } catch (error) {
    console.log("caught", error.constructor.name);
  }
  await nameOf(3); // nobody catches this one
}

main();
`,
  },
  {
    id: "delegation",
    title: "yield* and return()",
    code: `function* inner() {
  try {
    yield "inner 1";
    yield "inner 2";
  } finally {
    console.log("inner cleanup");
  }
}

function* outer() {
  yield "outer start";
  const result = yield* inner();
  yield "outer end";
  return result;
}

const it = outer();
console.log(it.next().value);
console.log(it.next().value);
console.log(it.return("stopped"));
console.log(it.next());
`,
  },
  {
    id: "methods",
    title: "Async methods and arrows",
    code: `class Queue {
  #items = [];
  constructor(name) { this.name = name; }

  async push(item) {
    await null;
    this.#items.push(item);
    return this.#items.length;
  }

  async *drain() {
    while (this.#items.length) yield this.#items.shift();
  }
}

const q = new Queue("jobs");
const log = async (label, promise) => console.log(label, await promise);

(async () => {
  await log("size", q.push("a"));
  await log("size", q.push("b"));
  for await (const item of q.drain()) console.log(q.name, item);
})();
`,
  },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0];
