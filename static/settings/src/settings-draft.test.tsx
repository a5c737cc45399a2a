import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '@goalkeeper/contract';
import { draftFromSettings, fieldOfErrorPath, readDraft, rebaseDraft, sameDraft, SETTINGS_BOUNDS } from './settings-draft';
import { savedSettings } from './testing/settings-fixtures';

const draftOf = (overrides: Parameters<typeof savedSettings>[0] = {}) => draftFromSettings(savedSettings(overrides), 'en-US');

describe('carrying an admin’s edits over onto a version someone else saved', () => {
  it('takes their value where the admin changed nothing, and keeps the admin’s where they did', () => {
    const base = draftOf();
    const mine = { ...base, historySprints: '9', policy: { ...base.policy, allowSelfApproval: true } };
    const theirs = draftOf({ historySprints: 4, commentOnDecision: false, policy: { ...savedSettings().policy, minRationaleChars: 30 } });

    const rebased = rebaseDraft(base, mine, theirs);

    expect(rebased.historySprints).toBe('9');
    expect(rebased.policy).toEqual({ ...base.policy, allowSelfApproval: true, minRationaleChars: '30' });
    expect(rebased.commentOnDecision).toBe(false);
  });

  it('merges board overrides board by board: theirs added, mine removed, and one part each on the same board', () => {
    const base = draftOf({ boardOverrides: { '1': { workingDays: [1, 2, 3, 4] } } });
    const mine = draftOf({ boardOverrides: { '1': { workingDays: [1, 2, 3, 4], historySprints: 3 } } });
    const theirs = draftOf({ boardOverrides: { '1': { workingDays: [1, 2, 3] }, '5': { historySprints: 10 } } });

    const rebased = readDraft(rebaseDraft(base, mine, theirs));

    expect(rebased.ok && rebased.settings.boardOverrides).toEqual({
      '1': { workingDays: [1, 2, 3], historySprints: 3 },
      '5': { historySprints: 10 },
    });
    const removedByMe = readDraft(rebaseDraft(base, draftOf({ boardOverrides: {} }), theirs));
    expect(removedByMe.ok && removedByMe.settings.boardOverrides).toEqual({ '5': { historySprints: 10 } });
  });
});

describe('reading the retention typed', () => {
  const retentionOf = (retentionDays: string) => readDraft({ ...draftOf(), retentionDays });

  it('keeps records while installed when empty, and deletes them after the whole days typed otherwise', () => {
    expect(draftOf().retentionDays).toBe('');
    expect(draftOf({ retentionDays: 90 }).retentionDays).toBe('90');
    expect(retentionOf('  ')).toEqual(expect.objectContaining({ ok: true, settings: expect.objectContaining({ retentionDays: null }) }));
    expect(retentionOf('90')).toEqual(expect.objectContaining({ ok: true, settings: expect.objectContaining({ retentionDays: 90 }) }));
  });

  it('names the field when the days are out of bounds or not whole', () => {
    const problem = { code: 'whole-number', min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS };
    for (const typed of ['10', '29', '3651', '90.5', 'forever'])
      expect(retentionOf(typed)).toEqual({ ok: false, problems: { retentionDays: problem } });
    expect(retentionOf('3650').ok).toBe(true);
    expect(SETTINGS_BOUNDS.retentionDays).toEqual({ min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS });
  });
});

describe('telling whether the form holds unsaved changes', () => {
  it('sees no change when the saved settings come back with their keys in another order', () => {
    const saved = savedSettings();
    const byKindReordered = Object.fromEntries(Object.entries(saved.policy.byKind).reverse()) as typeof saved.policy.byKind;
    const answered = draftFromSettings({ ...saved, policy: { ...saved.policy, byKind: byKindReordered } }, 'en-US');

    expect(sameDraft(draftOf(), answered)).toBe(true);
    expect(sameDraft(draftOf(), { ...answered, historySprints: '9' })).toBe(false);
  });
});

describe('backend error paths', () => {
  it('point at the form’s field: list items at their list, board settings at the board’s field', () => {
    expect(fieldOfErrorPath('settings.goalCritical.labels.3')).toBe('goalCritical.labels');
    expect(fieldOfErrorPath('goalCritical.jql')).toBe('goalCritical.jql');
    expect(fieldOfErrorPath('settings.boardOverrides.12.workingDays.0')).toBe('boardOverrides.12.workingDays');
    expect(fieldOfErrorPath('boardOverrides.12.goalCritical.jql')).toBe('boardOverrides.12.goalCritical.jql');
    expect(fieldOfErrorPath('settings.productOwners.accountIds.2')).toBe('productOwners.accountIds');
  });
});
