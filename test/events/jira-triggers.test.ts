import { sprintChangeOf } from '../../src/events/jira-triggers';

const AT = '2026-11-21T09:00:00.000Z';

describe('reading Jira issue-updated events', () => {
  it('reads a sprint move from the changelog, with the actor and a stable change id', () => {
    const change = sprintChangeOf(
      {
        eventType: 'avi:jira:updated:issue',
        atlassianId: '557058:dev-kofi',
        issue: { id: '10033', key: 'ONB-33' },
        changelog: { id: '20001', items: [{ field: 'Sprint', from: '', fromString: '', to: '7', toString: 'ONB Sprint 7' }] },
      },
      AT,
    );
    expect(change).toEqual({ changeId: '10033:20001', issueKey: 'ONB-33', actorAccountId: '557058:dev-kofi', at: AT, sprintsBefore: [], sprintsAfter: [7], estimate: null });
  });

  it('reads re-estimates from either story-point field', () => {
    for (const field of ['Story Points', 'Story point estimate']) {
      const change = sprintChangeOf({ issue: { id: '1', key: 'ONB-11' }, changelog: { id: '2', items: [{ field, fromString: '3', toString: '5' }] } }, AT);
      expect(change?.estimate).toEqual({ before: 3, after: 5 });
    }
  });

  it('reads a sprint list with a closed sprint and a new one', () => {
    const change = sprintChangeOf({ issue: { id: '1', key: 'ONB-11' }, changelog: { id: '2', items: [{ field: 'Sprint', from: '6, 7', to: '6, 8' }] } }, AT);
    expect(change).toMatchObject({ sprintsBefore: [6, 7], sprintsAfter: [6, 8] });
  });

  it('ignores events that touch neither sprint nor estimate, and malformed ones', () => {
    expect(sprintChangeOf({ issue: { id: '1', key: 'ONB-11' }, changelog: { id: '2', items: [{ field: 'summary', from: 'a', to: 'b' }] } }, AT)).toBeNull();
    expect(sprintChangeOf({ changelog: { id: '2', items: [{ field: 'Sprint', to: '7' }] } }, AT)).toBeNull();
  });
});
