// The playground end to end, in a real Chromium driven by playwright-core:
// build the page (vite build), serve playground/dist/ from a tiny static
// server on 127.0.0.1, and use it as a person would — type a program, toggle
// the diff, read the state graph, click states, Run, Step, share a link,
// make a syntax error, and do it at laptop and phone widths and by keyboard.
// Screenshots go to test-output/playground/ for a person to look at.
//
// Needs Chromium (Debian's `chromium` package, which .ci/run installs); set
// CHROMIUM_PATH to use another binary. Without it this suite fails, it does
// not skip.

import { describe, it, expect, beforeAll, beforeEach, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inspect, type FunctionModel, type SourcePosition, type SourceRange } from "../src/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "playground/dist");
const SHOTS = join(ROOT, "test-output/playground");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without these, Chromium's background connections hang on a machine without a network.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Serves `root` read-only on 127.0.0.1 at a free port. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)).replace(/^([/\\])+/, "");
    const file = resolve(root, path || "index.html");
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

/** The playground's own options for the compiler, as the page passes them (defaults: runtime import, annotate on). */
function pageOptions(runtime = "import") {
  return { filename: "input.js", sourceType: "module", runtime, globalName: "awaitlessRuntime", annotate: true } as Parameters<typeof inspect>[1];
}

function contains(range: SourceRange | null, at: SourcePosition): boolean {
  if (!range) return false;
  const before = (a: SourcePosition, b: SourcePosition) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(range.start, at) && before(at, range.end);
}

function sliceOf(text: string, range: SourceRange): string {
  const lines = text.split("\n");
  const offset = (p: SourcePosition) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column;
  return text.slice(offset(range.start), offset(range.end));
}

const squash = (text: string) => text.replace(/\s+/g, "");

interface Hooks {
  input(): string;
  output(): string;
  shownFunction(): number | null;
  cursor(): SourcePosition;
}

let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function hook<T>(target: Page, call: (hooks: Hooks) => T): Promise<T> {
  return target.evaluate(`(${call.toString()})(window.awaitlessPlayground)`) as Promise<T>;
}

async function shot(target: Page, name: string, fullPage = true): Promise<void> {
  await target.screenshot({ path: join(SHOTS, name), fullPage });
}

/** Replaces the input's whole text, as pasting would. */
async function setInput(target: Page, code: string): Promise<void> {
  await target.locator(".panel-input .cm-content").click();
  await target.keyboard.press("Control+A");
  await target.keyboard.insertText(code);
  await target.waitForFunction((expected) => (window as any).awaitlessPlayground.input() === expected, code);
}

/** Waits until the output shows what the compiler makes of the current input. */
async function waitForOutput(target: Page, runtime = "import"): Promise<{ input: string; expected: ReturnType<typeof inspect> }> {
  const input = await hook(target, (h) => h.input());
  const expected = inspect(input, pageOptions(runtime));
  await target.waitForFunction((code) => (window as any).awaitlessPlayground.output() === code, expected.code, { timeout: 10_000 });
  return { input, expected };
}

async function runs(target: Page): Promise<number> {
  return Number((await target.locator("body").getAttribute("data-runs")) ?? 0);
}

async function consoleLines(target: Page, id: string): Promise<string[]> {
  return target.locator(`#${id} .line:not(.run-end)`).allInnerTexts();
}

/** Why the page could not be set up (no Chromium, a failed build): every test fails with it, none is skipped. */
let setupError: Error | null = null;

beforeAll(async () => {
  try {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `playground e2e: Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`,
      );
    }
    const build = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "playground/vite.config.ts", "--logLevel", "warn"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`playground e2e: vite build failed:\n${build.stdout}\n${build.stderr}`);
    mkdirSync(SHOTS, { recursive: true });
    ({ server, url: baseUrl } = await serve(DIST));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(baseUrl);
    await page.waitForSelector("body[data-ready]");
  } catch (error) {
    setupError = error as Error;
  }
}, 60_000);

beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

const TYPED = [
  "async function pair(a, b) {",
  'console.log("start");',
  "const x = await a;",
  "try {",
  "const y = await b;",
  "return x + y;",
  "} catch (error) {",
  "return x;",
  "} finally {",
  'console.log("done");',
  "}",
  "}",
];

