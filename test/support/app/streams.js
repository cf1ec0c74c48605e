export async function* ticks(prefix) {
  let n = 0;
  try {
    for (;;) {
      await null;
      yield `${prefix}${n++}`;
    }
  } finally {
    console.log("ticks closed after " + n);
  }
}

export async function* take(source, count) {
  if (count <= 0) return;
  let taken = 0;
  for await (const value of source) {
    yield value;
    if (++taken >= count) return;
  }
}
