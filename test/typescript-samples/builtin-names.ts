// A module binding a name the runtime reads as a built-in: the inlined runtime then finds the
// global object itself, under names (`global`, `window`) the project's declarations may lack.

const Symbol = { label: "not the built-in" };

export function* labels(): Generator<string> {
  yield Symbol.label;
  yield typeof Symbol;
}

export const later = async (value = 1): Promise<number> => {
  await null;
  return value + 1;
};
