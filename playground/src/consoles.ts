// The two consoles of a run, side by side: what the original printed natively
// and what the compiled program printed, and whether the two agree.

import type { RunEvent, RunResult } from "./run-protocol.ts";

/** The console lines of a run's events (console calls and uncaught errors), as text. */
export function consoleLines(events: RunEvent[]): Array<{ level: string; text: string }> {
  const lines: Array<{ level: string; text: string }> = [];
  for (const event of events) {
    if (event.k === "log") lines.push({ level: event.level, text: event.text });
    else if (event.k === "uncaught") lines.push({ level: "uncaught", text: `Uncaught ${event.text}` });
  }
  return lines;
}

function statusText(result: RunResult): string {
  switch (result.status) {
    case "finished":
      return `finished in ${result.elapsedMs} ms`;
    case "timeout":
      return `stopped: timers still pending after ${result.elapsedMs} ms`;
    case "killed":
      return `stopped: it stopped answering (an endless loop?) and was terminated after ${result.elapsedMs} ms`;
  }
}

export function renderConsole(list: HTMLOListElement, result: RunResult | null, upTo?: number): void {
  list.replaceChildren();
  list.classList.toggle("pending", !result);
  if (!result) return;
  const events = upTo === undefined ? result.events : result.events.slice(0, upTo);
  for (const line of consoleLines(events)) {
    const item = document.createElement("li");
    item.className = `line level-${line.level}`;
    item.textContent = line.text;
    list.append(item);
  }
  if (upTo === undefined) {
    const status = document.createElement("li");
    status.className = `line run-end status-${result.status}`;
    status.textContent = `— ${statusText(result)}${result.dropped ? ` (trace cut short: ${result.dropped} more events not recorded)` : ""}`;
    list.append(status);
  }
  list.scrollTop = list.scrollHeight;
}

/** Both consoles' lines compared: "same" when every line agrees and both runs finished. */
export function compareRuns(original: RunResult, compiled: RunResult): { same: boolean; text: string } {
  const a = consoleLines(original.events).map((l) => l.text);
  const b = consoleLines(compiled.events).map((l) => l.text);
  if (original.status !== "finished" || compiled.status !== "finished") {
    return { same: false, text: "A run did not finish, so the consoles cannot be compared in full." };
  }
  const firstDiff = a.findIndex((line, i) => line !== b[i]);
  if (firstDiff === -1 && a.length === b.length) return { same: true, text: `Same output: ${a.length} line${a.length === 1 ? "" : "s"}, in the same order.` };
  const at = firstDiff === -1 ? Math.min(a.length, b.length) : firstDiff;
  return { same: false, text: `The outputs differ at line ${at + 1}.` };
}
