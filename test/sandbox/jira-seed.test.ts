/**
 * The seed is what every sandbox page, e2e test and demo stands on: these tests pin the facts
 * other code names (keys, ids, velocity) to what the seed really builds.
 */
import { JiraStandInModel, type JiraSite } from '../../sandbox/jira/jira-model';
import { SEED_ACCOUNTS, SEED_FACTS, seedGoalkeeperSite } from '../../sandbox/jira/seed';
import { workingTimeBetween } from '../../src/domain/working-days';
import { TEST_NOW } from '../jira/jira-harness';

function seededSite(now: Date = TEST_NOW): JiraSite {
  return new JiraStandInModel((site) => seedGoalkeeperSite(site, now)).site();
}

const keysOf = (issues: { key: string }[]): string[] => issues.map((issue) => issue.key);

describe('the sandbox seed', () => {
  const site = seededSite();
  const board = site.boards.get(SEED_FACTS.onb.boardId)!;

  it('has ONB Sprint 7 half-way through at `now`, with its goal', () => {
    const sprint = site.sprints.get(SEED_FACTS.activeSprintId)!;
    const start = Date.parse(sprint.startDate!);
    const end = Date.parse(sprint.endDate!);
    expect(sprint).toMatchObject({ name: 'ONB Sprint 7', state: 'active', goal: SEED_FACTS.activeSprintGoal });
    // In working time, as the forecast counts it (test/sandbox/seed-clock.test.ts: at any hour).
    expect(Math.abs(workingTimeBetween(start, TEST_NOW.getTime()) / workingTimeBetween(start, end) - 0.5)).toBeLessThan(0.05);
  });

  it('puts about 25 issues of every kind in the active sprint, some done, some in progress', () => {
    const issues = site.sprintIssues(SEED_FACTS.activeSprintId);
    expect(issues).toHaveLength(25);
    expect(new Set(issues.map((issue) => site.typeOf(issue).name))).toEqual(new Set(['Story', 'Bug', 'Task', 'Subtask']));
    expect(new Set(issues.map((issue) => issue.status.category))).toEqual(new Set(['new', 'indeterminate', 'done']));
  });

  it('labels exactly the goal-critical keys it names', () => {
    const labelled = site.sprintIssues(SEED_FACTS.activeSprintId).filter((issue) => issue.labels.includes(SEED_FACTS.goalLabel));
    expect(keysOf(labelled).sort()).toEqual([...SEED_FACTS.goalCriticalKeys].sort());
  });

  it('names the active, future and backlog issues where they are', () => {
    const activeKeys = keysOf(site.sprintIssues(SEED_FACTS.activeSprintId));
    expect(activeKeys).toEqual(expect.arrayContaining(Object.values(SEED_FACTS.activeSprintKeys)));
    expect(keysOf(site.sprintIssues(SEED_FACTS.futureSprintId))).toEqual(SEED_FACTS.futureSprintKeys);
    expect(keysOf(site.backlogOf(board))).toEqual(SEED_FACTS.backlogKeys);
    expect(site.issueByKeyOrId(SEED_FACTS.activeSprintKeys.googleClaimsSubtask)?.parentId).toBe(
      site.issueByKeyOrId(SEED_FACTS.activeSprintKeys.googleSso)?.id,
    );
  });

  it('records six closed sprints whose reports add up to the velocity it names', () => {
    const velocity = SEED_FACTS.closedSprintIds.map((sprintId) => {
      const lines = site.sprintReports.get(sprintId) ?? [];
      return {
        sprintId,
        committed: lines.filter((line) => !line.addedDuringSprint).reduce((sum, line) => sum + (line.estimateAtStart ?? 0), 0),
        completed: lines.filter((line) => line.outcome === 'completed').reduce((sum, line) => sum + (line.estimateAtEnd ?? 0), 0),
      };
    });
    expect(velocity).toEqual(SEED_FACTS.velocity);
  });

  it('gives each person the project roles the product spec describes', () => {
    const onb = site.projectByKeyOrId('ONB')!;
    const rolesOf = (accountId: string) => onb.roles.filter((role) => role.memberAccountIds.includes(accountId)).map((role) => role.name);
    expect(rolesOf(SEED_ACCOUNTS.productOwner)).toEqual(['Product Owner']);
    expect([SEED_ACCOUNTS.devDana, SEED_ACCOUNTS.devKofi, SEED_ACCOUNTS.devMei].map(rolesOf)).toEqual([
      ['Developers'],
      ['Developers'],
      ['Developers'],
    ]);
    expect(rolesOf(SEED_ACCOUNTS.stakeholder)).toEqual(['Viewers']);
    expect(rolesOf(SEED_ACCOUNTS.siteAdmin)).toEqual(['Administrators']);
  });

  it('lets only Ada and Fin browse Billing', () => {
    const bil = site.projectByKeyOrId('BIL')!;
    const browsers = Object.values(SEED_ACCOUNTS).filter((accountId) => site.can({ kind: 'user', accountId }, 'BROWSE_PROJECTS', bil));
    expect(browsers).toEqual([SEED_ACCOUNTS.siteAdmin, SEED_ACCOUNTS.billingDeveloper]);
  });

  it('models both story point fields: team-managed Onboarding and company-managed Billing', () => {
    expect(board.estimation).toEqual({ fieldId: 'customfield_10016', displayName: 'Story point estimate' });
    expect(site.boards.get(SEED_FACTS.bil.boardId)?.estimation).toEqual({ fieldId: 'customfield_10028', displayName: 'Story Points' });
    expect(site.projectByKeyOrId('ONB')?.style).toBe('team-managed');
    expect(site.projectByKeyOrId('BIL')?.style).toBe('company-managed');
  });

  it('builds the same keys whatever day the sandbox starts', () => {
    const later = seededSite(new Date('2026-07-01T18:30:00Z'));
    expect(keysOf(later.sprintIssues(SEED_FACTS.activeSprintId))).toEqual(keysOf(site.sprintIssues(SEED_FACTS.activeSprintId)));
  });
});
