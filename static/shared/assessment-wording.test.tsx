import type { Assessment, AssessmentReason, ForecastFigures, ReasonCode, Suggestion, WorkUnit } from '@goalkeeper/contract';
import { describeChance, describeReason, describeSuggestion } from './assessment-wording';
import { proposalPartCatalogues } from './i18n/proposal-part-messages';
import { sharedCatalogues } from './i18n/shared-messages';
import { createTranslator, mergeCatalogues } from './i18n/translator';

const catalogues = mergeCatalogues(sharedCatalogues, proposalPartCatalogues);
const english = createTranslator('en-US', catalogues);
const german = createTranslator('de-DE', catalogues);

/** What the backend sends; the wording must not need it for any code it knows. */
const BACKEND_SENTENCE = 'the backend’s English sentence';

const FIGURES: ForecastFigures = {
  pGoal: 0.41,
  p50Points: 6.5,
  p85Points: 4,
  goalCriticalPointsLeft: 8,
  totalPointsLeft: 18,
  capacityLine: { index: 2, aboveKeys: ['ONB-3', 'ONB-5'], belowKeys: ['ONB-9', 'ONB-11'] },
};

function assessmentIn(unit: WorkUnit, extra: Partial<Assessment> = {}): Assessment {
  return {
    level: 'threat',
    reasons: [],
    before: { ...FIGURES, pGoal: 0.78 },
    after: FIGURES,
    suggestions: [],
    unit,
    workingDaysLeft: 6,
    trials: 2000,
    seed: 7,
    basis: 'history',
    assessedAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  };
}

const reason = (code: ReasonCode, figures: AssessmentReason['figures'] = {}): AssessmentReason => ({
  code,
  message: BACKEND_SENTENCE,
  figures,
});

/** One reason of every code, with the figures the engine sends for it (points board, ONB Sprint 7). */
const EVERY_REASON: Readonly<Record<ReasonCode, AssessmentReason>> = {
  'goal-work-exceeds-capacity': reason('goal-work-exceeds-capacity', { goalCriticalWorkLeft: 8, requiredWork: 10, capacityP50: 6.5 }),
  'goal-item-removed': reason('goal-item-removed', { issueKey: 'ONB-5', pGoalRest: 0.62 }),
  'goal-item-below-line': reason('goal-item-below-line', { issueKey: 'ONB-5', work: 3, capacityP50: 6.5 }),
  'p-goal-low': reason('p-goal-low', { pGoal: 0.41, threshold: 0.5 }),
  'p-goal-drop': reason('p-goal-drop', { pGoalBefore: 0.78, pGoalAfter: 0.41, drop: 0.37 }),
  'scope-added': reason('scope-added', { added: 5, workLeftBefore: 13, workLeftAfter: 18 }),
  'low-confidence-forecast': reason('low-confidence-forecast', { doneWork: 4, elapsedDays: 4, committedWork: 21, totalDays: 10 }),
  'no-goal': reason('no-goal'),
  'no-goal-critical-items': reason('no-goal-critical-items'),
  'no-estimates': reason('no-estimates', { unestimated: 2 }),
  'no-active-sprint': reason('no-active-sprint', { sprintId: 8, workingDaysLeft: 0 }),
  'capacity-only': reason('capacity-only', { workLeft: 18, capacityP50: 6.5 }),
  'p-goal-rise': reason('p-goal-rise', { pGoalBefore: 0.41, pGoalAfter: 0.62, rise: 0.21 }),
  'no-effect': reason('no-effect', { pGoal: 0.41 }),
  'sprint-past-end': reason('sprint-past-end', { sprintId: 7, endDate: '2026-11-20T17:00:00.000Z' }),
  'history-set-aside': reason('history-set-aside', { sprintNames: 'ONB Sprint 3', count: 1, why: 'no-points' }),
  'unestimated-at-median': reason('unestimated-at-median', { issueKeys: 'ONB-9', unestimated: 1, median: 3, low: 2, high: 5 }),
  'estimate-ignored': reason('estimate-ignored', { issueKeys: 'ONB-9', count: 1 }),
  'in-progress-assumed': reason('in-progress-assumed', { issueKeys: 'ONB-3, ONB-5', count: 2, doneShare: 0.4 }),
  'in-progress-by-age': reason('in-progress-by-age', { issueKeys: 'ONB-3', count: 1, perItemDay: 1.5 }),
};

