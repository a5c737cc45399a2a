import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validate } from '@forge/manifest';
import { endpoints } from '../src/resolvers/endpoints';
import { APPLY_QUEUE_KEY } from '../src/events/apply-queue';

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

  it('declares each static resource by its build folder', () => {
    const paths = manifest.resources.map((r: { path: string }) => r.path).sort();
    expect(paths).toEqual(['static/issue-panel/build', 'static/settings/build', 'static/sprint-gadget/build']);
  });

  it('asks for the four classic scopes the README justifies, and no more', () => {
    expect(manifest.permissions.scopes).toEqual(['read:jira-work', 'write:jira-work', 'read:jira-user', 'storage:app']);
  });

  it('translates every module title it shows into English and German', () => {
    const keys = JSON.stringify(manifest.modules).match(/"i18n":"([^"]+)"/g)!.map((m) => m.slice(8, -1));
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const locale of ['en-US', 'de-DE']) {
      const messages = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
      for (const key of keys) expect(key.split('.').reduce((node, part) => node?.[part], messages)).toEqual(expect.any(String));
    }
  });

  it('keeps the resolver surface to the endpoints the front ends call', () => {
    expect(Object.keys(endpoints).sort()).toEqual(
      [
        'createProposal', 'decideProposal', 'exportSprintCsv', 'getAuditTrail', 'getIssuePanelState', 'getProjectSettings', 'getSprintViewState', 'listBoards',
        'listSprintProposals', 'previewProposal', 'recordSprintOutcome', 'retryApply', 'reviewBypassedChange', 'saveProjectSettings', 'withdrawProposal',
      ].sort(),
    );
  });
});
