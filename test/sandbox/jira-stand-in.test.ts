/**
 * The Jira stand-in at the HTTP level: the answers Jira Cloud would give, per actor, in Jira's
 * error bodies; the OAuth 2.0 gate (Atlassian's contracts and the manifest's scopes); what the
 * app user holds; the enhanced search's token paging; the fault switch; the change feed; and the
 * sandbox's own admin API. Adapter behaviour over it is tested in test/jira.
 */
import { asUser, route } from '@forge/api';
import { installForgeRuntime, runInvocation } from '../../sandbox/forge-host/forge-runtime';
import { readManifestScopes } from '../../sandbox/jira/contract/manifest-scopes';
import type { JiraChangeRecord } from '../../sandbox/jira/jira-model';
import { ACTOR_HEADER, jiraBackend, SITE_HEADER, startJiraStandIn, type JiraStandIn } from '../../sandbox/jira/jira-stand-in';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { LARGE_SPRINT_ID, seedWithLargeSprint, TEST_NOW } from '../jira/jira-harness';

let standIn: JiraStandIn;
beforeEach(async () => {
  standIn = await startJiraStandIn({ now: TEST_NOW, seed: seedWithLargeSprint });
});
afterEach(() => standIn.close());

type Actor = 'app' | `user:${string}`;

/*
 * What the tests read of Jira's answers, named as in Atlassian's REST v3 OpenAPI
 * (/work/shared/atlassian-openapi/jira-platform.openapi.json, components.schemas); only the fields read.
 */
/** `ErrorCollection`: every 4xx answer's body. */
interface ErrorCollection {
  readonly errorMessages: readonly string[];
  readonly errors: Readonly<Record<string, string>>;
}
/** `BulkPermissionGrants`, the answer of POST /rest/api/3/permissions/check. */
interface BulkPermissionGrants {
  readonly projectPermissions: readonly unknown[];
}
/** `Permissions`, the answer of GET /rest/api/3/mypermissions. */
interface MyPermissions {
  readonly permissions: Readonly<Record<string, { readonly havePermission: boolean }>>;
}
/** `SearchAndReconcileResults`, the answer of POST /rest/api/3/search/jql. */
interface SearchResults {
  readonly issues: readonly { readonly id: string; readonly key: string; readonly fields: Readonly<Record<string, unknown>> }[];
  readonly isLast?: boolean;
  readonly nextPageToken?: string;
}
/** `ParsedJqlQueries`, the answer of POST /rest/api/3/jql/parse. */
interface ParsedJqlQueries {
  readonly queries: readonly unknown[];
}
/** `IssueBean`, the answer of GET /rest/api/3/issue/{key}. */
interface IssueBean {
  readonly fields: Readonly<Record<string, unknown>>;
}
/** The sandbox's own board view (sandbox/jira/admin-routes.ts), not a Jira API. */
interface SandboxBoardView {
  readonly sprints: readonly { readonly id: number; readonly issues: readonly unknown[] }[];
  readonly backlog: readonly { readonly key: string }[];
  readonly closedSprints: readonly unknown[];
}

