import { normalCdf, residualShare, shareLeftByAge, type InProgressPace } from '../../src/domain/in-progress-work';

/**
 * E[X − f | X > f] for X lognormal with mean 1 and coefficient of variation cv, by plain numerical
 * integration over the density (midpoint rule on a fine grid): a computation independent of the
 * closed form under test.
 */
function residualByIntegration(f: number, cv: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = -(sigma * sigma) / 2;
  const density = (x: number) => Math.exp(-((Math.log(x) - mu) ** 2) / (2 * sigma * sigma)) / (x * sigma * Math.sqrt(2 * Math.PI));
  const step = 1e-4;
  let mass = 0;
  let excess = 0;
  for (let x = f + step / 2; x < 40; x += step) {
    mass += density(x) * step;
    excess += (x - f) * density(x) * step;
  }
  return excess / mass;
}

// Monday 13 May 2024, 09:00 UTC; the week before had five working days.
const NOW = Date.parse('2024-05-13T09:00:00.000Z');
const pace = (workPerItemDay: number): InProgressPace => ({ workPerItemDay, nowMs: NOW, workingDays: [1, 2, 3, 4, 5], timeZone: 'UTC' });

describe('normalCdf', () => {
  it('agrees with the standard normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });
});

describe('residualShare', () => {
  it('matches numerical integration of the size spread, from just started to far past the estimate', () => {
    for (const f of [0.05, 0.3, 0.7, 1, 1.5, 3]) {
      expect(residualShare(f, 0.5)).toBeCloseTo(residualByIntegration(f, 0.5), 3);
    }
  });

  it('leaves the whole item before any work, and never less than the estimate’s plain rest', () => {
    expect(residualShare(0, 0.5)).toBe(1);
    for (const f of [0.1, 0.5, 0.9]) expect(residualShare(f, 0.5)).toBeGreaterThanOrEqual(1 - f);
  });

  it('leaves work on an item past its estimate: it is still open, so likely bigger than estimated', () => {
    expect(residualShare(1, 0.5)).toBeGreaterThan(0.2);
  });
});

describe('shareLeftByAge', () => {
  it('reads working days in progress at the team’s pace per item: three working days at 1 pt a day of a 6-pt item', () => {
    // In progress since Wednesday 09:00: Wednesday, Thursday, Friday; the weekend does not count.
    expect(shareLeftByAge('2024-05-08T09:00:00.000Z', 6, 0.5, pace(1))).toBeCloseTo(residualShare(0.5, 0.5), 9);
    expect(shareLeftByAge('2024-05-08T09:00:00.000Z', 6, 0.5, pace(1))).toBeCloseTo(
      shareLeftByAge('2024-05-10T09:00:00.000Z', 2, 0.5, pace(1))!,
      9,
    );
  });

  it('counts an item stale in In Progress for years as at most its whole estimate, never several times it', () => {
    expect(residualShare(30, 0.5)).toBeGreaterThan(1);
    expect(shareLeftByAge('2021-05-13T09:00:00.000Z', 2, 0.5, pace(1))).toBe(1);
    expect(shareLeftByAge('1970-01-01T00:00:00.000Z', 2, 0.5, pace(1))).toBe(1);
  });

  it('gives no answer for a date Jira should not give, a start after now, or no pace', () => {
    expect(shareLeftByAge('yesterday', 6, 0.5, pace(1))).toBeNull();
    expect(shareLeftByAge('2024-05-14T09:00:00.000Z', 6, 0.5, pace(1))).toBeNull();
    expect(shareLeftByAge('2024-05-08T09:00:00.000Z', 6, 0.5, pace(0))).toBeNull();
  });
});
