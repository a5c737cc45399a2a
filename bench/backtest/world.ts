/**
 * The backtest's own synthetic world: teams whose true way of working is known, with a history
 * of closed sprints, a snapshot taken part-way through the current sprint, a random change
 * proposed at that moment, and the truth of whether the goal was met, played out to the end.
 *
 * Honesty rule (issue 13): nothing here is drawn from the engine's model. The truth is an
 * effort process — a team has a base pace in hours of effort per day, sprint-level shocks, a
 * trend, holidays, lumpy zero days, and works on a few items at a time (WIP) whose true effort
 * differs from their estimate — and points are only credited when an item is finished. The
 * engine sees only what Jira would show: estimates, statuses, dates and completed points.
 * It uses its own generator (sfc32), not the engine's, so no draw is shared by accident.
 */
import type { AssessmentInput } from '../../src/domain/assessment';
import type { Change } from '../../src/domain/change';
import type { SprintHistory, SprintIssue } from '../../src/domain/sprint';

/** A uniform source in [0, 1) with helpers; sfc32 (Chris Doty-Humphrey), seeded by splitmix32. */
export class WorldRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uniform();
  }

  uniform(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  int(low: number, highInclusive: number): number {
    return low + Math.floor(this.uniform() * (highInclusive - low + 1));
  }

  chance(probability: number): boolean {
    return this.uniform() < probability;
  }

  pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.uniform() * options.length)]!;
  }

  normal(): number {
    const u = 1 - this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }

  /** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 boosted). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v = Math.pow(1 + c * x, 3);
      if (v <= 0) continue;
      if (Math.log(1 - this.uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
}

/** How a kind of team truly works. */
interface TeamKind {
  readonly name: string;
  /** Spread of a whole sprint's pace (log scale): a sick week, an incident, a good run. */
  readonly sprintShock: number;
  /** Shape of the day-to-day Gamma noise: lower is noisier. */
  readonly dayShape: number;
  /** Days on which nothing moves (meetings, blocked, context switches). */
  readonly zeroDays: number;
  /** Pace change per sprint (drawn ± this). */
  readonly trend: number;
  /** Chance that a working day is a (public or team) holiday. */
  readonly holidays: number;
  /** Log-scale spread of true effort against the estimate. */
  readonly estimateError: number;
  /** Items worked on at once. */
  readonly wip: number;
}

export const TEAM_KINDS: readonly TeamKind[] = [
  { name: 'steady', sprintShock: 0.08, dayShape: 4, zeroDays: 0.04, trend: 0, holidays: 0.02, estimateError: 0.3, wip: 2 },
  { name: 'volatile', sprintShock: 0.3, dayShape: 1.5, zeroDays: 0.1, trend: 0.02, holidays: 0.03, estimateError: 0.55, wip: 3 },
  { name: 'trending', sprintShock: 0.12, dayShape: 3, zeroDays: 0.05, trend: 0.06, holidays: 0.02, estimateError: 0.35, wip: 2 },
  { name: 'lumpy', sprintShock: 0.15, dayShape: 2, zeroDays: 0.35, trend: 0.01, holidays: 0.02, estimateError: 0.4, wip: 4 },
  { name: 'holiday-prone', sprintShock: 0.1, dayShape: 3, zeroDays: 0.05, trend: 0.01, holidays: 0.12, estimateError: 0.35, wip: 2 },
];

/**
 * A world: how its teams are mixed and how hard they plan. Two are kept so that a model change
 * is judged on more than the one world it was developed on (over-fitting guard, issue 13).
 */
export interface WorldMix {
  readonly name: string;
  /** Relative weight of each team kind, by name (a kind left out does not occur). */
  readonly kindWeights: Readonly<Record<string, number>>;
  /** The current sprint's plan against the recent velocity: drawn uniformly in [low, high). */
  readonly planLoad: readonly [number, number];
  /** Closed sprints visible to the engine, drawn uniformly from this list. */
  readonly historyLengths: readonly number[];
  /** Chance that Jira's history gives the closed sprints' days, not only their totals. */
  readonly dailyKnown: number;
}

