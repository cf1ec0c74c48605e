#!/usr/bin/env node
// Runs one script on QuickJS (quickjs-emscripten: QuickJS compiled to
// WebAssembly), with `print` as its only host function, then runs its promise
// jobs until none are left. Prints what the script printed; exits 1 with the
// error when the script or a job throws.
//
//   node bench/engines/quickjs-run.mjs <file>

import { readFileSync } from "node:fs";
import { getQuickJS } from "quickjs-emscripten";

const file = process.argv[2];
const QuickJS = await getQuickJS();
const vm = QuickJS.newContext();
const print = vm.newFunction("print", (...args) => {
  process.stdout.write(args.map((arg) => vm.getString(arg)).join(" ") + "\n");
});
vm.setProp(vm.global, "print", print);
print.dispose();

let failure = check(vm.evalCode(readFileSync(file, "utf8"), file));
while (!failure) {
  const jobs = vm.runtime.executePendingJobs();
  failure = check(jobs);
  if (!failure && jobs.value === 0) break;
}
vm.dispose();
if (failure) {
  process.stderr.write(`${failure}\n`);
  process.exitCode = 1;
}

/** The error a result holds, as text (and disposes the result); undefined when it succeeded. */
function check(result) {
  if (result.error) {
    const error = vm.dump(result.error);
    result.error.dispose();
    return typeof error === "object" && error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  }
  if (typeof result.value === "object" && result.value?.dispose) result.value.dispose();
  return undefined;
}