describe("playground (built, in Chromium)", () => {
  it("loads the built page from a static server and compiles the default example", async () => {
    expect(readFileSync(join(DIST, "index.html"), "utf8")).toContain("awaitless playground");
    await waitForOutput(page);
    const output = await hook(page, (h) => h.output());
    expect(output).toMatch(/_awaitless\.async(Once)?\(function/);
    expect(output).toContain("case 1:");
    expect(await page.locator("#example option").count()).toBeGreaterThanOrEqual(9);
    await shot(page, "01-loaded.png");
  });

  it("updates the output as a program is typed", async () => {
    await page.locator(".panel-input .cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(TYPED.join("\n"), { delay: 5 });
    const { input, expected } = await waitForOutput(page);
    expect(squash(input)).toBe(squash(TYPED.join("")));
    expect(expected.functions).toHaveLength(1);
    expect(await page.locator(".panel-output .cm-content").innerText()).toContain("case 1:");
    await shot(page, "02-typed.png");
  });

  it("toggles a diff of the input against the output", async () => {
    await page.click("#btn-diff");
    await expect.poll(() => page.locator("#diff-view .cm-mergeView").count()).toBe(1);
    expect(await page.getAttribute("#btn-diff", "aria-pressed")).toBe("true");
    expect(await page.locator("#output-editor").isHidden()).toBe(true);
    expect(await page.locator("#diff-view .cm-changedLine").count()).toBeGreaterThan(0);
    await shot(page, "03-diff.png");
    await page.click("#btn-diff");
    expect(await page.locator("#diff-view").isHidden()).toBe(true);
    expect(await page.locator("#output-editor").isVisible()).toBe(true);
  });

  it("draws the graph of the function under the cursor with as many nodes as inspect() has states", async () => {
    const input = await hook(page, (h) => h.input());
    const model = inspect(input, pageOptions()).functions[0];
    await page.locator(".panel-input .cm-line").nth(2).click();
    await expect.poll(() => hook(page, (h) => h.shownFunction())).toBe(model.id);
    const nodes = page.locator("#graph .state-node");
    expect(await nodes.count()).toBe(model.states.length);
    const ids = (await nodes.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-state"))))).sort((a, b) => a - b);
    expect(ids).toEqual(model.states.map((s) => s.id));
    // Every exit kind the model has is drawn with its own style.
    for (const kind of new Set(model.states.flatMap((s) => s.exits.map((e) => e.kind)))) {
      expect(await page.locator(`#graph path.edge-${kind}`).count(), `edges of kind ${kind}`).toBeGreaterThan(0);
    }
    expect(await page.locator("#graph path.edge-await").count()).toBeGreaterThan(0);
  });

  it("highlights a clicked or hovered state in the input and its case in the output, and selects the state under a click in the input", async () => {
    const input = await hook(page, (h) => h.input());
    const model = inspect(input, pageOptions()).functions[0];
    const target = model.states.find((s) => s.kind === "resume-await" && s.source && s.output)!;
    await page.click(`#graph .state-node[data-state="${target.id}"]`);
    expect(await page.getAttribute(`#graph .state-node[data-state="${target.id}"]`, "class")).toContain("selected");
    const marked = (await page.locator(".panel-input .cm-state-selected").allInnerTexts()).join("");
    expect(squash(marked)).toBe(squash(sliceOf(input, target.source!)));
    const caseLines = target.output!.end.line - target.output!.start.line + 1;
    expect(await page.locator(".panel-output .cm-state-selected-line").count()).toBe(caseLines);
    const firstCaseLine = await page.locator(".panel-output .cm-state-selected-line").first().innerText();
    expect(firstCaseLine.trim()).toBe(`case ${target.id}:`);
    await shot(page, "04-state-selected.png");

    const other = model.states.find((s) => s.id !== target.id && s.source)!;
    await page.hover(`#graph .state-node[data-state="${other.id}"]`);
    await expect.poll(() => page.locator(".panel-input .cm-state-hover").count()).toBeGreaterThan(0);
    await page.mouse.move(0, 0);

    // A click in the input, then the cursor moved into `await b` (line 5), selects the narrowest state holding it.
    await page.locator(".panel-input .cm-line").nth(4).click();
    await page.keyboard.press("End");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    const cursor = await hook(page, (h) => h.cursor());
    expect(cursor.line).toBe(5);
    const holding = model.states.filter((s) => contains(s.source, cursor));
    expect(holding.length).toBeGreaterThan(0);
    const selected = Number(await page.getAttribute("#graph .state-node.selected", "data-state"));
    expect(holding.map((s) => s.id)).toContain(selected);
  });

  it("runs the original and the compiled program side by side with the same console output and a timeline", async () => {
    await page.selectOption("#example", "microtasks");
    await waitForOutput(page);
    const before = await runs(page);
    await page.click("#btn-run");
    await expect.poll(() => runs(page), { timeout: 15_000 }).toBe(before + 1);
    const original = await consoleLines(page, "console-original");
    const compiled = await consoleLines(page, "console-compiled");
    expect(original).toEqual([
      "first: start",
      "second: start",
      "sync code done",
      "first: after 1 await",
      "second: after 1 await",
      "then 1",
      "first: after 2 awaits",
      "then 2",
      "second: after a thenable",
      "then 3",
    ]);
    expect(compiled).toEqual(original);
    expect(await page.locator("#run-compare").innerText()).toContain("Same output");
    expect(await page.locator("#timeline .visit").count()).toBe(6);
    expect(await page.locator("#timeline .leave-await").count()).toBe(4);
    await shot(page, "05-run.png");

    // An uncaught error after an await shows in both consoles alike.
    await page.selectOption("#example", "error-after-await");
    await waitForOutput(page);
    await page.click("#btn-run");
    await expect.poll(() => runs(page), { timeout: 15_000 }).toBe(before + 2);
    const errorOriginal = await consoleLines(page, "console-original");
    expect(errorOriginal).toEqual(["ADA", "caught TypeError", "Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'name')"]);
    expect(await consoleLines(page, "console-compiled")).toEqual(errorOriginal);
  });

  it("steps through a run one state at a time, highlighting the state in the graph, the input and the output", async () => {
    await page.selectOption("#example", "sequential");
    const { input, expected } = await waitForOutput(page);
    const fn = expected.functions[0];
    await page.click("#btn-step");
    await page.waitForSelector("body[data-step='0']", { timeout: 15_000 });
    const visits = await page.locator("#timeline .visit").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-state"))));
    expect(visits).toEqual([0, 1, 2]);
    for (let step = 0; step < visits.length; step++) {
      if (step > 0) {
        await page.keyboard.press("F10");
        await page.waitForSelector(`body[data-step='${step}']`);
      }
      const state = fn.states[visits[step]];
      expect(await page.getAttribute("#graph .state-node.current", "data-state")).toBe(String(state.id));
      expect(await page.getAttribute("#timeline .visit.current", "data-step")).toBe(String(step));
      const marked = (await page.locator(".panel-input .cm-state-current").allInnerTexts()).join("");
      expect(squash(marked)).toBe(squash(sliceOf(input, state.source!)));
      expect((await page.locator(".panel-output .cm-state-current-line").first().innerText()).trim()).toBe(`case ${state.id}:`);
      // The compiled console shows what the run had printed by then.
      expect(await consoleLines(page, "console-compiled")).toHaveLength([1, 2, 4][step]);
      if (step === 1) await shot(page, "06-step.png");
    }
    expect(await page.locator("#btn-step").isDisabled()).toBe(true);
    await page.click("#btn-back");
    await page.waitForSelector("body[data-step='1']");
    // A state in the timeline is a way to get there too.
    await page.click('#timeline .visit[data-step="0"]');
    await page.waitForSelector("body[data-step='0']");
    expect(await page.getAttribute("#graph .state-node.current", "data-state")).toBe(String(visits[0]));
    await page.click("#btn-reset");
    expect(await page.locator("#graph .state-node.current").count()).toBe(0);
    expect(await consoleLines(page, "console-compiled")).toHaveLength(4);
  });

  it("runs every example alike natively and compiled", async () => {
    const ids = await page.locator("#example option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      await page.selectOption("#example", id);
      await waitForOutput(page);
      const before = await runs(page);
      await page.click("#btn-run");
      await expect.poll(() => runs(page), { timeout: 15_000 }).toBe(before + 1);
      const original = await consoleLines(page, "console-original");
      expect(original.length, `${id} prints something`).toBeGreaterThan(0);
      expect(await consoleLines(page, "console-compiled"), id).toEqual(original);
      expect(await page.locator("#run-compare").innerText(), id).toContain("Same output");
      expect(await page.locator("#timeline .visit").count(), `${id} visits states`).toBeGreaterThan(0);
    }
  });

  it("restores a shared URL: the program and the options", async () => {
    await page.selectOption("#example", "generator");
    await page.selectOption("#opt-runtime", "inline");
    const { input, expected } = await waitForOutput(page, "inline");
    await page.click("#btn-share");
    await page.waitForSelector("body[data-hash='saved']");
    expect(await page.locator("#toast").innerText()).toMatch(/Link copied|Copy this link/);
    const url = page.url();
    expect(url).toContain("#z=");
    const other = await context.newPage();
    other.on("pageerror", (error) => pageErrors.push(error.message));
    await other.goto(url);
    await other.waitForSelector("body[data-ready]");
    expect(await hook(other, (h) => h.input())).toBe(input);
    expect(await other.inputValue("#opt-runtime")).toBe("inline");
    await other.waitForFunction((code) => (window as any).awaitlessPlayground.output() === code, expected.code);
    await shot(other, "07-restored.png");
    // A reload restores it too.
    await other.reload();
    await other.waitForSelector("body[data-ready]");
    expect(await hook(other, (h) => h.input())).toBe(input);
    await other.close();
    await page.selectOption("#opt-runtime", "import");
  });

  it("shows a syntax error at its line without breaking the page", async () => {
    await setInput(page, "async function broken() {\n  await first();\n  let = ;\n}\n");
    const message = page.locator(".panel-input .cm-error-message");
    await expect.poll(() => message.count()).toBe(1);
    expect(await message.getAttribute("data-line")).toBe("3");
    expect(await message.innerText()).toMatch(/^Syntax error: .+ \(line 3, column \d+\)$/);
    expect(await page.locator(".panel-input .cm-error-line").innerText()).toBe("  let = ;");
    expect(await page.locator("#input-status").innerText()).toContain("at line 3");
    expect(await page.locator("#output-editor").getAttribute("class")).toContain("stale");
    await shot(page, "08-syntax-error.png");
    // Fixing it brings everything back.
    await setInput(page, "async function fixed() {\n  await first();\n  let x = 1;\n}\n");
    await waitForOutput(page);
    expect(await message.count()).toBe(0);
    expect(await page.locator("#output-editor").getAttribute("class")).not.toContain("stale");
    expect(await page.locator("#graph .state-node").count()).toBe(2);
  });

  it("works by keyboard", async () => {
    await page.selectOption("#example", "try-catch-finally");
    await waitForOutput(page);
    const before = await runs(page);
    await page.locator(".panel-input .cm-content").click();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => runs(page), { timeout: 15_000 }).toBe(before + 1);
    expect(await consoleLines(page, "console-compiled")).toEqual(await consoleLines(page, "console-original"));
    // Tab leaves the editor (it is not captured for indentation).
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".panel-input .cm-content") === null)).toBe(true);
    // A state node is reachable and selectable by keyboard.
    await page.focus('#graph .state-node[data-state="1"]');
    await page.keyboard.press("Enter");
    expect(await page.getAttribute('#graph .state-node[data-state="1"]', "class")).toContain("selected");
    // Toolbar buttons work with Enter and Space.
    await page.focus("#btn-diff");
    await page.keyboard.press("Space");
    expect(await page.getAttribute("#btn-diff", "aria-pressed")).toBe("true");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("#btn-diff", "aria-pressed")).toBe("false");
  });

  it("fits laptop and phone widths", async () => {
    for (const [name, viewport] of [
      ["laptop", { width: 1366, height: 768 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      const view = await context.newPage();
      view.on("pageerror", (error) => pageErrors.push(error.message));
      await view.setViewportSize(viewport);
      await view.goto(baseUrl);
      await view.waitForSelector("body[data-ready]");
      await waitForOutput(view);
      expect(await view.evaluate(() => document.documentElement.scrollWidth), `${name}: no horizontal scrolling`).toBeLessThanOrEqual(viewport.width);
      const input = (await view.locator(".panel-input").boundingBox())!;
      const output = (await view.locator(".panel-output").boundingBox())!;
      if (name === "phone") expect(output.y).toBeGreaterThan(input.y + input.height - 1);
      else expect(output.x).toBeGreaterThan(input.x + input.width - 1);
      await view.click("#btn-run");
      await expect.poll(() => runs(view), { timeout: 15_000 }).toBe(1);
      await view.click("#btn-fit");
      const graph = (await view.locator("#graph").boundingBox())!;
      const svg = (await view.locator("#graph svg").boundingBox())!;
      expect(svg.width).toBeLessThanOrEqual(graph.width);
      await view.click("#btn-diff");
      await expect.poll(() => view.locator("#diff-view .cm-editor").count()).toBeGreaterThan(0);
      await shot(view, `09-${name}.png`);
      await view.close();
    }
  });

  it("raised no errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
