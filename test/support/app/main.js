// A small app in several modules, built by each bundler test (Rollup,
// webpack, Vite, React Native's preset on Hermes, an installed package) with
// awaitless, and run as it runs unbundled (test/support/app-project.ts).
import { loadUsers, loadUser } from "./users.js";
import { Inventory } from "./inventory.js";
import { ticks, take } from "./streams.js";
import { log, report } from "./log.js";

async function main() {
  log("start");
  const users = await loadUsers();
  log("users: " + users.map((u) => u.name).join(", "));
  try {
    await loadUser(99);
  } catch (error) {
    log("missing user: " + error.message);
  }

  const inventory = new Inventory();
  await inventory.add("apples", 3);
  await inventory.add("pears", 2);
  await inventory.add("apples", 4);
  for (const [item, count] of inventory.entries()) log(`${item}: ${count}`);

  for await (const tick of take(ticks("t"), 3)) log("tick " + tick);
  report();
}

main().then(() => log("done"));
Promise.resolve().then(() => log("a microtask queued while main is suspended"));
