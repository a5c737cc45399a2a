/**
 * The goal-risk assessment of one proposed change: the contract between the engine
 * (goal-risk.ts), the use cases that store snapshots of it, and the front ends that show it.
 */
import type { Change, CounterChange } from './change';
import type { SprintHistory, SprintIssue, SprintSnapshot } from './sprint';

export type RiskLevel = 'safe' | 'caution' | 'threat';

/** What work is counted in: story points, or issues (1 each) where the board does not estimate. */
export type WorkUnit = 'points' | 'issues';

export type ReasonCode =
  | 'goal-work-exceeds-capacity'
  | 'goal-item-removed'
  | 'goal-item-below-line'
  | 'p-goal-low'
  | 'p-goal-drop'
  | 'scope-added'
  | 'low-confidence-forecast'
  | 'no-goal'
  | 'no-goal-critical-items'
  | 'no-estimates'
  | 'no-active-sprint'
  | 'capacity-only'
  | 'p-goal-rise'
  | 'no-effect'
  | 'sprint-past-end'
  | 'history-set-aside'
  | 'unestimated-at-median'
  | 'estimate-ignored'
  | 'in-progress-assumed'
  | 'in-progress-by-age';

/** One reason for the level, with the figures behind it so the UI can phrase and localise it. */
export interface AssessmentReason {
  readonly code: ReasonCode;
  /** Plain English sentence with the numbers; the UI may re-phrase it from `figures`. */
  readonly message: string;
  readonly figures: Readonly<Record<string, number | string>>;
}

export type Suggestion =
  | {
      readonly kind: 'defer-to-make-room';
      readonly issueKeys: readonly string[];
      readonly points: number;
      /** P(goal) if the proposal and these deferrals were all applied. */
      readonly pGoalAfter: number;
      readonly message: string;
    }
  | {
      /**
       * Keep the items in the sprint but rank them below the last goal-critical item. They still take
       * part of the team's effort while the goal is open, so P(goal) can be below deferring them.
       */
      readonly kind: 'rank-below-goal';
      readonly issueKeys: readonly string[];
      readonly points: number;
      readonly pGoalAfter: number;
      readonly message: string;
    }
  | {
      readonly kind: 'split';
      readonly issueKey: string;
      readonly points: number;
      readonly message: string;
      /** P(goal) if the goal-critical half is kept and the rest is ranked below the goal (absent in older snapshots). */
      readonly pGoalAfter?: number;
    };

/** Every suggestion that makes room is a counter-change: picking it assesses and applies the pair as one. */
export function counterChangeOf(suggestion: Suggestion): CounterChange | null {
  switch (suggestion.kind) {
    case 'defer-to-make-room':
      return { kind: 'defer', issueKeys: suggestion.issueKeys };
    case 'rank-below-goal':
      return { kind: 'rank-below-goal', issueKeys: suggestion.issueKeys };
    case 'split':
      return null;
  }
}

export interface CapacityLine {
  /** Number of ranked, not-done items that fit in the expected capacity (P50). */
  readonly index: number;
  readonly aboveKeys: readonly string[];
  readonly belowKeys: readonly string[];
}

export interface ForecastFigures {
  /** Probability, 0..1, that all goal-critical work is done by the sprint end. */
  readonly pGoal: number;
  /** Points completable by sprint end at 50% / 85% confidence. */
  readonly p50Points: number;
  readonly p85Points: number;
  readonly goalCriticalPointsLeft: number;
  readonly totalPointsLeft: number;
  readonly capacityLine: CapacityLine;
  /**
   * Whether pGoal is certain by arithmetic (no goal work left, or no time left for work that is):
   * only then may it read 0% or 100%; otherwise the UI says "< 5%" / "> 95%" at the extremes.
   */
  readonly certain?: boolean;
}

/** What the change itself does to P(goal): after − before on the same trials, with a range. */
export interface ChangeEffect {
  readonly delta: number;
  /** 95% interval of the delta across batches of trials (Monte Carlo noise, common random numbers). */
  readonly low: number;
  readonly high: number;
  readonly direction: 'lowers' | 'none' | 'raises';
}

export interface Assessment {
  readonly level: RiskLevel;
  readonly reasons: readonly AssessmentReason[];
  readonly before: ForecastFigures;
  readonly after: ForecastFigures;
  readonly suggestions: readonly Suggestion[];
  /** What every work figure (points, capacity, work left) is counted in, so the UI can say so. */
  readonly unit: WorkUnit;
  readonly workingDaysLeft: number;
  readonly trials: number;
  readonly seed: number;
  /** 'history' when closed sprints fed the forecast, 'sprint-pace' when thin data forced a fallback. */
  readonly basis: 'history' | 'sprint-pace' | 'none';
  readonly assessedAt: string;
  /** The change's own effect on P(goal); absent in snapshots stored before issue 13. */
  readonly effect?: ChangeEffect;
  /**
   * The change takes goal-critical work out: it changes the goal, which is the PO's to renegotiate;
   * `after.pGoal` is then the chance for the rest of the goal.
   */
  readonly goalChanged?: boolean;
  /** Working time left is past the sprint's end date: no forecast, only what is already done. */
  readonly pastEnd?: boolean;
}

export interface RiskThresholds {
  /** threat when P(goal) after is below this (0..1). */
  readonly threatBelow: number;
  /** threat when P(goal) drops by at least this many percentage points (0..1). */
  readonly threatDrop: number;
  readonly cautionBelow: number;
  readonly cautionDrop: number;
}

/** A change that alone costs 30 points of the goal's chance is a threat wherever it leaves it (goal-risk.ts, judgeLevel). */
export const DEFAULT_THRESHOLDS: RiskThresholds = { threatBelow: 0.5, threatDrop: 0.3, cautionBelow: 0.8, cautionDrop: 0.05 };

/** Working days as ISO weekday numbers (1 = Monday … 7 = Sunday). */
export type WorkingDays = readonly number[];
export const DEFAULT_WORKING_DAYS: WorkingDays = [1, 2, 3, 4, 5];

/** The issue a change brings into the sprint (add, swap), as the assessment needs it. */
export type IncomingIssue = SprintIssue;

/** What the team expects of itself for the rest of the sprint, beyond the board's working days. */
export interface RestOfSprintCapacity {
  /** Share of the team's usual capacity available, 0..1 (e.g. 0.8 with one of five people away). */
  readonly availability: number;
  /** Whole working days the team is off (public holiday, offsite) before the sprint ends. */
  readonly daysOff: number;
}

export interface AssessmentInput {
  readonly snapshot: SprintSnapshot;
  readonly history: readonly SprintHistory[];
  /** Subject of the change (the proposal's issue). */
  readonly issueKey: string;
  readonly change: Change;
  /** For add/swap: the issue coming in (not in `snapshot.issues`). */
  readonly incoming?: IncomingIssue;
  readonly now: string;
  readonly workingDays?: WorkingDays;
  /** The site's time zone (IANA), whose clock the working days and hours are counted on; UTC when absent. */
  readonly timeZone?: string;
  readonly thresholds?: RiskThresholds;
  readonly trials?: number;
  readonly seed?: number;
  /** Declared capacity for the rest of the sprint; absent means the usual capacity on every working day. */
  readonly capacity?: RestOfSprintCapacity;
  /** Deferrals or re-ranks picked from a suggestion, assessed together with `change` as one. */
  readonly counterChange?: CounterChange;
}
