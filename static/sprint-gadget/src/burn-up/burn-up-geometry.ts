/**
 * Where the burn-up's marks go, in the chart's own coordinates: time runs from the sprint start to
 * its end (or now, if later), points from 0 to a round number above the largest scope. The scope
 * line holds its value until a change and then steps to the new one, as scope does.
 */
import type { ReadySprintView } from '@goalkeeper/contract';

const MS_PER_DAY = 86_400_000;

export const CHART = { width: 640, height: 240, left: 40, right: 16, top: 12, bottom: 28 } as const;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface BurnUpGeometry {
  readonly scopePath: string;
  /** One per scope change (steps after the first), with the index of its step. */
  readonly markers: readonly (Point & { readonly step: number })[];
  readonly done: Point;
  /** The done line: from nothing at the start through the points done by the end of each working day (today: by now). */
  readonly donePath: string;
  readonly doneDays: readonly (Point & { readonly date: string; readonly donePoints: number })[];
  readonly nowX: number;
  readonly yTicks: readonly (Point & { readonly value: number })[];
  readonly xTicks: readonly (Point & { readonly at: string })[];
}

/** 1, 2 or 5 times a power of ten: ticks people read at a glance. */
function roundStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-9)));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? 10 * power;
}

export function burnUpGeometry(burnUp: ReadySprintView['burnUp'], sprintEnd: string | null): BurnUpGeometry {
  const { scope, donePoints, now } = burnUp;
  const start = Date.parse(scope[0]?.at ?? now);
  const end = Math.max(Date.parse(now), sprintEnd ? Date.parse(sprintEnd) : 0, ...scope.map((step) => Date.parse(step.at)));
  const span = Math.max(1, end - start);
  const largest = Math.max(1, donePoints, ...scope.map((s) => s.scope), ...burnUp.doneByDay.map((day) => day.donePoints));
  const step = roundStep(largest / 4);
  const top = Math.ceil(largest / step) * step;
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (iso: string) => CHART.left + (Math.max(0, Date.parse(iso) - start) / span) * plotWidth;
  const y = (points: number) => CHART.top + (1 - Math.max(0, points) / top) * plotHeight;

  const [first, ...changes] = scope;
  const path = first
    ? [`M${x(first.at)},${y(first.scope)}`, ...changes.map((s) => `H${x(s.at)}V${y(s.scope)}`), `H${x(now)}`].join('')
    : '';
  const yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => ({
    value: index * step,
    x: CHART.left,
    y: y(index * step),
  }));
  const endIso = new Date(end).toISOString();
  const doneDays = burnUp.doneByDay.map((day) => {
    const endOfDay = new Date(Date.parse(`${day.date}T00:00:00.000Z`) + MS_PER_DAY).toISOString();
    const at = endOfDay < now ? endOfDay : now;
    return { date: day.date, donePoints: day.donePoints, x: x(at), y: y(day.donePoints) };
  });
  const donePath = first && doneDays.length > 0 ? [`M${x(first.at)},${y(0)}`, ...doneDays.map((day) => `L${day.x},${day.y}`)].join('') : '';
  return {
    scopePath: path,
    markers: changes.map((s, index) => ({ step: index + 1, x: x(s.at), y: y(s.scope) })),
    done: { x: x(now), y: y(donePoints) },
    donePath,
    doneDays,
    nowX: x(now),
    yTicks,
    xTicks: [
      { at: first?.at ?? now, x: CHART.left, y: CHART.height - CHART.bottom },
      { at: endIso, x: x(endIso), y: CHART.height - CHART.bottom },
    ],
  };
}
