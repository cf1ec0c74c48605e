const lines = [];

export function log(line) {
  lines.push(line);
  console.log(line);
}

export function report() {
  console.log(`${lines.length} lines logged`);
}
