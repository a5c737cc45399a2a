/**
 * The committed index of Atlassian's Jira REST API contracts (sandbox/jira/contract/) and the
 * questions it answers about a concrete request: which operation, deprecated or not, which scope
 * options, admin-only or not, covered by the declared scopes or not.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildContractIndex,
  CONTRACT_INDEX_FILE,
  indexDocument,
  serialiseContractIndex,
  SHARED_CONTRACT_DIR,
} from '../../sandbox/jira/contract/contract-index';
import { isAdminScope, jiraContract, optionKind, scopeKind } from '../../sandbox/jira/contract/jira-contract';
import { ManifestScopesError, readManifestScopes } from '../../sandbox/jira/contract/manifest-scopes';

const contract = jiraContract();
const CLASSIC = ['read:jira-work', 'write:jira-work', 'read:jira-user'];

describe('the committed contract index', () => {
  const shared = existsSync(SHARED_CONTRACT_DIR);
  // CI checks out ../shared next to the repo; a clone without it still runs on the committed index.
  (shared ? it : it.skip)(`equals what Atlassian's OpenAPI documents in ${SHARED_CONTRACT_DIR} give today`, () => {
    const fresh = serialiseContractIndex(buildContractIndex(SHARED_CONTRACT_DIR));
    const committed = readFileSync(CONTRACT_INDEX_FILE, 'utf8');
    if (fresh !== committed) {
      throw new Error(
        'sandbox/jira/contract/jira-operations.json is stale: run `node --require ts-node/register/transpile-only sandbox/jira/contract/contract-index.ts` and commit the result.',
      );
    }
  });

  it('holds both documents, platform and Jira Software, with their versions', () => {
    expect(contract.index.sources.map((source) => source.api)).toEqual(['platform', 'software']);
    expect(contract.index.operations.filter((operation) => operation.api === 'software').length).toBeGreaterThan(50);
    expect(contract.index.operations.filter((operation) => operation.api === 'platform').length).toBeGreaterThan(500);
  });
});

describe('reading an OpenAPI operation', () => {
  // Shape copied from the platform document's getProjectRole operation
  // (GET /rest/api/3/project/{projectIdOrKey}/role/{id}), scopes shortened.
  const document = {
    info: { version: 'test' },
    paths: {
      '/rest/api/3/project/{projectIdOrKey}/role/{id}': {
        parameters: [],
        get: {
          operationId: 'getProjectRole',
          security: [{ basicAuth: [] }, { OAuth2: ['read:jira-work'] }, {}],
          'x-atlassian-oauth2-scopes': [
            { scheme: 'OAuth2', scopes: ['read:jira-work'], state: 'Current' },
            { scheme: 'OAuth2', scopes: ['read:project-role:jira', 'read:project:jira'], state: 'Beta' },
          ],
        },
        delete: { operationId: 'deleteActor', deprecated: true, security: [{ OAuth2: ['manage:jira-project'] }] },
      },
      '/rest/atlassian-connect/1/service-registry': { get: { operationId: 'ConnectOnly' } },
    },
  };

  it('keeps OAuth 2.0 options from security and x-atlassian-oauth2-scopes once each, with their state, and leaves basic auth and anonymous out', () => {
    const [get, del, connect] = indexDocument('platform', document);
    expect(get).toEqual({
      api: 'platform',
      method: 'GET',
      path: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
      operationId: 'getProjectRole',
      deprecated: false,
      options: [
        { scopes: ['read:jira-work'], state: 'Current' },
        { scopes: ['read:project-role:jira', 'read:project:jira'], state: 'Beta' },
      ],
    });
    expect(del).toMatchObject({ method: 'DELETE', deprecated: true, options: [{ scopes: ['manage:jira-project'], state: null }] });
    expect(connect).toMatchObject({ operationId: 'ConnectOnly', options: [] });
  });
});

describe('matching a request to an operation', () => {
  it('prefers the literal path over a template parameter, and ignores the query', () => {
    expect(contract.match('POST', '/rest/api/3/issue/bulkfetch')?.operationId).toBe('bulkFetchIssues');
    expect(contract.match('GET', '/rest/api/3/issue/ONB-42?fields=summary,customfield_10020')).toMatchObject({
      operationId: 'getIssue',
      path: '/rest/api/3/issue/{issueIdOrKey}',
    });
    expect(contract.match('GET', '/rest/agile/1.0/sprint/7/issue?startAt=0&maxResults=50')?.operationId).toBe('getIssuesForSprint');
  });

  it('finds no operation for an internal API, a wrong method or an extra segment', () => {
    expect(contract.match('GET', '/rest/greenhopper/1.0/rapid/charts/sprintreport?rapidViewId=1&sprintId=4')).toBeUndefined();
    expect(contract.match('PATCH', '/rest/api/3/issue/ONB-42')).toBeUndefined();
    expect(contract.match('GET', '/rest/api/3/issue/ONB-42/nothing/here')).toBeUndefined();
  });
});

describe('judging a request', () => {
  it('flags GET /priority/search: deprecated, admin-only, not covered by classic work scopes', () => {
    expect(contract.judge('GET', '/rest/api/3/priority/search?maxResults=50', CLASSIC)).toMatchObject({
      documented: true,
      oauthEnabled: true,
      deprecated: true,
      needsAdminScope: true,
      coveringOption: undefined,
    });
  });

  it('finds only granular scopes for Jira Software operations, and board configuration admin-only', () => {
    const sprintIssues = contract.judge('GET', '/rest/agile/1.0/sprint/7/issue', CLASSIC);
    expect(sprintIssues.coveringOption).toBeUndefined();
    expect(sprintIssues.operation?.options.map(optionKind)).toEqual(['granular']);
    const covered = contract.judge('GET', '/rest/agile/1.0/sprint/7/issue', [
      'read:sprint:jira-software',
      'read:issue-details:jira',
      'read:jql:jira',
    ]);
    expect(covered.coveringOption?.scopes).toEqual(['read:issue-details:jira', 'read:jql:jira', 'read:sprint:jira-software']);
    expect(contract.judge('GET', '/rest/agile/1.0/board/1/configuration', []).needsAdminScope).toBe(true);
  });

  it('counts an option that lists no scope as covered (bulk permission check, list boards)', () => {
    expect(contract.judge('POST', '/rest/api/3/permissions/check', []).coveringOption).toEqual({ scopes: [], state: 'Current' });
    expect(contract.judge('GET', '/rest/agile/1.0/board?projectKeyOrId=ONB', []).coveringOption?.scopes).toEqual([]);
  });

  it('calls an operation admin-only only when every option needs an admin scope', () => {
    // GET /project/{key}/role/{id}: read:jira-work, or granular read scopes; neither is admin.
    expect(contract.judge('GET', '/rest/api/3/project/ONB/role/10100', CLASSIC)).toMatchObject({
      needsAdminScope: false,
      coveringOption: { scopes: ['read:jira-work'] },
    });
    // PUT /project/{key}/role/{id}: manage:jira-project, or granular scopes without an admin one.
    expect(contract.judge('PUT', '/rest/api/3/project/ONB/role/10100', CLASSIC).needsAdminScope).toBe(false);
    expect(contract.judge('POST', '/rest/api/3/field', CLASSIC).needsAdminScope).toBe(false);
  });
});

describe('admin and kinds of scopes', () => {
  it('names the classic administration scopes and granular .admin scopes as admin, nothing else', () => {
    expect(
      [
        'manage:jira-configuration',
        'manage:jira-project',
        'read:board-scope.admin:jira-software',
        'write:board-scope.admin:jira-software',
      ].every(isAdminScope),
    ).toBe(true);
    expect(
      [
        'manage:jira-webhook',
        'read:jira-work',
        'read:board-scope:jira-software',
        'read:project-role:jira',
        'write:sprint:jira-software',
      ].some(isAdminScope),
    ).toBe(false);
  });

  it('tells classic from granular scopes', () => {
    expect(['read:jira-work', 'storage:app', 'manage:jira-project'].map(scopeKind)).toEqual(['classic', 'classic', 'classic']);
    expect(['read:sprint:jira-software', 'read:issue.changelog:jira'].map(scopeKind)).toEqual(['granular', 'granular']);
  });
});

describe("the manifest's scopes", () => {
  it('reads permissions.scopes from manifest.yml', () => {
    expect(readManifestScopes()).toEqual(expect.arrayContaining(['read:jira-work', 'storage:app']));
  });

  it('refuses a manifest without a list of scopes with a typed error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalkeeper-manifest-'));
    try {
      writeFileSync(join(dir, 'manifest.yml'), 'permissions:\n  scopes: read:jira-work\n');
      expect(() => readManifestScopes(join(dir, 'manifest.yml'))).toThrow(ManifestScopesError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
