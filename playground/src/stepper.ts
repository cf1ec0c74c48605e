// Stepping through a run. Run records the compiled program's whole run first
// (every state entered, every console line, in order); Step then replays that
// record one state visit at a time. Replaying a record, rather than pausing
// the live program, keeps the program's timing exactly as it ran: pausing it
// would delay its promise jobs against timers and change what it prints.

import type { RunResult } from "./run-protocol.ts";

export interface Visit {
  fn: number;
  inst: number;
  s: number;
  /** Index of the visit's event in the run's events. */
  event: number;
}

export class Stepper {
  private visits: Visit[] = [];
  private eventCount = 0;
  private at: number | null = null;

  load(result: RunResult): void {
    this.visits = [];
    result.events.forEach((event, index) => {
      if (event.k === "state") this.visits.push({ fn: event.fn, inst: event.inst, s: event.s, event: index });
    });
    this.eventCount = result.events.length;
    this.at = null;
  }

  get active(): boolean {
    return this.at !== null;
  }

  get position(): number | null {
    return this.at;
  }

  get count(): number {
    return this.visits.length;
  }

  goTo(step: number): Visit | null {
    const visit = this.visits[step];
    if (!visit) return null;
    this.at = step;
    return visit;
  }

  leave(): void {
    this.at = null;
  }

  /**
   * How many of the run's events have happened once visit `step` has run:
   * everything before the next visit (the console lines this state printed
   * included), or all of them after the last one.
   */
  eventsThrough(step: number): number {
    return this.visits[step + 1]?.event ?? this.eventCount;
  }
}
