/**
 * Goalkeeper measured against Atlassian's Jira REST API contracts. A full run through the real
 * handler and triggers (test/contract/journey.ts) against the strict stand-in records every Jira
 * request; each is matched to an operation of Atlassian's OpenAPI documents and must be
 * documented, not deprecated, free of admin scopes on the paths a team member opens, and covered
 * by manifest.yml's permissions.scopes, which in turn declares nothing the calls do not need.
 * README.md's "Scopes" table is checked against the same list. The run prints the operations with
 * their scopes (for the release's closing note).
 */
import { readFileSync } from 'node:fs';
import { jiraContract } from '../../sandbox/jira/contract/jira-contract';
import { readManifestScopes } from '../../sandbox/jira/contract/manifest-scopes';
import { personalDataApi } from '../support/personal-data-api';
import { startForgeApp, type ForgeApp } from '../support/forge-app';
import {
  contractViolations,
  operationList,
  operationsByScope,
  operationsCalled,
  operationsCell,
  readmeScopeRows,
  unneededScopes,
  type OperationUse,
} from './contract-report';
import { runJourney, type Journey, type JourneyCall } from './journey';

/** About 40 resolver calls, each with a 10,000-trial forecast, plus the apply queue, on a loaded 2-core box. */
const JOURNEY_TIMEOUT_MS = 240_000;

const contract = jiraContract();
const declared = readManifestScopes();

describe('checking calls against the contract', () => {
  // Calls as the stand-in records them; the paths are the app's, the phases where they come from.
  const call = (method: string, path: string, phase: JourneyCall['phase'], status = 200): JourneyCall => ({
    method,
    path,
    phase,
    status,
    actor: 'app',
    siteId: 's',
    moduleKey: null,
  });

  it('names an internal API, a deprecated admin-only call on the panel, and a call the scopes miss, all at once', () => {
    const uses = operationsCalled(
      [
        call('GET', '/rest/greenhopper/1.0/rapid/charts/sprintreport?rapidViewId=1&sprintId=6', 'panel', 403),
        call('GET', '/rest/api/3/priority/search?maxResults=50', 'preview', 401),
        call('GET', '/rest/api/3/issue/ONB-1', 'panel'),
      ],
      contract,
      ['read:jira-work'],
    );
    const violations = contractViolations(uses);
    expect(violations.map((violation) => violation.split(':')[0])).toEqual([
      'deprecated',
      "admin scope on a team member's path",
      'not covered by manifest.yml permissions.scopes',
      'undocumented',
    ]);
    expect(violations[1]).toContain('GET /rest/api/3/priority/search (searchPriorities) needs [manage:jira-configuration] (classic)');
    expect(violations[3]).toMatch(
      /^undocumented: GET \/rest\/greenhopper\/1\.0\/rapid\/charts\/sprintreport .* called from panel; 1 call\(s\), Jira answered 403$/,
    );
  });

  it("allows an admin-only call off the team's path when the scopes cover it", () => {
    const uses = operationsCalled([call('GET', '/rest/agile/1.0/board/1/configuration', 'settings')], contract, [
      'read:board-scope.admin:jira-software',
      'read:project:jira',
    ]);
    expect(contractViolations(uses)).toEqual([]);
    expect(
      contractViolations(
        operationsCalled([call('GET', '/rest/agile/1.0/board/1/configuration', 'sprint view')], contract, [
          'read:board-scope.admin:jira-software',
          'read:project:jira',
        ]),
      ),
    ).toEqual([
      expect.stringMatching(
        /^admin scope on a team member's path: GET \/rest\/agile\/1\.0\/board\/\{boardId\}\/configuration \(getConfiguration\)/,
      ),
    ]);
  });

  it('finds declared scopes that no call needs', () => {
    const uses = operationsCalled([call('GET', '/rest/api/3/issue/ONB-1', 'panel')], contract, [
      'read:jira-work',
      'write:jira-work',
      'storage:app',
    ]);
    expect(unneededScopes(uses, ['read:jira-work', 'write:jira-work', 'storage:app'])).toEqual(['write:jira-work']);
  });
});

describe("Goalkeeper against Atlassian's Jira REST API contracts", () => {
  let app: ForgeApp;
  let journey: Journey;
  let uses: OperationUse[];

  beforeAll(async () => {
    app = await startForgeApp({ privacy: personalDataApi(new Set()).backend });
    journey = await runJourney(app);
    uses = operationsCalled(journey.calls, contract, declared);
    console.log(
      `Jira operations Goalkeeper calls in a full run (${journey.calls.length} requests), with the scopes each is called with:\n${operationList(uses)}`,
    );
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
  });

  it('runs the whole journey: panel, preview, propose, decide, apply, sprint view, export, settings, events, reconciliation, retention, personal data', () => {
    // Retention and personal data may need no Jira call; every other part must have reached Jira.
    expect([...new Set(journey.calls.map((each) => each.phase))]).toEqual(
      expect.arrayContaining([
        'panel',
        'preview',
        'propose',
        'decide',
        'apply worker',
        'sprint view',
        'export',
        'settings',
        'events',
        'reconciliation',
      ]),
    );
    const failed = journey.steps.filter((step) => step.failure).map((step) => `${step.phase} — ${step.step}: ${step.failure}`);
    if (failed.length > 0) throw new Error(`${failed.length} of ${journey.steps.length} journey steps failed:\n${failed.join('\n')}`);
  });

  it("calls only documented, current operations, with no admin scope on a team member's path, all covered by manifest.yml", () => {
    const violations = contractViolations(uses);
    if (violations.length > 0)
      throw new Error(`${violations.length} contract violations:\n${violations.map((violation) => `- ${violation}`).join('\n')}`);
  });

  it('declares no scope that no call needs (least privilege)', () => {
    expect(unneededScopes(uses, declared)).toEqual([]);
  });

  it('shows in README.md\'s "Scopes" table exactly the manifest\'s scopes, each with the operations that need it', () => {
    const rows = readmeScopeRows(readFileSync('README.md', 'utf8'));
    const expected = operationsByScope(uses, declared);
    const mismatches = declared.flatMap((scope) => {
      const row = rows.find((candidate) => candidate.scope === scope);
      const wanted = [...new Set(expected.get(scope))].sort();
      const shown = [...new Set(row?.operations ?? [])].sort();
      return row && JSON.stringify(wanted) === JSON.stringify(shown) ? [] : [`| \`${scope}\` | … | ${operationsCell(wanted)} |`];
    });
    const extra = rows
      .filter((row) => !declared.includes(row.scope))
      .map((row) => `README lists ${row.scope}, which manifest.yml does not declare`);
    if (mismatches.length + extra.length > 0) {
      throw new Error(
        `README.md "Scopes" disagrees with manifest.yml and the contract. Rows as they should read (Operations column):\n${[...mismatches, ...extra].join('\n')}`,
      );
    }
    expect(rows.map((row) => row.scope)).toEqual([...declared]);
  });
});
