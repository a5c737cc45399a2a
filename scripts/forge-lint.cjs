/**
 * Runs the client-side linters of Atlassian's @forge/lint — what `forge lint` runs before the
 * server-side ones that need a login — offline, and exits 1 on any error, as `forge lint` does.
 *
 * The files and the call follow @forge/cli 13's LintService (out/service/lint-service.js): every
 * file under src/ that .gitignore does not exclude, manifest.yml as @forge/cli-shared reads it,
 * `lint(..., { linter: { mode: 'client-side' } })`. Two inputs come from here instead of the
 * network: the permission linter reads Atlassian's Jira platform and Jira Software OpenAPI
 * documents from ../shared/atlassian-openapi/ through its own USE_LOCAL_SWAGGER switch (the
 * documents for Jira Service Management, Confluence and Bitbucket, which Goalkeeper does not call,
 * are given as documents without paths), and feature flags answer "unset", which is what
 * @forge/cli-shared's StatsigService answers when its fetch fails.
 *
 * The permission linter only sees `requestJira(route`...`, { method })` written out at the call
 * site; Goalkeeper calls Jira through JiraClient, so it sees none of those calls. The script says
 * how many it saw; README.md ("Atlassian's linter") explains what covers the scopes instead.
 */
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { getClientSideLintersOnly, lint, PermissionLinter, problemCount, reportLintResults } = require('@forge/lint');
const { ConfigFile, FileSystemReader, FileSystemWriter, StatsigReader, listGitIgnoreFiles } = require('@forge/cli-shared');

const ROOT = resolve(__dirname, '..');
const OPENAPI_DIR = resolve(ROOT, '..', 'shared', 'atlassian-openapi');
/** `forge lint` lints for the development environment unless told otherwise. */
const ENVIRONMENT = 'development';

/** Every feature gate and dynamic config unset: the answers StatsigService falls back to offline. */
class OfflineFeatureFlags extends StatsigReader {
  async checkGate() {
    return null;
  }
  async getDynamicConfig() {
    return null;
  }
}

/** Points the permission linter at local OpenAPI documents (its bootstrap needs all six set). */
function useLocalOpenApiDocuments(scratchDir) {
  const documents = {
    LOCAL_JIRA_SWAGGER: join(OPENAPI_DIR, 'jira-platform.openapi.json'),
    LOCAL_JSW_SWAGGER: join(OPENAPI_DIR, 'jira-software.openapi.json'),
  };
  for (const path of Object.values(documents)) {
    if (!existsSync(path)) throw new Error(`Atlassian's OpenAPI document ${path} is missing (the shared folder beside the repository)`);
  }
  const noPaths = join(scratchDir, 'no-paths.openapi.json');
  writeFileSync(noPaths, JSON.stringify({ openapi: '3.0.1', info: { title: 'not called by Goalkeeper', version: '0' }, paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: 'true',
    ...documents,
    LOCAL_JSM_SWAGGER: noPaths,
    LOCAL_CONF_SWAGGER: noPaths,
    LOCAL_CONF_V2_SWAGGER: noPaths,
    LOCAL_BB_SWAGGER: noPaths,
  });
}

/** Jira calls the permission linter recognised and checked against the manifest's scopes. */
function jiraCallsSeen(linters) {
  const permissionLinter = linters.find((linter) => linter instanceof PermissionLinter);
  return [...(permissionLinter?.matches.values() ?? [])].reduce((sum, byProduct) => sum + byProduct.jira.length, 0);
}

async function main() {
  process.chdir(ROOT);
  const scratchDir = mkdtempSync(join(tmpdir(), 'goalkeeper-forge-lint-'));
  try {
    useLocalOpenApiDocuments(scratchDir);
    const logger = { info: (message) => console.log(message) };
    const fileSystemReader = new FileSystemReader();
    const configFile = new ConfigFile(fileSystemReader, new FileSystemWriter());
    const manifest = await configFile.readConfig();
    const exclude = [...(await listGitIgnoreFiles(fileSystemReader)), '.git', 'node_modules'];
    const files = await fileSystemReader.recursiveReadDir('./src', exclude);
    const flags = new OfflineFeatureFlags();
    const linters = await getClientSideLintersOnly(manifest, ENVIRONMENT, logger, flags);

    console.log(
      `\n@forge/lint ${require('@forge/lint/package.json').version}, client-side linters, offline: ${files.length} files under src/ and manifest.yml`,
    );
    const results = await lint(files, manifest, ENVIRONMENT, logger, flags, { linter: { mode: 'client-side' }, linters });
    reportLintResults(logger, results);
    const { errors, warnings, approvals } = problemCount(results);
    console.log(
      `  ${errors} errors, ${warnings} warnings, ${approvals} approvals; Jira calls the permission linter could see: ${jiraCallsSeen(linters)}`,
    );
    if (errors > 0 || approvals > 0) process.exitCode = 1;
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`@forge/lint could not run: ${error.message}`);
  process.exit(1);
});
