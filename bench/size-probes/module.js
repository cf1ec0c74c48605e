"use strict";
// Size probe: a typical small async module of an application (configuration
// read from disk, an HTTP-like client with retries, a cache of pending
// lookups, batched Promise.all). Measured whole, not run.

const { readFile } = require("node:fs/promises");
const path = require("node:path");

const DEFAULT_RETRIES = 3;
const userCache = new Map();

async function readJson(file) {
  const text = await readFile(file, "utf8");
  return JSON.parse(text);
}

async function withRetry(task, retries = DEFAULT_RETRIES) {
  let lastError;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 50));
    }
  }
  throw lastError;
}

async function loadUser(client, id) {
  if (userCache.has(id)) return userCache.get(id);
  const pending = withRetry(() => client.get(`/users/${id}`)).then((response) => response.body);
  userCache.set(id, pending);
  try {
    return await pending;
  } catch (error) {
    userCache.delete(id);
    throw error;
  }
}

async function loadTeam(client, configFile) {
  const { teamId, batchSize = 10 } = await readJson(path.resolve(configFile));
  const { body: team } = await client.get(`/teams/${teamId}`);
  const members = [];
  for (let i = 0; i < team.memberIds.length; i += batchSize) {
    const batch = team.memberIds.slice(i, i + batchSize);
    members.push(...(await Promise.all(batch.map((id) => loadUser(client, id)))));
  }
  return { ...team, members };
}

module.exports = { loadTeam, loadUser, readJson };
