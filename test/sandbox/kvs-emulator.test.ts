import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Filter, FilterConditions, kvs, Sort, WhereConditions, type ListResult } from '@forge/kvs';
import type { AuditEventRecord } from '../../src/store/entities';
import { FORGE_VALUE_MAX_BYTES } from '../../src/store/forge-storage-limits';
import { ACME_SITE, ONBOARDING_SITE, onSite, startForgeStorage } from '../store/forge-storage-harness';

/** Raw `proposal` entity values as the store adapter writes them; the nested proposal is abridged. */
function proposalValue(issueKey: string, createdAt: string, status = 'proposed', sprintId = 7) {
  return { issueKey, projectKey: 'ONB', sprintId, status, createdAt, version: 1, proposal: { issueKey, change: { kind: 'add' } } };
}

function auditValue(proposalId: string, sequence: number): AuditEventRecord {
  return {
    proposalId,
    sequence,
    event: {
      proposalId,
      sequence,
      action: 'apply-step',
      actorAccountId: null,
      at: '2026-11-25T10:00:00.000Z',
      status: 'approved',
      detail: `step ${sequence}`,
    },
  };
}

const keysOf = (page: ListResult<unknown>) => page.results.map((result) => result.key);
const onboarding = <T>(work: () => Promise<T>) => onSite(ONBOARDING_SITE, work);
const proposals = () => kvs.entity<ReturnType<typeof proposalValue>>('proposal');
/** The proposals one partition of an index holds now, as a query reads them. */
const proposalsIn = async (index: 'by-issue' | 'by-sprint', partition: string | number) =>
  (
    await proposals()
      .query()
      .index(index, { partition: [partition] })
      .getMany()
  ).results;
const auditEvents = () => kvs.entity<AuditEventRecord>('audit-event');

