/**
 * Builds the compact index of Atlassian's Jira REST API contracts that the stand-in and the
 * contract test read: for every operation, its method, path template, operationId, whether it is
 * deprecated, and its OAuth 2.0 scope options.
 *
 * Source: Atlassian's OpenAPI documents for the Jira Cloud platform REST API
 * (https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json, kept read-only in
 * ../shared/atlassian-openapi/jira-platform.openapi.json) and the Jira Software Cloud REST API
 * (https://developer.atlassian.com/cloud/jira/software/swagger.v3.json, kept as
 * jira-software.openapi.json). The index is generated from them and committed as
 * `jira-operations.json`, so `npm start` works where ../shared is absent;
 * test/contract/jira-contract-index.test.ts regenerates it from ../shared and fails when stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which of Atlassian's two documents an operation comes from. */
export type JiraApi = 'platform' | 'software';

/**
 * One way to be allowed to call an operation: every scope in the list is needed. `state` is the
 * option's state in `x-atlassian-oauth2-scopes` (`Current`, `Beta`); null when the option is only
 * listed in `security` (the Jira Software document has no `x-atlassian-oauth2-scopes`).
 */
export interface ScopeOption {
  readonly scopes: readonly string[];
  readonly state: string | null;
}

export interface ContractOperation {
  readonly api: JiraApi;
  readonly method: string;
  /** The path template exactly as the document spells it, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  readonly path: string;
  readonly operationId: string;
  readonly deprecated: boolean;
  /** OAuth 2.0 options; empty when the operation is not enabled for OAuth 2.0 (Connect-only). */
  readonly options: readonly ScopeOption[];
}

export interface ContractIndex {
  /** Which documents, at which `info.version`, the index was built from. */
  readonly sources: readonly { readonly api: JiraApi; readonly file: string; readonly version: string }[];
  readonly operations: readonly ContractOperation[];
}

export const CONTRACT_FILES: Readonly<Record<JiraApi, string>> = {
  platform: 'jira-platform.openapi.json',
  software: 'jira-software.openapi.json',
};

/** Where CI and the workplace keep Atlassian's documents: ../shared/atlassian-openapi from the repo root. */
export const SHARED_CONTRACT_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'atlassian-openapi');
export const CONTRACT_INDEX_FILE = join(__dirname, 'jira-operations.json');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface OpenApiOperation {
  readonly operationId?: string;
  readonly deprecated?: boolean;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly 'x-atlassian-oauth2-scopes'?: readonly {
    readonly scheme?: string;
    readonly scopes: readonly string[];
    readonly state?: string;
  }[];
}

interface OpenApiDocument {
  readonly info: { readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const sameScopes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((scope) => b.includes(scope));

/**
 * The OAuth 2.0 options of one operation: each `OAuth2` entry of `security`, then each
 * `x-atlassian-oauth2-scopes` entry not already listed, deduplicated by scope set. `basicAuth`
 * and the anonymous `{}` entry are left out: a Forge app always calls Jira through OAuth 2.0 with
 * its manifest's scopes.
 */
function scopeOptionsOf(operation: OpenApiOperation): ScopeOption[] {
  const extended = (operation['x-atlassian-oauth2-scopes'] ?? []).filter((option) => (option.scheme ?? 'OAuth2') === 'OAuth2');
  const options: ScopeOption[] = [];
  const add = (scopes: readonly string[], state: string | null): void => {
    const sorted = [...scopes].sort();
    if (!options.some((option) => sameScopes(option.scopes, sorted))) options.push({ scopes: sorted, state });
  };
  for (const entry of operation.security ?? []) {
    const scopes = entry.OAuth2;
    if (!scopes) continue;
    add(scopes, extended.find((option) => sameScopes(option.scopes, scopes))?.state ?? null);
  }
  for (const option of extended) add(option.scopes, option.state ?? null);
  return options;
}

export function indexDocument(api: JiraApi, document: OpenApiDocument): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as OpenApiOperation | undefined;
      if (!operation) continue;
      operations.push({
        api,
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        deprecated: operation.deprecated === true,
        options: scopeOptionsOf(operation),
      });
    }
  }
  return operations;
}

/** Builds the index from the two documents in `directory` (by default ../shared/atlassian-openapi). */
export function buildContractIndex(directory: string = SHARED_CONTRACT_DIR): ContractIndex {
  const sources: ContractIndex['sources'][number][] = [];
  const operations: ContractOperation[] = [];
  for (const api of Object.keys(CONTRACT_FILES) as JiraApi[]) {
    const file = CONTRACT_FILES[api];
    const document = JSON.parse(readFileSync(join(directory, file), 'utf8')) as OpenApiDocument;
    sources.push({ api, file, version: document.info.version });
    operations.push(...indexDocument(api, document));
  }
  // Code-unit order, not localeCompare: the committed file must not depend on the machine's locale.
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  operations.sort((a, b) => order(a.path, b.path) || order(a.method, b.method));
  return { sources, operations };
}

/** The committed file's text: one operation per line, so a regenerated index diffs readably. */
export function serialiseContractIndex(index: ContractIndex): string {
  const lines = index.operations.map((operation) => `    ${JSON.stringify(operation)}`);
  return `{\n  "sources": ${JSON.stringify(index.sources)},\n  "operations": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Regenerates jira-operations.json: `node --require ts-node/register/transpile-only sandbox/jira/contract/contract-index.ts`. */
if (require.main === module) {
  const index = buildContractIndex(process.argv[2] ?? SHARED_CONTRACT_DIR);
  writeFileSync(CONTRACT_INDEX_FILE, serialiseContractIndex(index));
  console.log(`Wrote ${index.operations.length} operations to ${CONTRACT_INDEX_FILE}`);
}