/** The world the engine was developed on: every kind alike, sprints planned ambitiously (goal met ~62%). */
export const PRIMARY_WORLD: WorldMix = {
  name: 'primary',
  kindWeights: { steady: 1, volatile: 1, trending: 1, lumpy: 1, 'holiday-prone': 1 },
  planLoad: [0.9, 1.35],
  historyLengths: [0, 1, 2, 3, 4, 5, 6, 6, 6, 8],
  dailyKnown: 0.7,
};

/** A second world drawn differently: mostly steady and lumpy teams, planning within their means (goal met about three times in four), longer histories, fewer daily histories. */
export const CAUTIOUS_WORLD: WorldMix = {
  name: 'cautious',
  kindWeights: { steady: 3, volatile: 1, trending: 0.5, lumpy: 3, 'holiday-prone': 1.5 },
  planLoad: [0.6, 1.0],
  historyLengths: [1, 2, 3, 4, 6, 8, 10, 12],
  dailyKnown: 0.5,
};

const SPRINT_WORKING_DAYS = 10;
/** Replays of the rest of the sprint behind the oracle's answer. */
export const ORACLE_REPLAYS = 100;
const FIBONACCI = [1, 1, 2, 2, 3, 3, 3, 5, 5, 8, 13];
const DAY_MS = 86_400_000;
/** A Monday: every current sprint starts on a Monday at 09:00 UTC and ends Friday week 17:00. */
const SPRINT_START = Date.parse('2025-03-03T09:00:00.000Z');

/** One item of true work: what Jira shows (points) and what it really takes (effort). */
interface TrueItem {
  readonly key: string;
  readonly points: number | null;
  /** Points the history credits when it is done (an unestimated item credits 0). */
  readonly creditedPoints: number;
  effort: number;
  progress: number;
  goalCritical: boolean;
  finishedOnDay: number | null;
  /** The working day (counted across sprints) the item was first worked on: Jira's status-category change to In Progress. */
  startedOn: number | null;
  readonly subtasks: number;
}

interface Team {
  readonly kind: TeamKind;
  readonly random: WorldRandom;
  /** Effort per working day at sprint 0, in "points of effort". */
  readonly pace: number;
  readonly trendPerSprint: number;
  /** Effort a point of estimate truly takes, on average (teams under- or over-estimate). */
  readonly bias: number;
  readonly unestimatedShare: number;
  nextKey: number;
}

export interface BacktestCase {
  readonly team: string;
  readonly input: AssessmentInput;
  /** Whether the goal (the goal-critical items after the change) was met by the sprint's end. */
  readonly met: boolean;
  /**
   * Whether the goal would have been met without the change, on the very same days: a miss with
   * `metWithoutChange` is one the change caused, the miss a change's own threat exists to catch.
   */
  readonly metWithoutChange: boolean;
  /**
   * P(goal) for an oracle that knows what no tool can: this sprint's true pace and every item's
   * true effort and progress; only the days ahead (noise, zero days) are unknown to it. Its
   * Brier score is the floor this world allows, not a target.
   */
  readonly oracle: number;
  /** The oracle's chance that the change causes a miss: replays met without it and missed with it. */
  readonly oracleCausedMiss: number;
  /**
   * This sprint's true pace in points per working day (its effort per day over the team's effort
   * per point), which no Jira field tells: what an engine told it could do is the backtest's
   * measure of how much of the oracle's lead is knowing the pace.
   */
  readonly sprintPointsPerDay: number;
  /** What the plain capacity line sees: mean historical points per day × days left, and the work up to the last goal item. */
  readonly capacityLine: { readonly capacity: number; readonly requiredWork: number };
}

function newItem(team: Team, goalCritical = false): TrueItem {
  const random = team.random;
  const estimate = random.pick(FIBONACCI);
  const unestimated = random.chance(team.unestimatedShare);
  const error = Math.exp(team.kind.estimateError * random.normal() - team.kind.estimateError ** 2 / 2);
  return {
    key: `T-${team.nextKey++}`,
    points: unestimated ? null : estimate,
    creditedPoints: unestimated ? 0 : estimate,
    effort: estimate * team.bias * error,
    progress: 0,
    goalCritical,
    finishedOnDay: null,
    startedOn: null,
    subtasks: random.chance(0.5) ? random.int(2, 5) : 0,
  };
}