describe('KVS emulator, driven by the real @forge/kvs client', () => {
  describe('key-value pairs', () => {
    it('stores, reads and deletes a value, and reads a missing key as undefined', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await kvs.set('board:1:last-seen', { sprintId: 7, issueKeys: ['ONB-12', 'ONB-39'] });
        expect(await kvs.get('board:1:last-seen')).toEqual({ sprintId: 7, issueKeys: ['ONB-12', 'ONB-39'] });
        await kvs.delete('board:1:last-seen');
        expect(await kvs.get('board:1:last-seen')).toBeUndefined();
      });
    });

    it('reports creation and update times and the TTL expiry, and forgets a key once its TTL runs out', async () => {
      let now = Date.parse('2026-11-25T10:00:00.000Z');
      startForgeStorage({ now: () => now });
      await onboarding(async () => {
        await kvs.set('replay:abc', { proposalId: 'p-1' }, { ttl: { value: 1, unit: 'HOURS' } });
        now += 60_000;
        await kvs.set('replay:abc', { proposalId: 'p-1' }, { ttl: { value: 1, unit: 'HOURS' } });
        const read = await kvs.get('replay:abc', { metadataFields: ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as never });
        expect(read).toEqual({
          key: 'replay:abc',
          value: { proposalId: 'p-1' },
          createdAt: Date.parse('2026-11-25T10:00:00.000Z'),
          updatedAt: Date.parse('2026-11-25T10:01:00.000Z'),
          expireTime: '2026-11-25T11:01:00.000Z',
        });
        now += 3_600_000;
        expect(await kvs.get('replay:abc')).toBeUndefined();
      });
    });

    it('pages a key-prefix query with a cursor, in key order, without repeats', async () => {
      startForgeStorage();
      await onboarding(async () => {
        for (const key of ['seen:ONB-3', 'seen:ONB-1', 'other:x', 'seen:ONB-2']) await kvs.set(key, true);
        const first = await kvs.query().where('key', WhereConditions.beginsWith('seen:')).limit(2).getMany();
        expect(first.results.map((result) => result.key)).toEqual(['seen:ONB-1', 'seen:ONB-2']);
        const second = await kvs.query().where('key', WhereConditions.beginsWith('seen:')).limit(2).cursor(first.nextCursor!).getMany();
        expect(second.results.map((result) => result.key)).toEqual(['seen:ONB-3']);
        expect(second.nextCursor).toBeUndefined();
      });
    });

    it('refuses to overwrite an existing key under FAIL_IF_EXISTS with a 409', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await kvs.set('baseline:7', { committed: 34 }, { keyPolicy: 'FAIL_IF_EXISTS' });
        await expect(kvs.set('baseline:7', { committed: 40 }, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({
          responseDetails: { status: 409 },
        });
        expect(await kvs.get('baseline:7')).toEqual({ committed: 34 });
      });
    });

    it('answers batch reads and writes key by key', async () => {
      startForgeStorage();
      await onboarding(async () => {
        const written = await kvs.batchSet([
          { key: 'seen:ONB-12', value: true },
          { key: 'bad/key', value: true },
        ]);
        expect(written.successfulKeys).toEqual([{ key: 'seen:ONB-12' }]);
        expect(written.failedKeys).toEqual([{ key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) }]);
        const read = await kvs.batchGet([{ key: 'seen:ONB-12' }, { key: 'seen:ONB-99' }]);
        expect(read.successfulKeys).toEqual([{ key: 'seen:ONB-12', value: true }]);
        expect(read.failedKeys).toEqual([{ key: 'seen:ONB-99', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);
      });
    });
  });

  describe('custom entities and their indexes', () => {
    async function seedSprintSeven() {
      await proposals().set('p-12', proposalValue('ONB-12', '2026-11-24T09:00:00.000Z'));
      await proposals().set('p-39', proposalValue('ONB-39', '2026-11-25T10:00:00.000Z', 'approved'));
      await proposals().set('p-55', proposalValue('ONB-55', '2026-11-25T14:30:00.000Z'));
      await proposals().set('p-16', proposalValue('ONB-16', '2026-11-25T11:00:00.000Z', 'proposed', 6));
    }

    it('lists a partition in range order, ascending or descending', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await seedSprintSeven();
        const ascending = await proposals()
          .query()
          .index('by-sprint', { partition: [7] })
          .getMany();
        expect(keysOf(ascending)).toEqual(['p-12', 'p-39', 'p-55']);
        const descending = await proposals()
          .query()
          .index('by-sprint', { partition: [7] })
          .sort(Sort.DESC)
          .getMany();
        expect(keysOf(descending)).toEqual(['p-55', 'p-39', 'p-12']);
        const proposed = await proposals()
          .query()
          .index('by-sprint-status', { partition: [7, 'proposed'] })
          .getMany();
        expect(keysOf(proposed)).toEqual(['p-12', 'p-55']);
      });
    });

    it('narrows the range with beginsWith, between and greaterThan', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await seedSprintSeven();
        const inSprintSeven = () =>
          proposals()
            .query()
            .index('by-sprint', { partition: [7] });
        expect(keysOf(await inSprintSeven().where(WhereConditions.beginsWith('2026-11-25')).getMany())).toEqual(['p-39', 'p-55']);
        expect(
          keysOf(await inSprintSeven().where(WhereConditions.between('2026-11-24T00:00:00.000Z', '2026-11-25T10:00:00.000Z')).getMany()),
        ).toEqual(['p-12', 'p-39']);
        for (let sequence = 1; sequence <= 5; sequence += 1) await auditEvents().set(`p-12:${sequence}`, auditValue('p-12', sequence));
        const later = await auditEvents()
          .query()
          .index('by-proposal', { partition: ['p-12'] })
          .where(WhereConditions.greaterThan(3))
          .getMany();
        expect(later.results.map((result) => result.value.sequence)).toEqual([4, 5]);
      });
    });

    it('pages an index with limit and cursor, neither skipping nor repeating, even across deletes', async () => {
      startForgeStorage();
      await onboarding(async () => {
        for (let sequence = 1; sequence <= 7; sequence += 1) await auditEvents().set(`p-12:${sequence}`, auditValue('p-12', sequence));
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const query = auditEvents()
            .query()
            .index('by-proposal', { partition: ['p-12'] })
            .limit(3);
          const page = await (cursor ? query.cursor(cursor) : query).getMany();
          seen.push(...page.results.map((result) => result.value.sequence));
          if (seen.length === 3) await auditEvents().delete('p-12:3');
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
      });
    });

    it('applies filters after the page limit, so a page can be short while its cursor says more remain', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await seedSprintSeven();
        const approvedOnly = new Filter<ReturnType<typeof proposalValue>>().and('status', FilterConditions.equalTo('approved'));
        const first = await proposals()
          .query()
          .index('by-sprint', { partition: [7] })
          .filters(approvedOnly)
          .limit(1)
          .getMany();
        expect(first.results).toEqual([]);
        expect(first.nextCursor).toBeDefined();
        const second = await proposals()
          .query()
          .index('by-sprint', { partition: [7] })
          .filters(approvedOnly)
          .limit(1)
          .cursor(first.nextCursor!)
          .getMany();
        expect(second.results.map((result) => result.key)).toEqual(['p-39']);
      });
    });

    it('refuses values that break the declared attribute types or carry undeclared attributes', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await expect(
          proposals().set('p-1', { ...proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'), sprintId: '7' as never }),
        ).rejects.toMatchObject({
          code: 'INVALID_ENTITY_VALUE',
          responseDetails: { status: 400 },
        });
        await expect(
          proposals().set('p-1', { ...proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'), boardId: 1 } as never),
        ).rejects.toMatchObject({ code: 'INVALID_ENTITY_VALUE' });
        await expect(kvs.entity('sprint-forecast').set('7', { sprintId: 7 })).rejects.toMatchObject({ code: 'INVALID_ENTITY_TYPE' });
      });
    });

    it('refuses queries on an undeclared index, with the wrong partition, or over 100 per page', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await expect(
          proposals()
            .query()
            .index('by-proposer', { partition: ['557058:dev-dana'] })
            .getMany(),
        ).rejects.toMatchObject({ code: 'INVALID_ENTITY_INDEX' });
        await expect(
          proposals()
            .query()
            .index('by-sprint-status', { partition: [7] })
            .getMany(),
        ).rejects.toMatchObject({ responseDetails: { status: 400 } });
        await expect(
          proposals()
            .query()
            .index('by-sprint', { partition: [7] })
            .limit(101)
            .getMany(),
        ).rejects.toMatchObject({ code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE' });
      });
    });
  });

  describe('the write count', () => {
    it('counts every item set or deleted, per site, and never a read or the other site', async () => {
      const emulator = startForgeStorage();
      const writesHere = () => emulator.writes(ONBOARDING_SITE.installationId);
      await onboarding(async () => {
        await kvs.set('board:1:last-seen', { sprintId: 7 });
        expect(writesHere()).toBe(1);
        await kvs.batchSet([
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ]);
        expect(writesHere()).toBe(3);
        // Writing a value equal to the stored one is still a write.
        await kvs.set('board:1:last-seen', { sprintId: 7 });
        await kvs.get('board:1:last-seen');
        await kvs.delete('a');
        expect(writesHere()).toBe(5);
      });
      expect(emulator.writes(ACME_SITE.installationId)).toBe(0);
    });

    it('counts the writes of a transaction that committed, and none of one that rolled back', async () => {
      const emulator = startForgeStorage();
      await onboarding(async () => {
        await proposals().set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'));
        const before = emulator.writes(ONBOARDING_SITE.installationId);
        const stale = new Filter<ReturnType<typeof proposalValue>>().and('version', FilterConditions.equalTo(9));
        await expect(
          kvs
            .transact()
            .set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z', 'approved'), { entityName: 'proposal', conditions: stale })
            .execute(),
        ).rejects.toThrow();
        expect(emulator.writes(ONBOARDING_SITE.installationId)).toBe(before);
        await kvs
          .transact()
          .set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z', 'approved'), { entityName: 'proposal' })
          .set('x', 1)
          .execute();
        expect(emulator.writes(ONBOARDING_SITE.installationId)).toBe(before + 2);
      });
    });
  });

  describe('transactions', () => {
    it('commits every operation when every condition holds', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await proposals().set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'));
        await kvs
          .transact()
          .set(
            'p-12',
            { ...proposalValue('ONB-12', '2026-11-25T10:00:00.000Z', 'approved'), version: 2 },
            {
              entityName: 'proposal',
              conditions: new Filter<ReturnType<typeof proposalValue>>().and('version', FilterConditions.equalTo(1)),
            },
          )
          .set('p-12:2', auditValue('p-12', 2), {
            entityName: 'audit-event',
            conditions: new Filter<AuditEventRecord>().and('sequence', FilterConditions.notExists()),
          })
          .delete('draft:p-12')
          .execute();
        expect(await proposals().get('p-12')).toMatchObject({ status: 'approved', version: 2 });
        expect(await auditEvents().get('p-12:2')).toMatchObject({ sequence: 2 });
      });
    });

    it('rolls the whole transaction back when one condition fails, answering 409', async () => {
      const emulator = startForgeStorage();
      await onboarding(async () => {
        await proposals().set('p-12', { ...proposalValue('ONB-12', '2026-11-25T10:00:00.000Z', 'approved'), version: 2 });
        const before = emulator.snapshot(ONBOARDING_SITE.installationId);
        const staleDecision = kvs
          .transact()
          .set('p-12:2', auditValue('p-12', 2), { entityName: 'audit-event' })
          .set(
            'p-12',
            { ...proposalValue('ONB-12', '2026-11-25T10:00:00.000Z', 'rejected'), version: 2 },
            {
              entityName: 'proposal',
              conditions: new Filter<ReturnType<typeof proposalValue>>().and('version', FilterConditions.equalTo(1)),
            },
          )
          .execute();
        await expect(staleDecision).rejects.toMatchObject({ responseDetails: { status: 409 } });
        expect(emulator.snapshot(ONBOARDING_SITE.installationId)).toEqual(before);
      });
    });

    it('fails a check on an entity that does not exist', async () => {
      startForgeStorage();
      await onboarding(async () => {
        const guarded = kvs
          .transact()
          .check('p-404', {
            entityName: 'proposal',
            conditions: new Filter<ReturnType<typeof proposalValue>>().and('status', FilterConditions.equalTo('approved')),
          })
          .set('apply:p-404', { queued: true })
          .execute();
        await expect(guarded).rejects.toMatchObject({ responseDetails: { status: 409 } });
        expect(await kvs.get('apply:p-404')).toBeUndefined();
      });
    });

    it('refuses more than 25 operations, or one key used twice', async () => {
      startForgeStorage();
      await onboarding(async () => {
        const tooMany = kvs.transact();
        for (let index = 0; index < 26; index += 1) tooMany.set(`seen:ONB-${index}`, true);
        await expect(tooMany.execute()).rejects.toMatchObject({ responseDetails: { status: 400 } });
        await expect(kvs.transact().set('seen:ONB-12', true).delete('seen:ONB-12').execute()).rejects.toMatchObject({
          responseDetails: { status: 400 },
        });
        expect(await kvs.get('seen:ONB-0')).toBeUndefined();
      });
    });
  });

  describe('limits', () => {
    it('accepts a value of exactly 240 KiB and refuses one byte more', async () => {
      startForgeStorage();
      await onboarding(async () => {
        const quoted = 2;
        await kvs.set('largest', 'x'.repeat(FORGE_VALUE_MAX_BYTES - quoted));
        await expect(kvs.set('too-large', 'x'.repeat(FORGE_VALUE_MAX_BYTES - quoted + 1))).rejects.toMatchObject({
          code: 'MAX_SIZE',
          responseDetails: { status: 400 },
        });
        expect(await kvs.get('too-large')).toBeUndefined();
      });
    });

    it('refuses keys longer than 500 characters or with characters Forge does not allow', async () => {
      startForgeStorage();
      await onboarding(async () => {
        await kvs.set('k'.repeat(500), true);
        await expect(kvs.set('k'.repeat(501), true)).rejects.toMatchObject({ code: 'KEY_TOO_LONG' });
        await expect(kvs.set('ONB-1/../../x', true)).rejects.toMatchObject({ code: 'INVALID_KEY' });
        await expect(proposals().set('', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'))).rejects.toMatchObject({ code: 'EMPTY_KEY' });
      });
    });

    it('refuses values nested deeper than 31 levels', async () => {
      startForgeStorage();
      await onboarding(async () => {
        const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { inner: nested(levels - 1) });
        await kvs.set('deep-enough', nested(31));
        await expect(kvs.set('too-deep', nested(32))).rejects.toMatchObject({ code: 'MAX_DEPTH' });
      });
    });

    it('keeps a key named __proto__ as plain data', async () => {
      const emulator = startForgeStorage();
      await onboarding(async () => {
        await kvs.set('__proto__', { polluted: true });
        expect(await kvs.get('__proto__')).toEqual({ polluted: true });
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(emulator.snapshot(ONBOARDING_SITE.installationId).keyValues).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
    });
  });

  it('keeps each installation’s data invisible to every other installation', async () => {
    startForgeStorage();
    await onboarding(async () => {
      await kvs.set('settings-cache', { projectKey: 'ONB' });
      await proposals().set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'));
    });
    await onSite(ACME_SITE, async () => {
      expect(await kvs.get('settings-cache')).toBeUndefined();
      expect(await proposals().get('p-12')).toBeUndefined();
      expect(await proposalsIn('by-sprint', 7)).toEqual([]);
      expect((await kvs.query().getMany()).results).toEqual([]);
    });
  });

  describe('persistence', () => {
    it('keeps every site’s data across a restart from its file, replacing the file whole', async () => {
      const filePath = join(mkdtempSync(join(tmpdir(), 'goalkeeper-kvs-')), 'sandbox', 'kvs.json');
      startForgeStorage({ filePath });
      await onboarding(async () => {
        await proposals().set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'));
        await kvs.set('seen:ONB-12', true);
      });
      await onSite(ACME_SITE, () => kvs.set('seen:ACME-1', true));
      expect(readdirSync(join(filePath, '..'))).toEqual(['kvs.json']);

      const restarted = startForgeStorage({ filePath });
      await onboarding(async () => {
        expect(await proposals().get('p-12')).toMatchObject({ issueKey: 'ONB-12' });
        expect(await proposalsIn('by-issue', 'ONB-12')).toHaveLength(1);
      });
      expect(restarted.snapshot(ACME_SITE.installationId).keyValues).toEqual({ 'seen:ACME-1': true });
    });

    it('refuses to start from a corrupt file instead of silently starting empty', () => {
      const filePath = join(mkdtempSync(join(tmpdir(), 'goalkeeper-kvs-')), 'kvs.json');
      writeFileSync(filePath, '{"format":1,"installations":[[');
      expect(() => startForgeStorage({ filePath })).toThrow(/not valid JSON/);
    });

    it('reset forgets every site and rewrites the file empty', async () => {
      const filePath = join(mkdtempSync(join(tmpdir(), 'goalkeeper-kvs-')), 'kvs.json');
      const emulator = startForgeStorage({ filePath });
      await onboarding(() => kvs.set('seen:ONB-12', true));
      emulator.reset();
      expect(emulator.snapshot(ONBOARDING_SITE.installationId)).toEqual({ keyValues: {}, secrets: {}, entities: {} });
      expect(existsSync(filePath)).toBe(true);
      startForgeStorage({ filePath });
      expect(await onboarding(() => kvs.get('seen:ONB-12'))).toBeUndefined();
    });
  });

  describe('test hooks', () => {
    it('answers the next calls with the armed 429 or 500, storing nothing, then serves normally', async () => {
      const emulator = startForgeStorage();
      emulator.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 1 }, { times: 1 });
      emulator.faults.inject({ kind: 'server-error', status: 500 }, { times: 1 });
      await onboarding(async () => {
        await expect(kvs.set('seen:ONB-12', true)).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });
        await expect(kvs.set('seen:ONB-12', true)).rejects.toMatchObject({ responseDetails: { status: 500 } });
        expect(await kvs.get('seen:ONB-12')).toBeUndefined();
        await kvs.set('seen:ONB-12', true);
        expect(await kvs.get('seen:ONB-12')).toBe(true);
      });
    });

    it('can carry a call out and then lose its answer, as a network failure after commit would', async () => {
      const emulator = startForgeStorage();
      emulator.lostAnswers.inject({ kind: 'server-error', status: 503 }, { path: '/api/v1/set' });
      await onboarding(async () => {
        await expect(kvs.set('seen:ONB-12', true)).rejects.toMatchObject({ responseDetails: { status: 503 } });
        expect(await kvs.get('seen:ONB-12')).toBe(true);
      });
    });

    it('in lagging mode, hides fresh writes from queries until they catch up, while get sees them at once', async () => {
      const emulator = startForgeStorage({ queries: 'lagging' });
      await onboarding(async () => {
        await proposals().set('p-12', proposalValue('ONB-12', '2026-11-25T10:00:00.000Z'));
        expect(await proposals().get('p-12')).toBeDefined();
        expect(await proposalsIn('by-issue', 'ONB-12')).toEqual([]);
        emulator.catchUpQueries();
        expect(await proposalsIn('by-issue', 'ONB-12')).toHaveLength(1);
      });
    });
  });
});
