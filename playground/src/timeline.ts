// The timeline of the compiled run: the states it entered, in order, grouped
// into the slices a driver ran without a break (a call or a resume of one
// function instance, up to where it suspended, returned or threw), with the
// console lines between them. Each state is a button that moves the stepping
// position there; one of them at a time is in the tab order, and the arrow
// keys move between them.

import type { RunResult } from "./run-protocol.ts";

const MAX_VISITS = 3000;
const LEAVE_TEXT = { await: "await", yield: "yield", delegate: "yield*", return: "returned", throw: "threw" } as const;

/** The row of a slice: its visits, the console lines they printed and how it ended, in the order they happened. */
interface Slice {
  row: HTMLLIElement;
}

export interface TimelineEvents {
  onPick(step: number): void;
}

export class Timeline {
  private chips: HTMLButtonElement[] = [];

  constructor(
    private readonly list: HTMLOListElement,
    private readonly events: TimelineEvents,
  ) {
    list.addEventListener("keydown", (event) => {
      const target = event.target as HTMLElement;
      const step = Number(target.dataset.step);
      if (!target.classList.contains("visit") || Number.isNaN(step)) return;
      const next = event.key === "ArrowRight" || event.key === "ArrowDown" ? step + 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? step - 1 : null;
      if (next === null || !this.chips[next]) return;
      event.preventDefault();
      this.events.onPick(next);
      this.chips[next].focus();
    });
  }

  get count(): number {
    return this.chips.length;
  }

  /** Draws the run; `name(fn)` names a function model. */
  render(result: RunResult | null, name: (fn: number) => string): void {
    this.list.replaceChildren();
    this.chips = [];
    if (!result) return;
    // Slices still running, by instance; a console line goes to the one drawn last, if it is still running.
    const open = new Map<number, Slice>();
    let last: HTMLLIElement | null = null;
    let hidden = 0;
    const who = (inst: number) => `${name(result.instances[inst]?.fn ?? -1)} #${result.instances[inst]?.call ?? "?"}`;
    const slice = (inst: number): Slice => {
      let current = open.get(inst);
      if (current && current.row === last) return current;
      const row = this.row("slice");
      const label = document.createElement("span");
      label.className = "who";
      label.textContent = current ? `${who(inst)} (continued)` : who(inst);
      row.append(label);
      current = { row };
      open.set(inst, current);
      last = row;
      return current;
    };
    for (const event of result.events) {
      if (this.chips.length >= MAX_VISITS) {
        if (event.k === "state") hidden++;
        continue;
      }
      if (event.k === "state") {
        const chip = document.createElement("button");
        chip.type = "button";
        chip.className = "visit";
        chip.dataset.step = String(this.chips.length);
        chip.dataset.fn = String(event.fn);
        chip.dataset.state = String(event.s);
        chip.tabIndex = this.chips.length === 0 ? 0 : -1;
        chip.textContent = String(event.s);
        chip.title = `${who(event.inst)}: state ${event.s}`;
        chip.setAttribute("aria-label", `${who(event.inst)}, state ${event.s}`);
        chip.addEventListener("click", () => this.events.onPick(Number(chip.dataset.step)));
        this.chips.push(chip);
        slice(event.inst).row.append(chip);
      } else if (event.k === "leave") {
        const leave = document.createElement("span");
        leave.className = `leave leave-${event.how}`;
        leave.textContent = event.how === "return" || event.how === "throw" ? LEAVE_TEXT[event.how] : `${LEAVE_TEXT[event.how]} → ${event.s}`;
        slice(event.inst).row.append(leave);
        open.delete(event.inst);
      } else {
        const text = event.k === "log" ? `console.${event.level}: ${event.text}` : `uncaught ${event.text}`;
        const running = [...open.values()].find((s) => s.row === last);
        if (running) {
          const line = document.createElement("div");
          line.className = event.k === "log" ? "tl-log" : "tl-uncaught";
          line.textContent = text;
          running.row.append(line);
        } else {
          last = this.row(event.k === "log" ? "tl-log" : "tl-uncaught");
          last.textContent = text;
        }
      }
    }
    if (hidden) this.row("tl-more").textContent = `… ${hidden} more state visits not shown`;
    if (this.chips.length === 0) this.row("tl-empty").textContent = "No compiled state machine ran.";
    this.setPosition(null);
  }

  /** Marks the visit at `step` as current and the ones after it as still to come (null: the whole run shown). */
  setPosition(step: number | null): void {
    this.chips.forEach((chip, i) => {
      chip.classList.toggle("current", i === step);
      chip.classList.toggle("future", step !== null && i > step);
      chip.tabIndex = i === (step ?? 0) ? 0 : -1;
      if (i === step) chip.setAttribute("aria-current", "step");
      else chip.removeAttribute("aria-current");
    });
    const chip = step === null ? undefined : this.chips[step];
    if (chip) this.revealInList(chip);
  }

  /** Scrolls the list (not the page) so `chip` is in view. */
  private revealInList(chip: HTMLElement): void {
    const list = this.list.getBoundingClientRect();
    const box = chip.getBoundingClientRect();
    if (box.top < list.top) this.list.scrollTop -= list.top - box.top + 8;
    else if (box.bottom > list.bottom) this.list.scrollTop += box.bottom - list.bottom + 8;
  }

  private row(className: string): HTMLLIElement {
    const item = document.createElement("li");
    item.className = className;
    this.list.append(item);
    return item;
  }
}
