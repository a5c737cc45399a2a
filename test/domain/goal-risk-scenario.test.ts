import fc from 'fast-check';
import { effortSpread, effortUntilTarget, teamWipOf, WORK_DRAW_LIMIT } from '../../src/domain/goal-risk-scenario';
import { measure, type WorkItem } from '../../src/domain/hypothetical-sprint';
import type { StatusCategory } from '../../src/domain/sprint';
import { sprintIssue } from '../support/sprint-issues';

const SIZING = { median: 3, low: 2, high: 5 };

function item(key: string, points: number, goalCritical = false, statusCategory: StatusCategory = 'todo'): WorkItem {
  return measure(sprintIssue(key, points, statusCategory, goalCritical), 'points', SIZING);
}
const goal = (key: string, points: number) => item(key, points, true);

describe('effortUntilTarget: the effort spent until the goal is done, with the team’s WIP', () => {
  // In rank order: a big stretch item above a small goal item, then more stretch work.
  const sprint = [goal('ONB-1', 3), item('ONB-2', 13), goal('ONB-3', 2), item('ONB-4', 5), item('ONB-5', 8)];

  it('takes the work in rank order down to the last goal item when the team works on one item at a time', () => {
    expect(effortUntilTarget(sprint, 'goal', 1)).toBe(3 + 13 + 2);
  });

  it('lets a small goal item finish before a big item ranked above it, and counts the work below the goal it shares the team with', () => {
    // Two at a time: ONB-2 gets as much as the goal's largest item (3) while the goal is open;
    // of the work below, each item at most 3, together at most half of one slot's 3.
    expect(effortUntilTarget(sprint, 'goal', 2)).toBe(3 + 3 + 2 + 1.5);
  });

  it('gives an item ranked above the goal a head start from the work that passes the other slots before the goal’s last item', () => {
    const ranked = [item('ONB-2', 13), item('ONB-6', 4), goal('ONB-3', 2)];
    // ONB-2: min(13, 2 + 4 / 1); ONB-6: min(4, 2 + 0).
    expect(effortUntilTarget(ranked, 'goal', 2)).toBe(6 + 2 + 2);
    // With three slots the head start is shared by two: min(13, 2 + 4 / 2).
    expect(effortUntilTarget(ranked, 'goal', 3)).toBe(4 + 2 + 2);
  });

  it('counts all the work when the target is all the work, whatever the WIP', () => {
    expect(effortUntilTarget(sprint, 'all-work', 4)).toBe(3 + 13 + 2 + 5 + 8);
  });

  it('needs no effort without target work left', () => {
    expect(effortUntilTarget([item('ONB-2', 5)], 'goal', 3)).toBe(0);
  });

  it('never needs more effort than rank order, and never less than the goal’s own work', () => {
    const spec = fc.array(fc.record({ points: fc.constantFrom(0, 1, 2, 3, 5, 8, 13), goalCritical: fc.boolean() }), { maxLength: 15 });
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 6 }), (specs, wip) => {
        const items = specs.map((s, index) => item(`ONB-${index + 1}`, s.points, s.goalCritical));
        const last = items.findLastIndex((candidate) => candidate.goalCritical);
        const inRankOrder = items.slice(0, last + 1).reduce((sum, candidate) => sum + candidate.work, 0);
        const goalWork = items.filter((candidate) => candidate.goalCritical).reduce((sum, candidate) => sum + candidate.work, 0);
        const effort = effortUntilTarget(items, 'goal', wip);
        expect(effort).toBeGreaterThanOrEqual(goalWork - 1e-9);
        // Work below the goal may add at most half of (wip − 1) × the largest goal item.
        const largest = Math.max(0, ...items.filter((candidate) => candidate.goalCritical).map((candidate) => candidate.work));
        expect(effort).toBeLessThanOrEqual(inRankOrder + 0.5 * (wip - 1) * largest + 1e-9);
      }),
    );
  });
});

describe('teamWipOf', () => {
  it('takes the items the board shows in progress as the team’s WIP, and at least one', () => {
    const board = [
      item('ONB-1', 3, false, 'in-progress'),
      item('ONB-2', 2, true, 'in-progress'),
      item('ONB-3', 5, false, 'done'),
      item('ONB-4', 1),
    ];
    expect(teamWipOf(board.map((work) => work.issue))).toBe(2);
    expect(teamWipOf([item('ONB-4', 1).issue])).toBe(1);
  });
});

describe('effortSpread', () => {
  it('keeps a trial’s work rising with the effort for every work-error draw, so more effort never helps', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 13, noNaN: true }),
        fc.double({ min: -WORK_DRAW_LIMIT, max: WORK_DRAW_LIMIT, noNaN: true }),
        (effort, more, grain, z) => {
          const work = (e: number) => e + z * effortSpread(e, grain);
          expect(work(effort + more)).toBeGreaterThanOrEqual(work(effort) - 1e-9);
        },
      ),
    );
  });

  it('gives one item’s worth of effort the item’s own spread, and more effort the spread of as many items of the grain', () => {
    expect(effortSpread(2, 5)).toBe(1);
    expect(effortSpread(20, 5)).toBeCloseTo(0.5 * Math.sqrt(4 * 25), 10);
  });
});
