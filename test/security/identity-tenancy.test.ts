/**
 * Who is asking, and for which site, comes only from what Forge vouches for. A client-forged
 * `context.extension` and fields that claim a status, a decider or an account change nothing; a
 * Product Owner who loses the role or the Jira permission between decision and apply cannot have
 * the change applied; and two Jira sites served by one warm runtime never see each other's data.
 */
import { SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import { runInvocation } from '../../sandbox/forge-host/forge-runtime';
import { handler } from '../../src/index';
import type { ResultOf } from '../../src/contract/endpoints';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { ProposalRecord } from '../../src/store/entities';
import { reportFigure, testTally } from '../support/figures';
import { SANDBOX_SITE, useForgeApp, type SiteRef } from '../support/forge-app';
import {
  ADA,
  appChanges,
  approval,
  auditActions,
  DANA,
  FIN,
  KOFI,
  ONB_SPRINT,
  openSprintsOf,
  otherSite,
  PRIYA,
  proposalPayload,
  SAM,
  storedProposal,
  storeOf,
} from './security-fixture';

const app = useForgeApp();
const tally = { forgedContexts: 0, injectedClaims: 0, revokedDeciders: 0, tenantChecks: 0 };
const tests = testTally();

afterAll(() => {
  reportFigure(
    'identity and tenancy',
    `${tally.forgedContexts} calls with a forged context (extension, accountId, licence) and ${tally.injectedClaims} with injected status/decider/account fields changed nothing; ${tally.revokedDeciders} applies refused and recorded after the decider stopped being a Product Owner or the app lost the Jira permission; ${tally.tenantChecks} cross-site checks between two sites on one runtime; ${tests.failed} of ${tests.ran} tests failed`,
  );
});

/** What a client can claim in the extension: another issue, another project, even a gadget. */
const FORGED_EXTENSIONS = [
  { type: 'jira:issuePanel', issue: { id: '10070', key: 'ONB-70', type: 'Story' }, project: { id: '10000', key: 'ONB', type: 'software' } },
  { type: 'jira:issuePanel', issue: { id: '20002', key: 'BIL-2', type: 'Story' }, project: { id: '10001', key: 'BIL', type: 'software' } },
  { type: 'jira:dashboardGadget', gadget: { id: 'g-1' }, gadgetConfiguration: { boardId: 2 }, accountId: PRIYA, isProductOwner: true },
];

/** The parts of a panel that do not depend on the moment it is read. */
function stablePanel(panel: ResultOf<'getIssuePanelState'>): unknown {
  const { risk, sprint, ...rest } = panel;
  return { ...rest, sprintName: sprint?.name, riskLevel: risk?.level };
}

describe('a forged context.extension', () => {
  it(
    'changes no answer and no record: the payload and the Forge principal decide',
    tests.track(async () => {
      const honest = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA);
      for (const extension of FORGED_EXTENSIONS) {
        tally.forgedContexts += 2;
        expect(stablePanel(await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA, { extension }))).toEqual(
          stablePanel(honest),
        );
        // Fin cannot see ONB, whatever the extension says he is looking at.
        expect((await app().invoke('getIssuePanelState', { issueKey: 'ONB-68' }, FIN, { extension })).error?.code).toBe('not-found');
      }
      for (const extension of FORGED_EXTENSIONS) {
        tally.forgedContexts += 2;
        const proposal = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA, { extension });
        expect(proposal).toMatchObject({
          issueKey: 'ONB-68',
          projectKey: 'ONB',
          boardId: 1,
          sprintId: ONB_SPRINT,
          proposerAccountId: DANA,
        });
        expect((await app().call('decideProposal', approval(proposal.id), KOFI, { extension })).error?.code).toBe('forbidden');
        // The same change may be open only once (issue 14): Dana takes it back before the next forged context.
        await app().invokeOk('withdrawProposal', { proposalId: proposal.id, expectedVersion: 1 }, DANA);
      }
      expect(openSprintsOf(app().site(), 'ONB-70')).toEqual([]);
      const issueKeys = Object.values(storeOf(app()).entities.proposal ?? {}).map(
        (record) => (record as Pick<ProposalRecord, 'issueKey'>).issueKey,
      );
      expect(new Set(issueKeys)).toEqual(new Set(['ONB-68']));
    }),
  );
});

describe('a forged Forge context', () => {
  it(
    'takes the caller, the licence and the site from what Forge vouches for, not from the context a client sent',
    tests.track(async () => {
      tally.forgedContexts += 2;
      const proposal = await app().ok('createProposal', proposalPayload('ONB-74', { kind: 'add' }), DANA);
      const forged = {
        cloudId: SANDBOX_SITE.cloudId,
        moduleKey: 'goalkeeper-issue-panel',
        extension: { type: 'jira:issuePanel' },
        accountId: PRIYA,
        license: { active: true },
        installContext: 'ari:cloud:jira::site/another-site',
      };
      const asDana = (payload: object, licenseActive: boolean, functionKey: string) =>
        runInvocation(
          {
            accountId: DANA,
            cloudId: SANDBOX_SITE.cloudId,
            installationId: SANDBOX_SITE.installationId,
            moduleKey: 'goalkeeper-issue-panel',
          },
          () =>
            handler(
              { call: { functionKey, payload }, context: forged },
              {
                principal: { accountId: DANA },
                installContext: `ari:cloud:jira::site/${SANDBOX_SITE.cloudId}`,
                license: { active: licenseActive },
              },
            ),
        ) as Promise<{ error?: { code: string } }>;
      expect((await asDana(approval(proposal.id), true, 'decideProposal')).error?.code).toBe('forbidden');
      expect((await asDana(approval(proposal.id), false, 'decideProposal')).error?.code).toBe('unlicensed');
      expect(storedProposal(app(), proposal.id).status).toBe('proposed');
    }),
  );
});