/** Calls the stand-in over HTTP; `Body` is what the test expects the route to answer (parsed, not checked: the assertions do that). */
async function jira<Body = unknown>(
  actor: Actor | null,
  method: string,
  path: string,
  body?: unknown,
  site?: string,
): Promise<{ status: number; body: Body }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) headers[ACTOR_HEADER] = actor;
  if (site) headers[SITE_HEADER] = site;
  const response = await fetch(`${standIn.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const as = (accountId: string): Actor => `user:${accountId}`;
const notVisible = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

describe('authorisation as the acting person', () => {
  it('lets a developer move an issue into the active sprint but refuses the stakeholder with 403', async () => {
    const dana = await jira(as(SEED_ACCOUNTS.devDana), 'POST', '/rest/agile/1.0/sprint/7/issue', { issues: ['ONB-68'] });
    const sam = await jira(as(SEED_ACCOUNTS.stakeholder), 'POST', '/rest/agile/1.0/sprint/7/issue', { issues: ['ONB-69'] });
    expect(dana.status).toBe(204);
    expect(sam).toEqual({
      status: 403,
      body: { errorMessages: ["You do not have the 'EDIT_ISSUES' permission in project ONB, so you cannot change ONB-69."], errors: {} },
    });
  });

  it('answers an issue the person cannot browse exactly like one that does not exist', async () => {
    const hidden = await jira(as(SEED_ACCOUNTS.devDana), 'GET', '/rest/api/3/issue/BIL-2');
    const missing = await jira(as(SEED_ACCOUNTS.devDana), 'GET', '/rest/api/3/issue/BIL-999');
    expect(hidden).toEqual({ status: 404, body: notVisible });
    expect(missing).toEqual(hidden);
  });

  it("routes @forge/api's asUser() calls as the invocation's user, recording the module and the answer", async () => {
    installForgeRuntime({
      jira: jiraBackend(standIn),
      kvs: async () => new Response(null, { status: 501 }),
      queue: async () => new Response(null, { status: 501 }),
    });
    const moveAs = (accountId: string) =>
      runInvocation({ accountId, cloudId: 'forge-site', installationId: 'i', moduleKey: 'm' }, async () => {
        const response = await asUser().requestJira(route`/rest/agile/1.0/backlog/issue`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ issues: ['ONB-55'] }),
        });
        return response.status;
      });
    expect(await moveAs(SEED_ACCOUNTS.stakeholder)).toBe(403);
    expect(await moveAs(SEED_ACCOUNTS.devKofi)).toBe(204);
    expect(standIn.requests.map(({ actor, moduleKey, status }) => ({ actor, moduleKey, status }))).toEqual([
      { actor: as(SEED_ACCOUNTS.stakeholder), moduleKey: 'm', status: 403 },
      { actor: as(SEED_ACCOUNTS.devKofi), moduleKey: 'm', status: 204 },
    ]);
  });

  it('refuses a call without an actor, and an unknown person, with 401', async () => {
    expect((await jira(null, 'GET', '/rest/agile/1.0/board')).status).toBe(401);
    expect((await jira('user:557058:nobody', 'GET', '/rest/agile/1.0/board')).status).toBe(401);
  });

  // "Administer Jira global permission to check the permissions for other users, otherwise none"
  // (platform OpenAPI, getBulkPermissions); its documented 403 body.
  const onlyAdministrators = { status: 403, body: { errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} } };
  const browseOnb39 = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [10039] }] };

  it('answers a bulk permission check without an accountId for the caller', async () => {
    expect(await jira(as(SEED_ACCOUNTS.devDana), 'POST', '/rest/api/3/permissions/check', browseOnb39)).toEqual({
      status: 200,
      body: { globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', issues: [10039], projects: [] }] },
    });
    expect(
      (await jira<BulkPermissionGrants>(as(SEED_ACCOUNTS.billingDeveloper), 'POST', '/rest/api/3/permissions/check', browseOnb39)).body
        .projectPermissions,
    ).toEqual([]);
  });

  it("refuses to check someone else's permissions, to a person and to the app, unless the caller administers Jira", async () => {
    const danasCheck = { accountId: SEED_ACCOUNTS.devDana, ...browseOnb39 };
    expect(await jira(as(SEED_ACCOUNTS.stakeholder), 'POST', '/rest/api/3/permissions/check', danasCheck)).toEqual(onlyAdministrators);
    expect(await jira('app', 'POST', '/rest/api/3/permissions/check', danasCheck)).toEqual(onlyAdministrators);
    expect((await jira(as(SEED_ACCOUNTS.devDana), 'POST', '/rest/api/3/permissions/check', danasCheck)).status).toBe(200);

    standIn.model.site().jiraAdministrators.add(SEED_ACCOUNTS.stakeholder);
    expect(
      (await jira<BulkPermissionGrants>(as(SEED_ACCOUNTS.stakeholder), 'POST', '/rest/api/3/permissions/check', danasCheck)).body
        .projectPermissions,
    ).toEqual([{ permission: 'BROWSE_PROJECTS', issues: [10039], projects: [] }]);
  });

  it('answers GET /mypermissions for the caller', async () => {
    const sam = await jira<MyPermissions>(
      as(SEED_ACCOUNTS.stakeholder),
      'GET',
      '/rest/api/3/mypermissions?projectKey=ONB&permissions=BROWSE_PROJECTS,SCHEDULE_ISSUES',
    );
    expect(sam.body.permissions.BROWSE_PROJECTS?.havePermission).toBe(true);
    expect(sam.body.permissions.SCHEDULE_ISSUES?.havePermission).toBe(false);
  });

  it('shows project roles and their members only to those who administer the project, which the app user does not', async () => {
    expect((await jira(as(SEED_ACCOUNTS.productOwner), 'GET', '/rest/api/3/project/ONB/role')).status).toBe(403);
    expect((await jira('app', 'GET', '/rest/api/3/project/ONB/role')).status).toBe(403);
    expect((await jira('app', 'GET', '/rest/api/3/project/ONB/role/10100')).status).toBe(403);
    expect(
      Object.keys((await jira<Readonly<Record<string, string>>>(as(SEED_ACCOUNTS.siteAdmin), 'GET', '/rest/api/3/project/ONB/role')).body),
    ).toContain('Product Owner');
    expect((await jira(as(SEED_ACCOUNTS.siteAdmin), 'GET', '/rest/api/3/project/ONB/role/10100')).status).toBe(200);
  });

  it("gives the app user the add-ons role's work on issues and no administration", async () => {
    const held = await jira<MyPermissions>(
      'app',
      'GET',
      '/rest/api/3/mypermissions?projectKey=ONB&permissions=BROWSE_PROJECTS,EDIT_ISSUES,SCHEDULE_ISSUES,CREATE_ISSUES,ADD_COMMENTS,ADMINISTER_PROJECTS',
    );
    const have = Object.fromEntries(
      Object.entries(held.body.permissions as Record<string, { havePermission: boolean }>).map(([key, value]) => [
        key,
        value.havePermission,
      ]),
    );
    expect(have).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      SCHEDULE_ISSUES: true,
      CREATE_ISSUES: true,
      ADD_COMMENTS: true,
      ADMINISTER_PROJECTS: false,
    });
    expect((await jira('app', 'POST', '/rest/agile/1.0/sprint/7/issue', { issues: ['ONB-68'] })).status).toBe(204);
  });
});

describe("the OAuth 2.0 gate: Atlassian's contracts and the manifest's scopes", () => {
  it("refuses Jira's internal greenhopper API with 403, as a method not enabled for OAuth 2.0", async () => {
    for (const actor of ['app', as(SEED_ACCOUNTS.productOwner)] as const) {
      expect(await jira(actor, 'GET', '/rest/greenhopper/1.0/rapid/charts/sprintreport?rapidViewId=1&sprintId=4')).toEqual({
        status: 403,
        body: { errorMessages: ['OAuth 2.0 is not enabled for method: GET /rest/greenhopper/1.0/rapid/charts/sprintreport'], errors: {} },
      });
    }
  });

  it('refuses an operation whose scopes the manifest lacks with 401 "scope does not match", for the app and for asUser()', async () => {
    // GET /priority/search needs manage:jira-configuration, which Goalkeeper does not declare.
    for (const actor of ['app', as(SEED_ACCOUNTS.siteAdmin)] as const) {
      const response = await fetch(`${standIn.url}/rest/api/3/priority/search`, { headers: { [ACTOR_HEADER]: actor } });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
      expect(await response.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    }
  });

  it('enforces the scopes manifest.yml declares: without write:sprint:jira-software, moving into a sprint is refused', async () => {
    const declared = readManifestScopes();
    expect(declared).toContain('write:sprint:jira-software');
    const narrower = await startJiraStandIn({
      now: TEST_NOW,
      manifestScopes: declared.filter((scope) => scope !== 'write:sprint:jira-software'),
    });
    try {
      const move = (url: string) =>
        fetch(`${url}/rest/agile/1.0/sprint/7/issue`, {
          method: 'POST',
          headers: { [ACTOR_HEADER]: 'app', 'content-type': 'application/json' },
          body: JSON.stringify({ issues: ['ONB-68'] }),
        });
      expect((await move(narrower.url)).status).toBe(401);
      expect(narrower.model.site().issueByKeyOrId('ONB-68')!.sprintIds).toEqual([]);
      expect((await move(standIn.url)).status).toBe(204);
    } finally {
      await narrower.close();
    }
  });

  it('answers a deprecated operation the scopes cover (the contract test flags it, not Jira)', async () => {
    expect((await jira('app', 'GET', '/rest/api/3/priority')).status).toBe(200);
  });
});

describe("what Jira rejects, in Jira's error bodies", () => {
  it('refuses to move issues into a closed sprint', async () => {
    expect(await jira('app', 'POST', '/rest/agile/1.0/sprint/6/issue', { issues: ['ONB-68'] })).toEqual({
      status: 400,
      body: { errorMessages: ["Sprint 'ONB Sprint 6' is closed. Issues can only be moved to open or active sprints."], errors: {} },
    });
  });

  it('refuses more than 50 issues in one move', async () => {
    const issues = Array.from({ length: 51 }, (_, index) => `ONB-${100 + index}`);
    expect((await jira<ErrorCollection>('app', 'POST', '/rest/agile/1.0/backlog/issue', { issues })).body.errorMessages).toEqual([
      'The maximum number of issues that can be moved in one operation is 50.',
    ]);
  });

  it('refuses to rank against an issue that does not exist', async () => {
    const answer = await jira<ErrorCollection>('app', 'PUT', '/rest/agile/1.0/issue/rank', {
      issues: ['ONB-55'],
      rankBeforeIssue: 'ONB-9999',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages).toEqual([
      'Cannot rank relative to ONB-9999: the issue does not exist or you do not have permission to see it.',
    ]);
  });

  it('answers 207 with one entry per issue when only some can be ranked', async () => {
    const answer = await jira(as(SEED_ACCOUNTS.devMei), 'PUT', '/rest/agile/1.0/issue/rank', {
      issues: ['ONB-55', 'BIL-2'],
      rankAfterIssue: 'ONB-39',
    });
    expect(answer).toEqual({
      status: 207,
      body: {
        entries: [
          { issueId: 10055, issueKey: 'ONB-55', status: 200, errors: [] },
          { issueKey: 'BIL-2', status: 404, errors: ['Issue does not exist or you do not have permission to see it.'] },
        ],
      },
    });
  });

  it("refuses a field that is not on the issue's screen", async () => {
    expect(await jira('app', 'PUT', '/rest/api/3/issue/BIL-2', { fields: { customfield_10016: 3 } })).toEqual({
      status: 400,
      body: {
        errorMessages: [],
        errors: { customfield_10016: "Field 'customfield_10016' cannot be set. It is not on the appropriate screen, or unknown." },
      },
    });
  });

  it('answers undocumented paths, documented ones it does not emulate, and bodies that are not JSON as Jira does', async () => {
    expect(await jira('app', 'GET', '/rest/api/3/nothing-here')).toEqual({
      status: 403,
      body: { errorMessages: ['OAuth 2.0 is not enabled for method: GET /rest/api/3/nothing-here'], errors: {} },
    });
    expect(await jira('app', 'GET', '/rest/api/3/configuration')).toEqual({
      status: 404,
      body: { errorMessages: ['null for uri: /rest/api/3/configuration'], errors: {} },
    });
    const notJson = await fetch(`${standIn.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { [ACTOR_HEADER]: 'app', 'content-type': 'text/plain' },
      body: 'jql=project=ONB',
    });
    expect(notJson.status).toBe(415);
  });
});