/** The pace of one sprint: the team's, moved by its trend and this sprint's shock. */
function sprintPace(team: Team, sprintIndex: number): number {
  const { kind, random } = team;
  const shock = Math.exp(kind.sprintShock * random.normal() - kind.sprintShock ** 2 / 2);
  return team.pace * Math.pow(1 + team.trendPerSprint, sprintIndex) * shock;
}

/** The effort given on one working day at a sprint's pace: holidays and lumpy zero days give none. */
function dayEffort(kind: TeamKind, random: WorldRandom, pace: number, holiday: boolean): number {
  if (holiday) return 0;
  if (random.chance(kind.zeroDays)) return 0;
  return (pace / (1 - kind.zeroDays)) * (random.gamma(kind.dayShape) / kind.dayShape);
}

/** The effort a team can give on each working day of a sprint. */
function dailyEffort(team: Team, pace: number, days: number, holidayDays: ReadonlySet<number>): number[] {
  return Array.from({ length: days }, (_, day) => dayEffort(team.kind, team.random, pace, holidayDays.has(day)));
}

/**
 * Works one day (or the given share of it) on the items in rank order, `wip` at a time: effort
 * is shared among the open items at the top; an item's leftover share flows on to the next.
 */
function workDay(items: TrueItem[], effort: number, wip: number, day: number, sprintIndex: number, pullIn?: () => TrueItem): void {
  let available = effort;
  for (let round = 0; round < 50 && available > 1e-9; round++) {
    // A team that runs out of sprint work pulls in more (Jira's velocity counts it when done).
    if (pullIn && items.every((item) => item.finishedOnDay !== null)) items.push(pullIn());
    const active = items.filter((item) => item.finishedOnDay === null).slice(0, wip);
    if (active.length === 0) return;
    const share = available / active.length;
    available = 0;
    for (const item of active) {
      item.startedOn ??= sprintIndex * SPRINT_WORKING_DAYS + day;
      const needed = item.effort - item.progress;
      if (share >= needed) {
        item.progress = item.effort;
        item.finishedOnDay = day;
        available += share - needed;
      } else {
        item.progress += share;
      }
    }
  }
}

function holidaysOf(team: Team, days: number): Set<number> {
  const holidays = new Set<number>();
  for (let day = 0; day < days; day++) if (team.random.chance(team.kind.holidays)) holidays.add(day);
  return holidays;
}

/** Plans a sprint: carried-over items first, then new ones until the plan is full. */
function plan(team: Team, carried: TrueItem[], plannedPoints: number): TrueItem[] {
  const items = [...carried];
  let points = carried.reduce((sum, item) => sum + (item.points ?? 3), 0);
  while (points < plannedPoints) {
    const item = newItem(team);
    items.push(item);
    points += item.points ?? 3;
  }
  return items;
}

/** Closed sprints, oldest first, with the items left unfinished by the last one. */
function playHistory(team: Team, sprints: number): { history: SprintHistory[]; carried: TrueItem[]; recentPoints: number[] } {
  const history: SprintHistory[] = [];
  let carried: TrueItem[] = [];
  const recent: number[] = [];
  for (let index = 0; index < sprints; index++) {
    const planned =
      (recent.length > 0
        ? recent.slice(-3).reduce((a, b) => a + b, 0) / Math.min(3, recent.length)
        : (team.pace * SPRINT_WORKING_DAYS) / team.bias) * team.random.between(0.85, 1.2);
    const items = plan(team, carried, planned);
    const committed = items.reduce((sum, item) => sum + item.creditedPoints, 0);
    const holidays = holidaysOf(team, SPRINT_WORKING_DAYS);
    const effort = dailyEffort(team, sprintPace(team, index), SPRINT_WORKING_DAYS, holidays);
    const daily = effort.map((dayEffort, day) => {
      workDay(items, dayEffort, team.kind.wip, day, index, () => newItem(team));
      return items.filter((item) => item.finishedOnDay === day).reduce((sum, item) => sum + item.creditedPoints, 0);
    });
    const completed = daily.reduce((a, b) => a + b, 0);
    recent.push(completed);
    history.push({
      sprintId: index + 1,
      name: `Sprint ${index + 1}`,
      committedPoints: committed,
      completedPoints: completed,
      workingDays: SPRINT_WORKING_DAYS,
      dailyCompletedPoints: daily,
    });
    carried = items.filter((item) => item.finishedOnDay === null).map((item) => ({ ...item, goalCritical: false }));
  }
  return { history, carried, recentPoints: recent };
}

