/**
 * keytar is the native OS-keychain binding that @forge/cli-shared (a dependency of @forge/bundler)
 * lists for `forge login`. Its install script downloads a prebuilt binary from GitHub or compiles
 * against libsecret, neither of which an offline `npm ci` can do, and Goalkeeper's build never
 * logs in. package.json names this folder as the devDependency keytar and overrides every other
 * keytar with it (`"$keytar"`: npm resolves a `file:` override from the root only that way), so
 * the binding is simply absent:
 * cli-shared loads it inside try/catch (`getKeytar()` in out/auth/personal/credential-store.js)
 * and, when absent, tells the user to set FORGE_EMAIL / FORGE_API_TOKEN instead.
 */
throw new Error(
  'keytar is not installed in Goalkeeper (see scripts/npm-overrides/keytar/index.js); use FORGE_EMAIL and FORGE_API_TOKEN to log in to Forge.',
);
