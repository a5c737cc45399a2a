import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validate } from '@forge/manifest';
import { endpoints } from '../src/resolvers/endpoints';
import { APPLY_QUEUE_KEY } from '../src/queues/apply-queue';
import {
  FORGE_MAX_TIMEOUT_SECONDS,
  FUNCTION_TIMEOUT_SECONDS,
  MAX_APPLY_STEPS,
  SLOWEST_JIRA_CALL_SECONDS,
} from '../src/events/function-timeouts';
import { ISSUE_UPDATED, SPRINT_CLOSED, SPRINT_EVENTS } from '../src/events/jira-triggers';
import { ISSUE_CLAIM_MINUTES } from '../src/store/issue-claim-store';

const manifest = parse(readFileSync('manifest.yml', 'utf8'));

describe('manifest.yml', () => {
  it("passes Atlassian's full manifest validation from @forge/manifest with no errors", async () => {
    const result = await validate(false, 'manifest.yml');
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('runs on the nodejs24.x runtime', () => {
    expect(manifest.app.runtime.name).toBe('nodejs24.x');
  });

  it('offers the issue panel, sprint gadget, settings page, board and sprint actions', () => {
    for (const module of ['jira:issuePanel', 'jira:dashboardGadget', 'jira:projectSettingsPage', 'jira:boardAction', 'jira:sprintAction']) {
      expect(manifest.modules[module]).toHaveLength(1);
    }
    expect(manifest.modules['jira:dashboardGadget'][0].edit).toBeDefined();
  });

  it('points every function at a handler that src/index.ts exports', () => {
    const exported = Object.keys(require('../src/index'));
    for (const fn of manifest.modules.function) {
      const [file, name] = fn.handler.split('.');
      expect(file).toBe('index');
      expect(exported).toContain(name);
    }
  });

  it('wires the apply consumer to the queue and method the code uses', () => {
    const consumer = manifest.modules.consumer[0];
    expect(consumer.queue).toBe(APPLY_QUEUE_KEY);
    expect(consumer.function).toBe('apply-worker');
  });

  it("gives every consumer and scheduled function the time its work needs, within Forge's 900 s; the resolver and the product trigger keep Forge's 25 s", () => {
    const declared = Object.fromEntries(
      manifest.modules.function.map((fn: { key: string; timeoutSeconds?: number }) => [fn.key, fn.timeoutSeconds]),
    );
    const productTriggers = manifest.modules.trigger.map((module: { function: string }) => [module.function, undefined]);
    expect(declared).toEqual({ resolver: undefined, ...Object.fromEntries(productTriggers), ...FUNCTION_TIMEOUT_SECONDS });
    const longRunning = [manifest.modules.consumer, manifest.modules.scheduledTrigger]
      .flat()
      .map((module: { function: string }) => module.function);
    for (const key of longRunning) expect(declared[key]).toBeGreaterThan(55);
    expect(Math.max(...Object.values(FUNCTION_TIMEOUT_SECONDS))).toBeLessThanOrEqual(FORGE_MAX_TIMEOUT_SECONDS);
  });

  it('lets the slowest apply finish within its timeout, and holds its issue claims longer than that', () => {
    expect(MAX_APPLY_STEPS * SLOWEST_JIRA_CALL_SECONDS).toBeLessThanOrEqual(FUNCTION_TIMEOUT_SECONDS['apply-worker']);
    expect(ISSUE_CLAIM_MINUTES * 60).toBeGreaterThan(FUNCTION_TIMEOUT_SECONDS['apply-worker']);
  });

  it('filters issue updates by their changelog before invoking the app, and takes sprint events without a filter they could not pass', () => {
    const triggers = manifest.modules.trigger as {
      events: string[];
      filter: { ignoreSelf?: boolean; expression?: string; onError?: string };
    }[];
    const issueTrigger = triggers.find((trigger) => trigger.events.includes(ISSUE_UPDATED))!;
    expect(issueTrigger.events).toEqual([ISSUE_UPDATED]);
    expect(issueTrigger.filter).toMatchObject({
      ignoreSelf: true,
      expression: expect.stringContaining('event.changelog'),
      onError: 'RECEIVE_AND_LOG',
    });
    const sprintTrigger = triggers.find((trigger) => trigger.events.includes(SPRINT_CLOSED))!;
    expect(sprintTrigger.events.sort()).toEqual([...SPRINT_EVENTS].sort());
    expect(sprintTrigger.filter.expression).toBeUndefined();
  });

  it('names the gadget thumbnail by an absolute https URL, as the jira:dashboardGadget reference documents it', () => {
    expect(new URL(manifest.modules['jira:dashboardGadget'][0].thumbnail).protocol).toBe('https:');
  });

  it('declares each static resource by its build folder', () => {
    const paths = manifest.resources.map((r: { path: string }) => r.path).sort();
    expect(paths).toEqual([
      'static/issue-context/build',
      'static/issue-panel/build',
      'static/settings/build',
      'static/sprint-gadget/build',
    ]);
  });

  // Which scopes, and why each, is derived from Atlassian's contracts in test/contract/jira-contract.test.ts.
  it('asks for the classic scopes next to the granular Jira Software scopes of the agile calls, and no admin scope', () => {
    expect(manifest.permissions.scopes).toEqual([
      'read:jira-work',
      'write:jira-work',
      'read:jira-user',
      'storage:app',
      'read:board-scope:jira-software',
      'read:sprint:jira-software',
      'read:issue-details:jira',
      'read:jql:jira',
      'read:issue:jira-software',
      'write:sprint:jira-software',
      'write:board-scope:jira-software',
      'write:issue:jira-software',
    ]);
  });

  it('translates every module title it shows into English and German', () => {
    const keys = JSON.stringify(manifest.modules)
      .match(/"i18n":"([^"]+)"/g)!
      .map((m) => m.slice(8, -1));
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const locale of ['en-US', 'de-DE']) {
      const messages = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
      for (const key of keys) expect(key.split('.').reduce((node, part) => node?.[part], messages)).toEqual(expect.any(String));
    }
  });

  it('keeps the resolver surface to the endpoints the front ends call', () => {
    expect(Object.keys(endpoints).sort()).toEqual(
      [
        'createProposal',
        'decideProposal',
        'exportSprintCsv',
        'getAllowedPriorities',
        'getAuditTrail',
        'getIssueGlance',
        'getIssuePanelState',
        'getProjectSettings',
        'getSprintViewState',
        'listBoards',
        'listSprintProposals',
        'previewProposal',
        'recordSprintOutcome',
        'retryApply',
        'revertBypassedChange',
        'reviewBypassedChange',
        'saveProjectSettings',
        'searchPeople',
        'setSprintCapacity',
        'withdrawProposal',
      ].sort(),
    );
  });
});