describe('claims injected into payloads', () => {
  it(
    'ignores a status, an id, a version, a decision and another proposer on creation',
    tests.track(async () => {
      tally.injectedClaims++;
      const created = await app().ok(
        'createProposal',
        {
          ...proposalPayload('ONB-69', { kind: 'add' }),
          id: 'chosen-by-client',
          status: 'applied',
          version: 9,
          needsProductOwner: false,
          proposerAccountId: PRIYA,
          accountId: PRIYA,
          decision: { verdict: 'approved', deciderAccountId: PRIYA, rationale: 'Pre-approved by the client.' },
          apply: { attempts: 1, steps: [], lastError: null, finishedAt: '2026-01-01T00:00:00.000Z' },
        },
        DANA,
      );
      expect(created.id).not.toBe('chosen-by-client');
      expect(storedProposal(app(), created.id)).toMatchObject({
        status: 'proposed',
        version: 1,
        needsProductOwner: true,
        proposerAccountId: DANA,
        decision: null,
        apply: null,
      });
      expect(openSprintsOf(app().site(), 'ONB-69')).toEqual([]);
    }),
  );

  it(
    'records the caller as the decider, whoever the payload names',
    tests.track(async () => {
      tally.injectedClaims++;
      const proposal = await app().ok('createProposal', proposalPayload('ONB-70', { kind: 'add' }), DANA);
      const decided = await app().ok(
        'decideProposal',
        { ...(approval(proposal.id) as object), decidedBy: ADA, deciderAccountId: ADA, accountId: ADA, status: 'rejected' },
        PRIYA,
      );
      expect(decided).toMatchObject({ status: 'approved', decision: { deciderAccountId: PRIYA } });
      expect((await app().invokeOk('getAuditTrail', { proposalId: proposal.id }, DANA)).events[1]).toMatchObject({
        action: 'approved',
        actorAccountId: PRIYA,
      });
    }),
  );

  it(
    'does not let a payload make someone the proposer or a Product Owner',
    tests.track(async () => {
      tally.injectedClaims += 3;
      const proposal = await app().ok('createProposal', proposalPayload('ONB-71', { kind: 'add' }), DANA);
      const asKofi = await app().call(
        'withdrawProposal',
        { proposalId: proposal.id, expectedVersion: 1, accountId: DANA, proposerAccountId: KOFI },
        KOFI,
      );
      expect(asKofi.error?.code).toBe('forbidden');
      const asDana = await app().call(
        'decideProposal',
        { ...(approval(proposal.id) as object), isProductOwner: true, role: 'Product Owner', roles: ['Product Owner'] },
        DANA,
      );
      expect(asDana.error?.code).toBe('forbidden');
      const asSam = await app().call(
        'saveProjectSettings',
        { projectKey: 'ONB', settings: editableDefaults(), expectedVersion: SEEDED_SETTINGS_VERSION, isAdmin: true, accountId: ADA },
        SAM,
      );
      expect(asSam.error?.code).toBe('forbidden');
      expect(storedProposal(app(), proposal.id).status).toBe('proposed');
    }),
  );
});

function editableDefaults() {
  const { version, updatedBy, updatedAt, ...editable } = DEFAULT_SETTINGS;
  return editable;
}