describe('the site', () => {
  it('gives its default time zone in serverInfo, with only the fields of Atlassian’s ServerInformation schema', async () => {
    // Fields of ServerInformation (platform OpenAPI, getServerInfo), which allows no others.
    const documented = new Set([
      'baseUrl',
      'buildDate',
      'buildNumber',
      'deploymentType',
      'displayUrl',
      'displayUrlConfluence',
      'displayUrlServicedeskHelpCenter',
      'healthChecks',
      'scmInfo',
      'serverTime',
      'serverTimeZone',
      'serverTitle',
      'version',
      'versionNumbers',
    ]);
    const answer = await jira<Record<string, unknown>>('app', 'GET', '/rest/api/3/serverInfo');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ serverTimeZone: 'UTC', deploymentType: 'Cloud' });
    expect(Object.keys(answer.body).filter((field) => !documented.has(field))).toEqual([]);
  });
});

describe('the enhanced JQL search', () => {
  it('pages by nextPageToken and leaves the token out on the last page', async () => {
    const jql = `sprint = ${LARGE_SPRINT_ID} ORDER BY rank`;
    const first = await jira<SearchResults>('app', 'POST', '/rest/api/3/search/jql', { jql, fields: ['summary'], maxResults: 100 });
    expect(first.body.issues).toHaveLength(100);
    expect(first.body.isLast).toBe(false);
    let token: string | undefined = first.body.nextPageToken;
    let seen = first.body.issues.length;
    let last = first;
    while (token) {
      last = await jira<SearchResults>('app', 'POST', '/rest/api/3/search/jql', {
        jql,
        fields: ['summary'],
        maxResults: 100,
        nextPageToken: token,
      });
      seen += last.body.issues.length;
      token = last.body.nextPageToken;
    }
    expect(seen).toBe(300);
    expect(last.body).toMatchObject({ isLast: true });
    expect(last.body).not.toHaveProperty('nextPageToken');
  });

  it('answers only ids and keys unless fields are asked for', async () => {
    const answer = await jira<SearchResults>('app', 'POST', '/rest/api/3/search/jql', { jql: 'key = ONB-39' });
    expect(answer.body.issues).toEqual([expect.objectContaining({ id: '10039', key: 'ONB-39', fields: {} })]);
  });

  it('evaluates labels, epics, parents, sprints and AND / OR / NOT', async () => {
    const keys = async (jql: string) =>
      (await jira<SearchResults>('app', 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'] })).body.issues.map((issue) => issue.key);
    expect(await keys('sprint = 7 AND labels = sprint-goal ORDER BY rank')).toEqual([
      'ONB-39',
      'ONB-42',
      'ONB-44',
      'ONB-37',
      'ONB-45',
      'ONB-46',
      'ONB-48',
      'ONB-50',
    ]);
    expect(await keys('"Epic Link" = ONB-3 AND sprint in openSprints() AND NOT status = Done')).toEqual(['ONB-52', 'ONB-67']);
    expect(await keys('parent in (ONB-39, ONB-42)')).toEqual(['ONB-40', 'ONB-41', 'ONB-43']);
    expect(await keys('project = BIL AND (priority = Highest OR issuetype = Epic)')).toEqual(['BIL-1', 'BIL-3']);
  });

  it('hides what the searcher cannot browse', async () => {
    const answer = await jira(as(SEED_ACCOUNTS.devDana), 'POST', '/rest/api/3/search/jql', { jql: 'project = BIL' });
    expect(answer).toEqual({
      status: 400,
      body: { errorMessages: ["The value 'BIL' does not exist for the field 'project'."], errors: {} },
    });
  });

  it('refuses unbounded queries and names what is wrong with a bad one', async () => {
    expect((await jira<ErrorCollection>('app', 'POST', '/rest/api/3/search/jql', { jql: 'ORDER BY rank' })).body.errorMessages).toEqual([
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
    expect((await jira<ErrorCollection>('app', 'POST', '/rest/api/3/search/jql', { jql: 'key in (ONB-9999)' })).body.errorMessages).toEqual(
      ["An issue with key 'ONB-9999' does not exist for field 'key'."],
    );
  });

  it('parses queries one by one, reporting errors per query', async () => {
    const answer = await jira<ParsedJqlQueries>('app', 'POST', '/rest/api/3/jql/parse?validation=strict', {
      queries: ['labels = sso', 'sprint = 99'],
    });
    expect(answer.body.queries[0]).toMatchObject({
      query: 'labels = sso',
      structure: { where: { field: { name: 'labels' }, operator: '=', operand: { value: 'sso' } } },
    });
    expect(answer.body.queries[1]).toEqual({ query: 'sprint = 99', errors: ["The value '99' does not exist for the field 'sprint'."] });
  });
});

describe('the fault switch', () => {
  it('fails the next N matching calls, then Jira answers normally; other calls are untouched', async () => {
    standIn.faults.inject({ kind: 'server-error', status: 503 }, { times: 2, method: 'GET', path: '/rest/agile/1.0/board/1' });
    const statuses = [];
    for (let call = 0; call < 3; call++) statuses.push((await jira('app', 'GET', '/rest/agile/1.0/board/1')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(standIn.faults.armed()).toEqual([]);
  });

  it('answers 429 with Retry-After', async () => {
    standIn.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const response = await fetch(`${standIn.url}/rest/api/3/priority`, { headers: { [ACTOR_HEADER]: 'app' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('drops the connection without an answer', async () => {
    standIn.faults.inject({ kind: 'drop-connection' });
    await expect(fetch(`${standIn.url}/rest/api/3/priority`, { headers: { [ACTOR_HEADER]: 'app' } })).rejects.toThrow('fetch failed');
  });

  it('can be armed through the admin API, as the sandbox pages do', async () => {
    await jira(null, 'POST', '/__sandbox/faults', {
      fault: { kind: 'server-error', status: 500 },
      times: 1,
      pathPattern: '^/rest/api/3/priority',
    });
    expect((await jira('app', 'GET', '/rest/api/3/priority')).status).toBe(500);
    expect((await jira('app', 'GET', '/rest/api/3/priority')).status).toBe(200);
  });
});

describe('changes and the admin API', () => {
  it('tells listeners who moved what, when someone acts directly in Jira', async () => {
    const heard: JiraChangeRecord[] = [];
    standIn.model.onChange((record) => heard.push(record));
    const answer = await jira(null, 'POST', '/__sandbox/issues/ONB-68/move', {
      sprintId: SEED_FACTS.activeSprintId,
      actorAccountId: SEED_ACCOUNTS.devKofi,
    });
    expect(answer.status).toBe(204);
    expect(heard).toEqual([
      {
        siteId: 'goalkeeper-sandbox-site',
        at: expect.any(String),
        actor: { kind: 'user', accountId: SEED_ACCOUNTS.devKofi },
        change: { kind: 'sprint-membership', issueKey: 'ONB-68', fromSprintId: null, toSprintId: SEED_FACTS.activeSprintId },
      },
    ]);
    expect((await jira<{ readonly changes: readonly unknown[] }>(null, 'GET', '/__sandbox/changes?since=0')).body.changes).toHaveLength(1);
  });

  it('shows a board with its open sprints, ranked issues and backlog', async () => {
    const view = (await jira<SandboxBoardView>(null, 'GET', `/__sandbox/boards/${SEED_FACTS.onb.boardId}`)).body;
    expect(view.sprints.map((sprint) => sprint.id)).toEqual([SEED_FACTS.activeSprintId, SEED_FACTS.futureSprintId, LARGE_SPRINT_ID]);
    expect(view.sprints[0]?.issues[0]).toMatchObject({
      key: 'ONB-39',
      points: 3,
      statusCategory: 'indeterminate',
      labels: ['sprint-goal'],
    });
    expect(view.backlog.map((issue) => issue.key)).toEqual(SEED_FACTS.backlogKeys);
    expect(view.closedSprints).toHaveLength(6);
  });

  it('resets every site to the seed', async () => {
    await jira(null, 'POST', '/__sandbox/issues/ONB-68/move', { sprintId: SEED_FACTS.activeSprintId });
    await jira(null, 'POST', '/__sandbox/reset');
    expect(standIn.model.site().openSprintOf(standIn.model.site().issueByKeyOrId('ONB-68')!)).toBeUndefined();
  });

  it('keeps each site apart: a change on one is not seen on another', async () => {
    await jira('app', 'POST', '/rest/agile/1.0/sprint/7/issue', { issues: ['ONB-68'] }, 'site-a');
    const inA = await jira<IssueBean>('app', 'GET', '/rest/api/3/issue/ONB-68?fields=customfield_10020', undefined, 'site-a');
    const inB = await jira<IssueBean>('app', 'GET', '/rest/api/3/issue/ONB-68?fields=customfield_10020', undefined, 'site-b');
    expect(inA.body.fields.customfield_10020).toEqual([expect.objectContaining({ id: 7, state: 'active' })]);
    expect(inB.body.fields.customfield_10020).toBeNull();
  });
});