/** Data traps a real Jira shows (issue 13): a misconfigured Done column, a sprint closed a day after it started. */
function withTraps(team: Team, history: SprintHistory[]): SprintHistory[] {
  const random = team.random;
  const trapped = [...history];
  if (random.chance(0.06)) {
    trapped.push({
      sprintId: 900,
      name: 'Sprint with no Done column',
      committedPoints: 20,
      completedPoints: 0,
      workingDays: SPRINT_WORKING_DAYS,
      dailyCompletedPoints: new Array(SPRINT_WORKING_DAYS).fill(0),
    });
  }
  if (random.chance(0.05)) {
    const points = Math.round(team.pace * 3);
    trapped.push({
      sprintId: 901,
      name: 'Sprint closed a day after it started',
      committedPoints: points,
      completedPoints: points,
      workingDays: 1,
      dailyCompletedPoints: [points],
    });
  }
  return trapped;
}

function toIssue(item: TrueItem, status: SprintIssue['statusCategory'], startedAt?: (workingDay: number) => string): SprintIssue {
  const progressShare = item.effort > 0 ? item.progress / item.effort : 0;
  return {
    key: item.key,
    id: item.key.slice(2),
    summary: `Work item ${item.key}`,
    points: item.points,
    statusCategory: status,
    goalCritical: item.goalCritical,
    labels: item.goalCritical ? ['sprint-goal'] : [],
    epicKey: null,
    priorityName: 'Medium',
    issueType: 'Story',
    ...(status === 'in-progress' && item.startedOn !== null && startedAt ? { inProgressSince: startedAt(item.startedOn) } : {}),
    ...(item.subtasks > 0 && status !== 'todo'
      ? {
          subtaskProgress: {
            done: status === 'done' ? item.subtasks : Math.min(item.subtasks - 1, Math.floor(progressShare * item.subtasks)),
            total: item.subtasks,
          },
        }
      : {}),
  };
}

/** A random change at the snapshot; applied to the true items as well as proposed to the engine. */
function randomChange(
  team: Team,
  items: TrueItem[],
  snapshotStatus: (item: TrueItem) => SprintIssue['statusCategory'],
): { change: Change; subject: string; incoming?: TrueItem } {
  const random = team.random;
  const open = items.filter((item) => snapshotStatus(item) !== 'done');
  const nonGoalTodo = open.filter((item) => !item.goalCritical && snapshotStatus(item) === 'todo');
  const roll = random.uniform();
  if (roll < 0.35 || open.length < 2) {
    const incoming = newItem(team, random.chance(0.5));
    return { change: { kind: 'add' }, subject: incoming.key, incoming };
  }
  if (roll < 0.5 && nonGoalTodo.length > 0) {
    return { change: { kind: random.chance(0.5) ? 'remove' : 'defer' }, subject: random.pick(nonGoalTodo).key };
  }
  if (roll < 0.7) {
    const item = random.pick(open);
    const learned = random.pick([0.5, 1.5, 2, 2.5]);
    const points = Math.max(1, Math.round((item.points ?? 3) * learned));
    return { change: { kind: 'estimate', points }, subject: item.key };
  }
  if (roll < 0.9) {
    const item = random.pick(open);
    return { change: { kind: 'rerank', target: { position: item.goalCritical ? 'bottom' : 'top' } }, subject: item.key };
  }
  return { change: { kind: 'tweak', note: 'Acceptance criteria clarified' }, subject: random.pick(open).key };
}

