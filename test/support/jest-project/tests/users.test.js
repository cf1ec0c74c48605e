// A Jest suite of a user's project, run by test/jest.test.ts through babel-jest with awaitless.
import { loadUser, loadUsers } from "../src/users.js";

test("an async function's result", async () => {
  const users = await loadUsers();
  expect(users.map((u) => u.name)).toEqual(["Ada", "Grace", "Barbara"]);
});

test("a rejection caught around an await", async () => {
  let message = null;
  try {
    await loadUser(99);
  } catch (error) {
    message = error.message;
  }
  expect(message).toBe("no user 99");
});

test("a rejection through expect(...).rejects", async () => {
  await expect(loadUser(99)).rejects.toThrow("no user 99");
});
