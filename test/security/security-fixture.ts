/**
 * What the reliability and security suite shares: the seed's people (and one more, who belongs to
 * no project), realistic text, and ways to arrange Jira's side directly in the stand-in's model —
 * roles, sprints — the way an admin would change them in Jira while Goalkeeper is in use.
 */
import type { JiraChange, JiraSite } from '../../sandbox/jira/jira-model';
import type { ApplyStep, Proposal } from '../../src/domain/proposal';
import type { ProposalRecord } from '../../src/store/entities';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { SANDBOX_SITE, type ForgeApp, type SiteRef } from '../support/forge-app';

export const {
  productOwner: PRIYA,
  devDana: DANA,
  devKofi: KOFI,
  devMei: MEI,
  stakeholder: SAM,
  siteAdmin: ADA,
  billingDeveloper: FIN,
} = SEED_ACCOUNTS;
/** Left the Onboarding team: an Atlassian account on the site with no project role anywhere. */
export const NOOR = '557058:former-noor';

export const ONB_BOARD = SEED_FACTS.onb.boardId;
export const BIL_BOARD = SEED_FACTS.bil.boardId;
export const ONB_SPRINT = SEED_FACTS.activeSprintId;
export const ONB_NEXT_SPRINT = SEED_FACTS.futureSprintId;
export const BIL_SPRINT = SEED_FACTS.bil.activeSprintId;

export const RATIONALE = 'Acme signs on Friday only with SSO; we drop the analytics spike instead.';
export const REASON = { category: 'stakeholder-request', text: 'Acme needs SSO sign-up for their pilot.' } as const;

/** A proposal as the issue panel submits it. */
export function proposalPayload(issueKey: string, change: object, extra: object = {}): object {
  return { issueKey, change, reason: REASON, acknowledgeThreat: true, ...extra };
}

export function approval(proposalId: string, expectedVersion = 1, rationale = RATIONALE): object {
  return { proposalId, verdict: 'approve', rationale, expectedVersion };
}

/** Adds Noor to the site as a person Jira knows but no project lets in. */
export function addFormerMember(site: JiraSite): void {
  if (!site.users.has(NOOR))
    site.addUser({ accountId: NOOR, displayName: 'Noor Haddad', timeZone: 'Asia/Amman', emailAddress: 'noor@example.com' });
}

/** What a Jira admin does on the project's People page: add someone to a role, or take them out. */
export function setRoleMember(site: JiraSite, projectKey: string, roleName: string, accountId: string, member: boolean): void {
  const project = site.projectByKeyOrId(projectKey);
  const role = project?.roles.find((candidate) => candidate.name === roleName);
  if (!role) throw new Error(`No role ${roleName} in ${projectKey}`);
  const at = role.memberAccountIds.indexOf(accountId);
  if (member && at === -1) role.memberAccountIds.push(accountId);
  if (!member && at !== -1) role.memberAccountIds.splice(at, 1);
}

/** Completes a sprint in the stand-in, as Jira's "Complete sprint" does (open issues stay in it as history). */
export function closeSprint(site: JiraSite, sprintId: number): void {
  const sprint = site.sprints.get(sprintId);
  if (!sprint) throw new Error(`No sprint ${sprintId}`);
  sprint.state = 'closed';
  sprint.completeDate = new Date().toISOString();
}

/** The sprints an issue is in that are still open (active or future). */
export function openSprintsOf(site: JiraSite, issueKey: string): number[] {
  const issue = site.issueByKeyOrId(issueKey);
  if (!issue) throw new Error(`No issue ${issueKey}`);
  return issue.sprintIds.filter((id) => site.sprints.get(id)?.state !== 'closed');
}

/** The changes the app itself made in Jira on one site: what "applied twice" would show up in. */
export function appChanges(app: ForgeApp, site: SiteRef = SANDBOX_SITE): JiraChange[] {
  return app.sandbox.jira.changes
    .filter((record) => record.siteId === site.cloudId && record.actor.kind === 'app')
    .map((record) => record.change);
}

/** How often the app moved `issueKey` into (or out of, with `null`) a sprint on one site. */
export function movesOf(app: ForgeApp, issueKey: string, toSprintId: number | null, site: SiteRef = SANDBOX_SITE): number {
  return appChanges(app, site).filter(
    (change) => change.kind === 'sprint-membership' && change.issueKey === issueKey && change.toSprintId === toSprintId,
  ).length;
}

export function commentsBy(app: ForgeApp, issueKey: string, site: SiteRef = SANDBOX_SITE): number {
  return appChanges(app, site).filter((change) => change.kind === 'comment-added' && change.issueKey === issueKey).length;
}

/** Everything Forge storage holds for one installation, to compare before and after a call. */
export function storeOf(app: ForgeApp, site: SiteRef = SANDBOX_SITE) {
  return app.sandbox.kvs.snapshot(site.installationId);
}

/** A further Jira site with its own installation of the app, seeded like the sandbox site. */
export function otherSite(name: string): SiteRef {
  return { cloudId: `${name}-cloud`, installationId: `${name}-installation` };
}

export async function auditActions(
  app: ForgeApp,
  proposalId: string,
  site: SiteRef = SANDBOX_SITE,
  reader: string = PRIYA,
): Promise<string[]> {
  const actions: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.invokeOk('getAuditTrail', { proposalId, ...(cursor ? { cursor } : {}) }, reader, { site });
    actions.push(...page.events.map((event: { action: string }) => event.action));
    cursor = page.nextCursor;
  } while (cursor);
  return actions;
}

/** The stored proposal, read as the app (no caller permissions involved); a test asks only for one it created. */
export function storedProposal(app: ForgeApp, proposalId: string, site: SiteRef = SANDBOX_SITE): Proposal {
  const record = storeOf(app, site).entities.proposal?.[proposalId] as Pick<ProposalRecord, 'proposal'> | undefined;
  if (!record) throw new Error(`No proposal ${proposalId} stored on ${site.cloudId}`);
  return record.proposal;
}

/** One step of a proposal's apply journal, by name; a test asks only for a step the apply must have taken. */
export function applyStep(proposal: Proposal, name: string): ApplyStep {
  const step = proposal.apply?.steps.find((candidate) => candidate.name === name);
  if (!step)
    throw new Error(
      `Proposal ${proposal.id} has no apply step ${name} (steps: ${proposal.apply?.steps.map((s) => s.name).join(', ') ?? 'none'})`,
    );
  return step;
}