const DEFER: Suggestion = {
  kind: 'defer-to-make-room',
  issueKeys: ['ONB-9', 'ONB-11'],
  points: 5,
  pGoalAfter: 0.8,
  message: 'Defer ONB-9 (2 pts) and ONB-11 (3 pts) to keep P(goal) ≥ 80%',
};
const SPLIT: Suggestion = {
  kind: 'split',
  issueKey: 'ONB-12',
  points: 13,
  message: 'Split ONB-12 (13 pts): alone it is more than the expected capacity left (6.5 pts, P50)',
};

describe('assessment reasons in the user’s language', () => {
  it('phrases every reason code itself, in English and German, without the backend’s sentence', () => {
    const paced = assessmentIn('points', { basis: 'sprint-pace' });
    for (const translator of [english, german]) {
      for (const each of Object.values(EVERY_REASON)) {
        const text = describeReason(translator, each, paced);
        expect({ code: each.code, text }).toEqual({ code: each.code, text: expect.not.stringMatching(/the backend|\{\w+\}/) });
      }
    }
  });

  it('says a points reason in German with German numbers and the unit in words', () => {
    const text = describeReason(german, EVERY_REASON['goal-work-exceeds-capacity'], assessmentIn('points'));
    expect(text).toBe(
      'Verbleibende zielkritische Arbeit: 8 Punkte (in Rangfolge bis dahin nötig: 10 Punkte); erwartete Restkapazität: 6,5 Punkte (P50)',
    );
  });

  it('says an issues reason in German, counting issues, one and many', () => {
    const board = assessmentIn('issues', { reasons: [reason('no-goal')] });
    expect(describeReason(german, reason('capacity-only', { workLeft: 7, capacityP50: 1 }), board)).toBe(
      'Verbleibende Arbeit: 7 Vorgänge; erwartete Restkapazität: 1 Vorgang (P50)',
    );
    expect(describeReason(german, reason('no-estimates'), board)).toBe('Keine Story Points an diesen Vorgängen: Jeder Vorgang zählt als 1');
  });

  it('reads as the backend did in English for points: the unit after the arrow, singular for one', () => {
    const points = assessmentIn('points');
    expect(describeReason(english, EVERY_REASON['scope-added'], points)).toBe('Adds 5 pts of work (13 → 18 pts left)');
    expect(describeReason(english, reason('goal-item-below-line', { issueKey: 'ONB-41', work: 1, capacityP50: 10 }), points)).toBe(
      'This change moves ONB-41 (goal-critical, 1 pt) below the capacity line',
    );
    expect(describeReason(english, EVERY_REASON['no-estimates'], points)).toBe(
      '2 unestimated items count as 0 pts: work left may be understated',
    );
  });

  it('leaves out the rank-order clause when the goal-critical work is all the work needed', () => {
    const text = describeReason(
      english,
      reason('goal-work-exceeds-capacity', { goalCriticalWorkLeft: 8, requiredWork: 8, capacityP50: 6 }),
      assessmentIn('points'),
    );
    expect(text).toBe('Goal-critical work left: 8 pts; expected capacity left: 6 pts (P50)');
  });

  it('says which fallback forecast it used, with its working days', () => {
    const low = EVERY_REASON['low-confidence-forecast'];
    expect(describeReason(german, low, assessmentIn('points', { basis: 'sprint-pace' }))).toBe(
      'Keine abgeschlossenen Sprints als Grundlage: Prognose aus dem bisherigen Tempo dieses Sprints (4 Punkte in 4 Arbeitstagen), geringe Verlässlichkeit',
    );
    expect(describeReason(english, low, assessmentIn('issues', { basis: 'none' }))).toBe(
      'No closed sprints and no pace yet: forecast assumes the sprint’s commitment (21 issues over 10 working days), low confidence',
    );
  });

  it('falls back to the backend’s sentence for a code it does not know', () => {
    const fromNewerBackend = {
      code: 'goal-text-changed',
      message: 'The sprint goal changed since the proposal',
      figures: {},
    } as unknown as AssessmentReason;
    expect(describeReason(german, fromNewerBackend, assessmentIn('points'))).toBe('The sprint goal changed since the proposal');
  });

  it('keeps the backend’s sentence for work figures of a snapshot stored before assessments said their unit', () => {
    const stored = { ...assessmentIn('points'), unit: undefined } as unknown as Assessment;
    expect(describeReason(german, EVERY_REASON['capacity-only'], stored)).toBe(BACKEND_SENTENCE);
    expect(describeReason(german, EVERY_REASON['p-goal-drop'], stored)).toBe('P(Ziel) sinkt von 78\u00a0% auf 41\u00a0%');
  });
});

