// Telling a suite that crashed from one that failed: a test runner whose
// process the system ended for a fault reported nothing about the code it ran.

/** Signals by which the system ends a process that faulted; a shell reports them as 128 + their number. */
const FAULT_SIGNALS = { SIGILL: 4, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGSEGV: 11 };

/** The fault signal that ended the suite (directly or through the shell npm runs it in), or undefined. */
export function crashSignal(run) {
  if (run.signal && run.signal in FAULT_SIGNALS) return run.signal;
  return Object.keys(FAULT_SIGNALS).find((name) => run.status === 128 + FAULT_SIGNALS[name]);
}