/** Applies the change to the true items (rank order matters: work is taken from the top). */
function applyTruly(items: TrueItem[], change: Change, subject: string, incoming: TrueItem | undefined): TrueItem[] {
  const at = items.findIndex((item) => item.key === subject);
  switch (change.kind) {
    case 'add': {
      if (!incoming) return items;
      // Goal work goes right after the last goal item, as the engine places it; other work at the bottom.
      const lastGoal = items.findLastIndex((item) => item.goalCritical && item.finishedOnDay === null);
      if (!incoming.goalCritical) return [...items, incoming];
      return [...items.slice(0, lastGoal + 1), incoming, ...items.slice(lastGoal + 1)];
    }
    case 'remove':
    case 'defer':
      return items.filter((item) => item.key !== subject);
    case 'estimate': {
      const item = items[at]!;
      // The team learned the item's size: its true effort scales as the estimate did.
      item.effort *= change.points / (item.points ?? 3);
      return items;
    }
    case 'rerank': {
      const item = items[at]!;
      const others = items.filter((other) => other !== item);
      return change.target.position === 'top' ? [item, ...others] : [...others, item];
    }
    default:
      return items;
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Working day `day` (0-based) of a sprint starting on a Monday, as a calendar date offset. */
function calendarOffsetOf(day: number): number {
  return day + 2 * Math.floor(day / 5);
}

function pickKind(random: WorldRandom, weights: WorldMix['kindWeights']): TeamKind {
  const kinds = TEAM_KINDS.filter((kind) => (weights[kind.name] ?? 0) > 0);
  const total = kinds.reduce((sum, kind) => sum + weights[kind.name]!, 0);
  let left = random.uniform() * total;
  for (const kind of kinds) {
    left -= weights[kind.name]!;
    if (left < 0) return kind;
  }
  return kinds[kinds.length - 1]!;
}

export function generateCase(seed: number, index: number, mix: WorldMix = PRIMARY_WORLD): BacktestCase {
  const random = new WorldRandom(seed * 1_000_003 + index);
  const kind = pickKind(random, mix.kindWeights);
  const team: Team = {
    kind,
    random,
    pace: random.between(1.5, 7),
    trendPerSprint: random.between(-kind.trend, kind.trend),
    bias: random.between(0.8, 1.35),
    unestimatedShare: random.chance(0.3) ? random.between(0.03, 0.15) : 0,
    nextKey: 1,
  };
  const historyLength = random.pick(mix.historyLengths);
  // Warm-up sprints the engine never sees, so the current sprint starts with realistic carry-over.
  const played = playHistory(team, historyLength + 2);
  const visible = played.history.slice(2).map((sprint, i) => ({ ...sprint, sprintId: i + 1, name: `Sprint ${i + 1}` }));
  const dailyKnown = random.chance(mix.dailyKnown);
  const history = withTraps(team, dailyKnown ? visible : visible.map(({ dailyCompletedPoints: _daily, ...totals }) => totals));

  // The current sprint: planned like the others, goal items mostly at the top.
  const recent = played.recentPoints.slice(-3);
  const planned = (recent.reduce((a, b) => a + b, 0) / Math.max(1, recent.length)) * random.between(mix.planLoad[0], mix.planLoad[1]);
  const items = plan(team, played.carried, Math.max(4, planned));
  // Goal work spans most of the sprint, mostly ranked first, with stretch work in between.
  items.forEach((item, rank) => {
    item.goalCritical = random.chance(rank < (items.length * 2) / 3 ? 0.5 : 0.15);
  });
  if (!items.some((item) => item.goalCritical)) items[0]!.goalCritical = true;

  const sprintIndex = historyLength + 2;
  const holidays = holidaysOf(team, SPRINT_WORKING_DAYS);
  const pace = sprintPace(team, sprintIndex);
  const effort = dailyEffort(team, pace, SPRINT_WORKING_DAYS, holidays);

  // The snapshot: part-way through a working day, or on the weekend in between.
  const weekend = random.chance(0.15);
  const day = weekend ? 5 : random.int(1, SPRINT_WORKING_DAYS - 2);
  const dayShare = weekend ? 0 : random.between(0, 1);
  for (let d = 0; d < day; d++) workDay(items, effort[d]!, kind.wip, d, sprintIndex);
  workDay(items, effort[day]! * dayShare, kind.wip, day, sprintIndex);
  const nowMs = weekend
    ? SPRINT_START + 5 * DAY_MS + random.between(0, 2) * DAY_MS
    : SPRINT_START + calendarOffsetOf(day) * DAY_MS + dayShare * 8 * 3_600_000;
  const statusAtSnapshot = new Map(
    items.map((item) => [item.key, item.finishedOnDay !== null ? 'done' : item.progress > 0 ? 'in-progress' : 'todo'] as const),
  );
  const snapshotStatus = (item: TrueItem) => statusAtSnapshot.get(item.key) ?? 'todo';
  // Working day w (counted across sprints) at 09:00; sprints are back to back, two weeks each.
  const startedAt = (workingDay: number): string => {
    const relative = workingDay - sprintIndex * SPRINT_WORKING_DAYS;
    return iso(Math.min(nowMs, SPRINT_START + calendarOffsetOf(relative) * DAY_MS));
  };
  const issues = items.map((item) => toIssue(item, snapshotStatus(item), startedAt));

  const { change, subject, incoming } = randomChange(team, items, snapshotStatus);
  // Holidays ahead the team declared in the capacity input (most teams do, some forget).
  const holidaysAhead = [...holidays].filter((d) => d > day).length;
  const declared = holidaysAhead > 0 && random.chance(0.7);

  const input: AssessmentInput = {
    snapshot: {
      sprint: {
        id: 100,
        boardId: 1,
        name: 'Current sprint',
        state: 'active',
        goal: 'The sprint goal',
        startDate: iso(SPRINT_START),
        endDate: iso(SPRINT_START + 11 * DAY_MS + 8 * 3_600_000),
      },
      issues,
      estimation: 'points',
    },
    history,
    issueKey: subject,
    change,
    ...(incoming ? { incoming: toIssue(incoming, 'todo') } : {}),
    now: iso(nowMs),
    ...(declared ? { capacity: { availability: 1, daysOff: holidaysAhead } } : {}),
  };

  // The truth played out: the change applied, the rest of today and the days left worked.
  // The sprint without the change is copied first, as applying a change re-sizes items in place.
  const untouched = items.map((item) => ({ ...item }));
  const truly = applyTruly(items, change, subject, incoming);
  const playOut = (work: TrueItem[], effortOn: (d: number) => number): boolean => {
    workDay(work, effortOn(day) * (1 - dayShare), kind.wip, day, sprintIndex);
    for (let d = day + 1; d < SPRINT_WORKING_DAYS; d++) workDay(work, effortOn(d), kind.wip, d, sprintIndex);
    return work.filter((item) => item.goalCritical).every((item) => item.finishedOnDay !== null);
  };
  // Before the truth is played, the oracle replays the rest of the sprint from the same state
  // with fresh days (its own generator, so the world's draws are untouched). Each replay's days
  // are played with the change and without it (paired), so the replays in which the change alone
  // made the difference tell the change's true share of the misses.
  const oracleRandom = new WorldRandom((seed * 1_000_003 + index) ^ 0x0c1e);
  let oracleMet = 0;
  let oracleCausedMisses = 0;
  for (let replay = 0; replay < ORACLE_REPLAYS; replay++) {
    const days = Array.from({ length: SPRINT_WORKING_DAYS }, (_, d) =>
      d >= day ? dayEffort(kind, oracleRandom, pace, holidays.has(d)) : 0,
    );
    const replayed = (items: readonly TrueItem[]) =>
      playOut(
        items.map((item) => ({ ...item })),
        (d) => days[d]!,
      );
    const metWith = replayed(truly);
    const metWithout = replayed(untouched);
    if (metWith) oracleMet++;
    else if (metWithout) oracleCausedMisses++;
  }
  const met = playOut(truly, (d) => effort[d]!);
  const metWithoutChange = playOut(untouched, (d) => effort[d]!);

  const usable = visible.filter((sprint) => sprint.completedPoints > 0);
  const meanRate =
    usable.length > 0 ? usable.reduce((sum, sprint) => sum + sprint.completedPoints / sprint.workingDays, 0) / usable.length : 0;
  const daysLeft = SPRINT_WORKING_DAYS - day - dayShare;
  const openAfter = truly.filter((item) => snapshotStatus(item) !== 'done');
  const lastGoal = openAfter.findLastIndex((item) => item.goalCritical);
  const requiredWork = openAfter.slice(0, lastGoal + 1).reduce((sum, item) => sum + (item.points ?? 3), 0);
  return {
    team: kind.name,
    input,
    met,
    metWithoutChange,
    oracle: oracleMet / ORACLE_REPLAYS,
    sprintPointsPerDay: pace / team.bias,
    oracleCausedMiss: oracleCausedMisses / ORACLE_REPLAYS,
    capacityLine: { capacity: meanRate * daysLeft, requiredWork },
  };
}

export function generateWorld(seed: number, teams: number, mix: WorldMix = PRIMARY_WORLD): BacktestCase[] {
  return Array.from({ length: teams }, (_, index) => generateCase(seed, index, mix));
}
