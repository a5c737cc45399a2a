import { DEFAULT_SETTINGS, type ProjectSettings } from '../../src/domain/settings';
import { createSettingsRepository } from '../../src/store/settings-repository';
import { ACME_SITE, ONBOARDING_SITE, onSite, recordedRetry, startForgeStorage } from './forge-storage-harness';

const ADMIN_ALEX = '557058:admin-alex';
const ADMIN_SAM = '557058:admin-sam';
const PRODUCT_OWNER = '557058:po-priya';

/** The Onboarding admin names Priya as PO and lets re-ranks of goal-critical work through. */
const priyaAsProductOwner: ProjectSettings = {
  ...DEFAULT_SETTINGS,
  productOwners: { roleName: null, accountIds: [PRODUCT_OWNER] },
  policy: { ...DEFAULT_SETTINGS.policy, goalCriticalRerankNeedsProductOwner: false },
};

/** Later, a stricter policy: adding work mid-sprint still needs the PO, estimates now do too. */
const estimatesNeedProductOwner: ProjectSettings = {
  ...priyaAsProductOwner,
  policy: { ...priyaAsProductOwner.policy, byKind: { ...priyaAsProductOwner.policy.byKind, estimate: 'product-owner' } },
  historySprints: 8,
};

const onboarding = <T>(work: () => Promise<T>) => onSite(ONBOARDING_SITE, work);

describe('settings repository on Forge custom entities', () => {
  it('has no settings for a project that never saved any', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(async () => {
      expect(await repository.get('ONB')).toBeUndefined();
      expect(await repository.history('ONB')).toEqual([]);
    });
  });

  it('saves version 1 over the defaults, stamped with who saved it and when', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(async () => {
      expect(await repository.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, '2026-11-25T09:00:00.000Z')).toBe('written');
      expect(await repository.get('ONB')).toEqual({
        ...priyaAsProductOwner,
        version: 1,
        updatedBy: ADMIN_ALEX,
        updatedAt: '2026-11-25T09:00:00.000Z',
      });
    });
  });

  it('refuses a save from a stale version as a conflict and keeps the newer settings', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(async () => {
      await repository.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, '2026-11-25T09:00:00.000Z');
      await repository.save('ONB', estimatesNeedProductOwner, 1, ADMIN_ALEX, '2026-11-25T10:00:00.000Z');
      expect(await repository.save('ONB', DEFAULT_SETTINGS, 1, ADMIN_SAM, '2026-11-25T10:05:00.000Z')).toBe('conflict');
      expect(await repository.get('ONB')).toMatchObject({ version: 2, historySprints: 8, updatedBy: ADMIN_ALEX });
    });
  });

  it('lets exactly one of two admins saving from the same page win', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(() => repository.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, '2026-11-25T09:00:00.000Z'));
    const outcomes = await Promise.all([
      onboarding(() => repository.save('ONB', estimatesNeedProductOwner, 1, ADMIN_ALEX, '2026-11-25T10:00:00.000Z')),
      onboarding(() => repository.save('ONB', DEFAULT_SETTINGS, 1, ADMIN_SAM, '2026-11-25T10:00:00.000Z')),
    ]);
    expect([...outcomes].sort()).toEqual(['conflict', 'written']);
    const winner = outcomes[0] === 'written' ? ADMIN_ALEX : ADMIN_SAM;
    await onboarding(async () => {
      expect(await repository.get('ONB')).toMatchObject({ version: 2, updatedBy: winner });
      expect((await repository.history('ONB')).map((change) => change.changedBy)).toEqual([winner, ADMIN_ALEX]);
    });
  });

  it('keeps the history newest first: who changed which settings, when, and to what', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(async () => {
      await repository.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, '2026-11-25T09:00:00.000Z');
      await repository.save('ONB', estimatesNeedProductOwner, 1, ADMIN_SAM, '2026-11-26T14:30:00.000Z');
      expect(await repository.history('ONB')).toEqual([
        {
          version: 2,
          changedBy: ADMIN_SAM,
          changedAt: '2026-11-26T14:30:00.000Z',
          changedFields: ['historySprints', 'policy.byKind.estimate'],
          settings: { ...estimatesNeedProductOwner, version: 2, updatedBy: ADMIN_SAM, updatedAt: '2026-11-26T14:30:00.000Z' },
        },
        {
          version: 1,
          changedBy: ADMIN_ALEX,
          changedAt: '2026-11-25T09:00:00.000Z',
          changedFields: ['policy.goalCriticalRerankNeedsProductOwner', 'productOwners.accountIds', 'productOwners.roleName'],
          settings: { ...priyaAsProductOwner, version: 1, updatedBy: ADMIN_ALEX, updatedAt: '2026-11-25T09:00:00.000Z' },
        },
      ]);
    });
  });

  it('reads a long history to its end across storage pages', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(async () => {
      for (let version = 0; version < 120; version += 1) {
        const settings = { ...priyaAsProductOwner, historySprints: (version % 12) + 1 };
        expect(
          await repository.save('ONB', settings, version, ADMIN_ALEX, new Date(Date.UTC(2026, 10, 1) + version * 60_000).toISOString()),
        ).toBe('written');
      }
      const history = await repository.history('ONB');
      expect(history.map((change) => change.version)).toEqual(Array.from({ length: 120 }, (_, index) => 120 - index));
    });
  });

  it('keeps each project’s settings, and each site’s, apart', async () => {
    startForgeStorage();
    const repository = createSettingsRepository();
    await onboarding(() => repository.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, '2026-11-25T09:00:00.000Z'));
    await onboarding(async () => {
      expect(await repository.get('BIL')).toBeUndefined();
      expect(await repository.history('BIL')).toEqual([]);
    });
    await onSite(ACME_SITE, async () => {
      expect(await repository.get('ONB')).toBeUndefined();
    });
  });

  it('retries a throttled save and writes it once', async () => {
    const emulator = startForgeStorage();
    const { policy, waits } = recordedRetry();
    const repository = createSettingsRepository({ retry: policy });
    emulator.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 1 }, { times: 1, path: '/api/v1/transaction' });
    await onboarding(async () => {
      expect(await repository.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, '2026-11-25T09:00:00.000Z')).toBe('written');
      expect(await repository.history('ONB')).toHaveLength(1);
    });
    expect(waits).toEqual([100]);
  });
});
