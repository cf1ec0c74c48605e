const table = [
  { id: 1, name: "Ada" },
  { id: 2, name: "Grace" },
  { id: 3, name: "Barbara" },
];

function fetchRow(id) {
  return new Promise((resolve, reject) => {
    const row = table.filter((r) => r.id === id)[0];
    if (row) resolve({ ...row });
    else reject(new Error(`no user ${id}`));
  });
}

export async function loadUser(id) {
  const row = await fetchRow(id);
  return { ...row, loadedAt: "tick" };
}

export async function loadUsers() {
  const users = [];
  for (const { id } of table) users.push(await loadUser(id));
  return users;
}