describe('the new reasons of issue 13, in English and German', () => {
  it('says a removal of goal work changes the goal, with P for the rest', () => {
    const removed = reason('goal-item-removed', { issueKey: 'ONB-5', pGoalRest: 0.62 });
    expect(describeReason(english, removed, assessmentIn('points'))).toBe(
      'Takes goal-critical ONB-5 out: this changes the goal — renegotiate it with the Product Owner (P(goal) for the rest: 62%)',
    );
    expect(describeReason(german, removed, assessmentIn('points'))).toBe(
      'Nimmt zielkritische Arbeit heraus (ONB-5): Das ändert das Ziel — mit dem Product Owner neu verhandeln (P(Ziel) für den Rest: 62\u00a0%)',
    );
  });

  it('says a rise as a rise, and unestimated items at the median with the range', () => {
    const points = assessmentIn('points');
    expect(describeReason(english, EVERY_REASON['p-goal-rise'], points)).toBe('P(goal) rises from 41% to 62%');
    expect(describeReason(german, EVERY_REASON['unestimated-at-median'], points)).toBe(
      'ONB-9: keine brauchbare Schätzung, gezählt mit der mittleren Größe des Sprints, 3 Punkte (Spanne 2 bis 5 Punkte)',
    );
    expect(describeReason(english, EVERY_REASON['history-set-aside'], points)).toBe(
      'Not learned from: ONB Sprint 3 — no completed work (is the board’s Done column mapped?)',
    );
  });

  it('keeps the backend’s sentence for a goal removal stored before it carried P for the rest', () => {
    expect(describeReason(english, reason('goal-item-removed', { issueKey: 'ONB-5' }), assessmentIn('points'))).toBe(BACKEND_SENTENCE);
  });
});

describe('chances near 0% and 100%', () => {
  it('reads "< 5%" and "> 95%" unless certain by arithmetic', () => {
    expect(describeChance(english, 0)).toBe('< 5%');
    expect(describeChance(english, 0.999)).toBe('> 95%');
    expect(describeChance(german, 0.02)).toBe('< 5\u00a0%');
    expect(describeChance(english, 1, true)).toBe('100%');
    expect(describeChance(english, 0.5)).toBe('50%');
  });

  it('says a drop to a near-certain miss as "< 5%", but a drop from work already done as 100%', () => {
    const assessment = assessmentIn('points', {
      before: { ...FIGURES, pGoal: 1, certain: true },
      after: { ...FIGURES, pGoal: 0.001, certain: false },
    });
    expect(describeReason(english, reason('p-goal-drop', { pGoalBefore: 1, pGoalAfter: 0.001, drop: 0.999 }), assessment)).toBe(
      'P(goal) drops from 100% to < 5%',
    );
  });
});

describe('assessment suggestions in the user’s language', () => {
  it('offers ranking below the goal, and a split only with the chance it brings', () => {
    const rankBelow: Suggestion = { kind: 'rank-below-goal', issueKeys: ['ONB-9'], points: 2, pGoalAfter: 0.84, message: 'x' };
    expect(describeSuggestion(english, rankBelow, assessmentIn('points'))).toBe(
      'Rank ONB-9 below the goal’s last item to free 2 pts and bring P(goal) to 84%',
    );
    expect(describeSuggestion(german, { ...SPLIT, pGoalAfter: 0.8 }, assessmentIn('points'))).toBe(
      'ONB-12 (13 Punkte) aufteilen und den Teil, den das Ziel nicht braucht, dahinter einordnen: P(Ziel) auf 80\u00a0%',
    );
  });

  it('names the items to defer, the work they free and the chance they bring, in German', () => {
    expect(describeSuggestion(german, DEFER, assessmentIn('points'))).toBe(
      'ONB-9 und ONB-11 verschieben, um 5 Punkte frei zu machen und P(Ziel) auf 80\u00a0% zu bringen',
    );
  });

  it('counts issues when the board does not estimate', () => {
    expect(describeSuggestion(english, { ...DEFER, points: 1, issueKeys: ['ONB-9'] }, assessmentIn('issues'))).toBe(
      'Defer ONB-9 to free 1 issue and bring P(goal) to 80%',
    );
  });

  it('says how big an item too big for the sprint is', () => {
    expect(describeSuggestion(english, SPLIT, assessmentIn('points'))).toBe(
      'ONB-12 (13 pts) alone is more than the capacity expected to be left: consider splitting it',
    );
    expect(describeSuggestion(german, SPLIT, assessmentIn('points'))).toBe(
      'ONB-12 (13 Punkte) allein ist größer als die erwartete Restkapazität: Aufteilen erwägen',
    );
  });
});
