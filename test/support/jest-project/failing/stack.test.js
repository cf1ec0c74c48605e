// Fails on purpose: test/jest.test.ts checks where Jest reports the failure, compiled and native.
import { loadUser } from "../src/users.js";

test("an expectation that fails after an await", async () => {
  const user = await loadUser(1);
  expect(user.name).toBe("Grace");
});