describe('a decider who loses their rights before the apply', () => {
  /** Approves, then — before the apply job's turn — takes a right away as an admin would. */
  async function approveThenRevoke(issueKey: string, revoke: () => Promise<void>) {
    const proposal = await app().ok('createProposal', proposalPayload(issueKey, { kind: 'add' }), DANA);
    const release = app().sandbox.queue.hold();
    await app().ok('decideProposal', approval(proposal.id), PRIYA);
    expect(storedProposal(app(), proposal.id).apply).toBeNull();
    await revoke();
    release();
    const changesBefore = appChanges(app()).length;
    await app().sandbox.idle();
    tally.revokedDeciders++;
    expect(appChanges(app()).length).toBe(changesBefore);
    expect(openSprintsOf(app().site(), issueKey)).toEqual([]);
    return { stored: storedProposal(app(), proposal.id), actions: await auditActions(app(), proposal.id, SANDBOX_SITE, DANA) };
  }

  it(
    'refuses the apply and records why when the admin no longer names the decider a Product Owner',
    tests.track(async () => {
      // She stays on the team, just no longer its Product Owner: the settings now name Kofi.
      const { stored, actions } = await approveThenRevoke('ONB-72', async () => {
        const settings = { ...editableDefaults(), productOwners: { roleName: 'Product Owner', accountIds: [KOFI] } };
        await app().invokeOk('saveProjectSettings', { projectKey: 'ONB', settings, expectedVersion: SEEDED_SETTINGS_VERSION }, ADA);
      });
      expect(stored.status).toBe('apply-failed');
      expect(stored.apply?.lastError).toBe(
        'Apply refused: the person who approved this change is no longer a Product Owner of the project.',
      );
      expect(actions.slice(-1)).toEqual(['apply-failed']);
    }),
  );

  it(
    'refuses the apply and records why when a Jira admin took the permission to make the change from the app',
    tests.track(async () => {
      // The worker has no user token: it acts within the decider's rights recorded at the decision
      // and the app's own rights now, which a site admin can narrow at any time.
      const { stored } = await approveThenRevoke('ONB-73', async () => {
        app()
          .site()
          .appPermissionsWithdrawn.set('ONB', new Set(['SCHEDULE_ISSUES']));
      });
      expect(stored.status).toBe('apply-failed');
      expect(stored.apply?.lastError).toMatch(/^Apply refused: Goalkeeper itself does not hold Schedule issues on ONB-73 in Jira/);
    }),
  );
});

describe('two Jira sites on one runtime', () => {
  const SITE_B: SiteRef = otherSite('tenant-b');

  it(
    'keeps every record, answer and Jira change on its own site, even when calls interleave',
    tests.track(async () => {
      // The same seed on both sites: same keys, same accountIds, same ids — only the site tells them apart.
      const [onA, onB] = await Promise.all([
        app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }, { idempotencyKey: 'same-key' }), DANA),
        app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }, { idempotencyKey: 'same-key' }), DANA, { site: SITE_B }),
      ]);
      expect(onA.id).not.toBe(onB.id);
      const settingsOnB = { ...editableDefaults(), commentOnDecision: false };
      await Promise.all([
        app().ok('decideProposal', approval(onA.id), PRIYA),
        app().invokeOk('saveProjectSettings', { projectKey: 'ONB', settings: settingsOnB, expectedVersion: SEEDED_SETTINGS_VERSION }, ADA, {
          site: SITE_B,
        }),
      ]);
      await app().sandbox.idle();

      const check = (ok: boolean) => {
        tally.tenantChecks++;
        expect(ok).toBe(true);
      };
      // Each site's panel lists its own proposal only.
      const [panelA, panelB] = await Promise.all([
        app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA),
        app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA, { site: SITE_B }),
      ]);
      check(panelA.proposals.map((p: { id: string }) => p.id).join() === onA.id);
      check(panelB.proposals.map((p: { id: string }) => p.id).join() === onB.id);
      // A proposal id from one site is unknown on the other, to every resolver that takes one.
      for (const [resolver, payload] of [
        ['getAuditTrail', { proposalId: onA.id }],
        ['decideProposal', approval(onA.id, 2)],
        ['withdrawProposal', { proposalId: onA.id, expectedVersion: 2 }],
        ['retryApply', { proposalId: onA.id }],
      ] as const) {
        check((await app().call(resolver, payload, PRIYA, { site: SITE_B })).error?.code === 'not-found');
      }
      check((await app().invoke('getAuditTrail', { proposalId: onB.id }, PRIYA)).error?.code === 'not-found');
      // Lists and exports, settings, storage and Jira: nothing crosses over.
      const [listA, listB] = await Promise.all([
        app().invokeOk('listSprintProposals', { boardId: 1 }, PRIYA),
        app().invokeOk('listSprintProposals', { boardId: 1 }, PRIYA, { site: SITE_B }),
      ]);
      check(listA.every((p: { id: string }) => p.id !== onB.id) && listB.every((p: { id: string }) => p.id !== onA.id));
      const csvB = await app().invokeOk('exportSprintCsv', { boardId: 1 }, PRIYA, { site: SITE_B });
      check(!csvB.csv.includes(onA.id));
      const [settingsA, settingsB] = await Promise.all([
        app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA),
        app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA, { site: SITE_B }),
      ]);
      check(settingsA.settings.commentOnDecision === true && settingsA.settings.version === SEEDED_SETTINGS_VERSION);
      check(settingsB.settings.commentOnDecision === false && settingsB.settings.version === SEEDED_SETTINGS_VERSION + 1);
      check(!JSON.stringify(storeOf(app(), SITE_B)).includes(onA.id) && !JSON.stringify(storeOf(app(), SANDBOX_SITE)).includes(onB.id));
      check(openSprintsOf(app().site(), 'ONB-68').join() === String(ONB_SPRINT));
      check(openSprintsOf(app().site(SITE_B), 'ONB-68').length === 0);
      check(appChanges(app(), SITE_B).length === 0);
      check(
        app()
          .sandbox.jira.requests.filter((r) => r.siteId === SITE_B.cloudId)
          .every((r) => !r.path.includes(onA.id)),
      );
    }),
  );
});
