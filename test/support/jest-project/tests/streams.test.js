// A Jest suite of a user's project, run by test/jest.test.ts through babel-jest with awaitless.
import { ticks, take } from "../src/streams.js";

test("for await over the app's async generators, which closes the source", async () => {
  const log = jest.spyOn(console, "log").mockImplementation(() => {});
  const seen = [];
  for await (const tick of take(ticks("t"), 3)) seen.push(tick);
  expect(seen).toEqual(["t0", "t1", "t2"]);
  expect(log.mock.calls).toEqual([["ticks closed after 3"]]);
  log.mockRestore();
});

test("for await over an async generator of the test's own", async () => {
  async function* letters() {
    yield "a";
    await null;
    yield "b";
  }
  const seen = [];
  for await (const letter of letters()) seen.push(letter);
  expect(seen).toEqual(["a", "b"]);
});
