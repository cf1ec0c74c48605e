// The environment for the package's own npm commands. Run through `npm run
// realworld`, this process inherits npm's script variables (npm_config_*,
// npm_package_*, npm_lifecycle_*): npm reads npm_config_* as configuration,
// so an option given to the outer npm (say --offline), and this repository's
// own prefix and package, would leak into the package's `npm ci` and
// `npm test`. They are dropped, so those run as a user would run them.

/** process.env without npm's script variables, with `extra` added. */
export function packageEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}
