import type { Assessment } from '../../src/domain/assessment';
import { calibrationOf, calibrationRecords, MIN_SPRINTS_FOR_CALIBRATION } from '../../src/domain/calibration';
import type { SprintOutcome } from '../../src/domain/sprint-record';
import { proposalFor } from '../support/proposals';

const assessmentWith = (before: number, after: number) => ({ before: { pGoal: before }, after: { pGoal: after } }) as Assessment;

function decided(sprintId: number, verdict: 'approved' | 'rejected', before: number, after: number) {
  return {
    ...proposalFor({ sprintId }),
    status: verdict,
    decision: {
      verdict,
      deciderAccountId: '557058:po-priya',
      rationale: 'Decided in refinement.',
      decidedAt: '2026-11-26T10:00:00.000Z',
      assessment: assessmentWith(before, after),
    },
  } as const;
}

function outcome(sprintId: number, result: SprintOutcome['outcome']): SprintOutcome {
  return {
    sprintId,
    boardId: 1,
    sprintName: `ONB Sprint ${sprintId}`,
    goal: 'A goal',
    outcome: result,
    note: '',
    recordedBy: null,
    closedAt: '2026-12-01T10:00:00.000Z',
    committedPoints: 20,
    grossChurn: 0,
  };
}

describe('calibration', () => {
  it('records the P(goal) the decider was shown: after the change for an approval, as it stayed for a rejection', () => {
    const records = calibrationRecords(
      [decided(7, 'approved', 0.9, 0.6), decided(8, 'rejected', 0.7, 0.2)],
      [outcome(7, 'met'), outcome(8, 'not-met')],
    );
    expect(records).toEqual([
      { sprintId: 7, pGoal: 0.6, met: true },
      { sprintId: 8, pGoal: 0.7, met: false },
    ]);
  });

  it('counts a goal partly met as not met, and leaves out sprints with no recorded outcome', () => {
    const records = calibrationRecords(
      [decided(7, 'approved', 0.9, 0.8), decided(9, 'approved', 0.9, 0.8)],
      [outcome(7, 'partly'), outcome(9, null)],
    );
    expect(records).toEqual([{ sprintId: 7, pGoal: 0.8, met: false }]);
  });

  it('tells how often goals were met per band of P(goal) shown, with a Brier score', () => {
    const calibration = calibrationOf([
      { sprintId: 1, pGoal: 0.8, met: true },
      { sprintId: 2, pGoal: 0.8, met: false },
      { sprintId: 3, pGoal: 0.3, met: false },
    ]);
    expect(calibration.brier).toBeCloseTo((0.04 + 0.64 + 0.09) / 3, 10);
    expect(calibration.bins[4]).toEqual({ from: 0.8, to: 1, count: 2, meanForecast: 0.8, observedRate: 0.5 });
    expect(calibration.bins[1]).toMatchObject({ count: 1, observedRate: 0 });
    expect(calibration.bins[0]).toMatchObject({ count: 0, meanForecast: null, observedRate: null });
    expect(calibration.enough).toBe(false);
  });

  it('says there is enough to show once enough sprints have closed', () => {
    const records = Array.from({ length: MIN_SPRINTS_FOR_CALIBRATION }, (_, i) => ({ sprintId: i, pGoal: 0.5, met: i % 2 === 0 }));
    expect(calibrationOf(records)).toMatchObject({ sprints: MIN_SPRINTS_FOR_CALIBRATION, enough: true });
    expect(calibrationOf([])).toMatchObject({ records: 0, brier: null });
  });
});
