/**
 * An assessment's reasons and suggestions in the user's language, phrased from each reason's
 * code, its figures and the assessment's unit (points or issues). The backend's English sentence
 * is the fallback only for what this front end cannot phrase: a reason code from a newer backend,
 * or figures it cannot read (a snapshot stored before assessments said their unit).
 */
import type { Assessment, AssessmentReason, CounterChange, ProductOwnerReason, Suggestion, WorkUnit } from '@goalkeeper/contract';
import type { ProposalPartKey, ProposalPartTranslator } from './i18n/proposal-part-messages';

type Figure = AssessmentReason['figures'][string] | undefined;

/** A message and its parameters; a parameter left undefined is one the figures could not fill. */
interface Phrasing {
  readonly key: ProposalPartKey;
  readonly params?: Readonly<Record<string, string | number | undefined>>;
}

const WORK_KEYS: Readonly<Record<WorkUnit, ProposalPartKey>> = {
  points: 'shared.assessment.work.points',
  issues: 'shared.assessment.work.issues',
};

const UNRESOLVED_PLACEHOLDER = /\{\w+\}/;

/** Below this or above 1 − this a forecast is shown as "< 5%" / "> 95%" (as EXTREME_CHANCE in the domain's wording). */
const EXTREME_CHANCE = 0.05;

/**
 * A forecast chance as a person should read it (issue 13): a model is never sure, so "< 5%" and
 * "> 95%" rather than 0% and 100% — unless `certain` by arithmetic (nothing left to do, or no
 * time left to do it), which the assessment's figures flag.
 */
export function describeChance(translator: ProposalPartTranslator, probability: number, certain = false): string {
  if (!certain && probability < EXTREME_CHANCE)
    return translator.t('shared.assessment.chance.below', { percent: translator.formatPercent(EXTREME_CHANCE) });
  if (!certain && probability > 1 - EXTREME_CHANCE)
    return translator.t('shared.assessment.chance.above', { percent: translator.formatPercent(1 - EXTREME_CHANCE) });
  return translator.formatPercent(probability);
}

/** How the figures of one assessment read: work in its unit, probabilities as percentages. */
interface FigureWording {
  /** "P(goal)", or "P(all work done)" when the assessment judges capacity only. */
  readonly label: string;
  /** Snapshots stored before assessments carried their unit have none. */
  readonly unit: WorkUnit | undefined;
  readonly basis: Assessment['basis'];
  /** An amount of work with its unit, e.g. "3 pts" or "3 Vorgänge". */
  work(value: Figure): string | undefined;
  /** A threshold or share: plain percent. */
  percent(value: Figure): string | undefined;
  /** A forecast chance: "< 5%" / "> 95%" at the extremes unless certain by arithmetic. */
  chance(value: Figure, certain?: boolean): string | undefined;
  /** Whether the assessment's before / after chance is certain by arithmetic. */
  readonly certainBefore: boolean;
  readonly certainAfter: boolean;
  list(values: readonly string[]): string;
}

function figureWording(translator: ProposalPartTranslator, assessment: Assessment): FigureWording {
  // Without goal-critical items (or goal text) the engine forecasts all work, not the goal.
  const judgesAllWork = assessment.reasons.some((reason) => reason.code === 'no-goal' || reason.code === 'no-goal-critical-items');
  const unit = assessment.unit === 'points' || assessment.unit === 'issues' ? assessment.unit : undefined;
  return {
    label: translator.t(judgesAllWork ? 'shared.assessment.pAllWork' : 'shared.assessment.pGoal'),
    unit,
    basis: assessment.basis,
    work: (value) => (typeof value === 'number' && unit ? translator.t(WORK_KEYS[unit], { count: value }) : undefined),
    percent: (value) => (typeof value === 'number' ? translator.formatPercent(value) : undefined),
    chance: (value, certain = false) => (typeof value === 'number' ? describeChance(translator, value, certain) : undefined),
    certainBefore: assessment.before.certain === true,
    certainAfter: assessment.after.certain === true,
    list: (values) => new Intl.ListFormat(translator.locale, { type: 'conjunction' }).format(values),
  };
}

function reasonPhrasing({ code, figures }: AssessmentReason, wording: FigureWording): Phrasing | null {
  switch (code) {
    case 'goal-work-exceeds-capacity': {
      const ranked = Number(figures.requiredWork) > Number(figures.goalCriticalWorkLeft);
      return {
        key: ranked ? 'shared.assessment.reason.goal-work-exceeds-capacity.ranked' : 'shared.assessment.reason.goal-work-exceeds-capacity',
        params: {
          goalCriticalWorkLeft: wording.work(figures.goalCriticalWorkLeft),
          requiredWork: wording.work(figures.requiredWork),
          capacityP50: wording.work(figures.capacityP50),
        },
      };
    }
    case 'goal-item-removed':
      return {
        key: 'shared.assessment.reason.goal-item-removed',
        params: { issueKey: figures.issueKey, label: wording.label, pGoalRest: wording.chance(figures.pGoalRest, wording.certainAfter) },
      };
    case 'goal-item-below-line':
      return {
        key: 'shared.assessment.reason.goal-item-below-line',
        params: { issueKey: figures.issueKey, work: wording.work(figures.work) },
      };
    case 'p-goal-low':
      return {
        key: 'shared.assessment.reason.p-goal-low',
        params: {
          label: wording.label,
          pGoal: wording.chance(figures.pGoal, wording.certainAfter),
          threshold: wording.percent(figures.threshold),
        },
      };
    case 'p-goal-drop':
      return {
        key: 'shared.assessment.reason.p-goal-drop',
        params: {
          label: wording.label,
          pGoalBefore: wording.chance(figures.pGoalBefore, wording.certainBefore),
          pGoalAfter: wording.chance(figures.pGoalAfter, wording.certainAfter),
        },
      };
    case 'p-goal-rise':
      return {
        key: 'shared.assessment.reason.p-goal-rise',
        params: {
          label: wording.label,
          pGoalBefore: wording.chance(figures.pGoalBefore, wording.certainBefore),
          pGoalAfter: wording.chance(figures.pGoalAfter, wording.certainAfter),
        },
      };
    case 'no-effect':
      return {
        key: 'shared.assessment.reason.no-effect',
        params: { label: wording.label, pGoal: wording.chance(figures.pGoal, wording.certainAfter) },
      };
    case 'sprint-past-end':
      return {
        key: 'shared.assessment.reason.sprint-past-end',
        params: { endDate: typeof figures.endDate === 'string' ? figures.endDate.slice(0, 10) : undefined },
      };
    case 'history-set-aside':
      return figures.why === 'no-points' || figures.why === 'too-short'
        ? { key: `shared.assessment.reason.history-set-aside.${figures.why}`, params: { sprintNames: figures.sprintNames } }
        : null;
    case 'unestimated-at-median':
      return {
        key: 'shared.assessment.reason.unestimated-at-median',
        params: { issueKeys: figures.issueKeys, median: wording.work(figures.median), low: figures.low, high: wording.work(figures.high) },
      };
    case 'estimate-ignored':
      return { key: 'shared.assessment.reason.estimate-ignored', params: { issueKeys: figures.issueKeys } };
    case 'in-progress-assumed':
      return {
        key: 'shared.assessment.reason.in-progress-assumed',
        params: { issueKeys: figures.issueKeys, doneShare: wording.percent(figures.doneShare) },
      };
    case 'in-progress-by-age':
      return {
        key: 'shared.assessment.reason.in-progress-by-age',
        params: { issueKeys: figures.issueKeys, perItemDay: wording.work(figures.perItemDay) },
      };
    case 'scope-added':
      return {
        key: 'shared.assessment.reason.scope-added',
        // Before → after reads as one quantity: the unit is said once, after the arrow.
        params: {
          added: wording.work(figures.added),
          workLeftBefore: figures.workLeftBefore,
          workLeftAfter: wording.work(figures.workLeftAfter),
        },
      };
    case 'low-confidence-forecast':
      return lowConfidencePhrasing(figures, wording);
    case 'no-goal':
      return { key: 'shared.assessment.reason.no-goal' };
    case 'no-goal-critical-items':
      return { key: 'shared.assessment.reason.no-goal-critical-items' };
    case 'no-estimates':
      return noEstimatesPhrasing(figures, wording);
    case 'no-active-sprint':
      return { key: 'shared.assessment.reason.no-active-sprint', params: { count: figures.workingDaysLeft } };
    case 'capacity-only':
      return {
        key: 'shared.assessment.reason.capacity-only',
        params: { workLeft: wording.work(figures.workLeft), capacityP50: wording.work(figures.capacityP50) },
      };
    default:
      return fromNewerBackend(code);
  }
}

/** The forecast fell back from team history; the figures say from what. */
function lowConfidencePhrasing(figures: AssessmentReason['figures'], wording: FigureWording): Phrasing | null {
  switch (wording.basis) {
    case 'sprint-pace':
      return {
        key: 'shared.assessment.reason.low-confidence-forecast.sprint-pace',
        params: { doneWork: wording.work(figures.doneWork), count: figures.elapsedDays },
      };
    case 'none':
      return {
        key: 'shared.assessment.reason.low-confidence-forecast.none',
        params: { committedWork: wording.work(figures.committedWork), count: figures.totalDays },
      };
    case 'history':
      return typeof figures.sprintsUsed === 'number'
        ? { key: 'shared.assessment.reason.low-confidence-forecast.history', params: { count: figures.sprintsUsed } }
        : null;
  }
}

/** A board without estimates counts issues; a points board counts its unestimated items as 0. */
function noEstimatesPhrasing(figures: AssessmentReason['figures'], wording: FigureWording): Phrasing | null {
  switch (wording.unit) {
    case 'issues':
      return { key: 'shared.assessment.reason.no-estimates.issues' };
    case 'points':
      return { key: 'shared.assessment.reason.no-estimates.points', params: { count: figures.unestimated } };
    case undefined:
      return null;
  }
}

/** The compiler sees every code handled; at run time a newer backend may still send one this UI does not know. */
function fromNewerBackend(_code: never): null {
  return null;
}

function suggestionPhrasing(suggestion: Suggestion, wording: FigureWording): Phrasing {
  switch (suggestion.kind) {
    case 'defer-to-make-room':
    case 'rank-below-goal':
      return {
        key:
          suggestion.kind === 'defer-to-make-room' ? 'shared.assessment.suggestion.defer' : 'shared.assessment.suggestion.rank-below-goal',
        params: {
          issueKeys: wording.list(suggestion.issueKeys),
          work: wording.work(suggestion.points),
          label: wording.label,
          pGoalAfter: wording.chance(suggestion.pGoalAfter),
        },
      };
    case 'split':
      // Splits stored before issue 13 carry no resulting chance: they keep the older wording.
      return suggestion.pGoalAfter === undefined
        ? { key: 'shared.assessment.suggestion.split', params: { issueKey: suggestion.issueKey, work: wording.work(suggestion.points) } }
        : {
            key: 'shared.assessment.suggestion.split.helps',
            params: {
              issueKey: suggestion.issueKey,
              work: wording.work(suggestion.points),
              label: wording.label,
              pGoalAfter: wording.chance(suggestion.pGoalAfter),
            },
          };
  }
}

/** The phrased message, or the fallback when there is no phrasing or a figure it needs is missing. */
function phrase(translator: ProposalPartTranslator, phrasing: Phrasing | null | undefined, fallback: string): string {
  // Undefined: a value (a basis, a suggestion kind) from a newer backend than this front end.
  if (!phrasing) return fallback;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrasing.params ?? {})) {
    if (value !== undefined) params[name] = value;
  }
  const text = translator.t(phrasing.key, params);
  return UNRESOLVED_PLACEHOLDER.test(text) ? fallback : text;
}

export function describeReason(translator: ProposalPartTranslator, reason: AssessmentReason, assessment: Assessment): string {
  return phrase(translator, reasonPhrasing(reason, figureWording(translator, assessment)), reason.message);
}

export function describeSuggestion(translator: ProposalPartTranslator, suggestion: Suggestion, assessment: Assessment): string {
  return phrase(translator, suggestionPhrasing(suggestion, figureWording(translator, assessment)), suggestion.message);
}

/** The label an assessment's chance goes by: "P(goal)", or "P(all work done)" when it judges capacity only. */
export function chanceLabel(translator: ProposalPartTranslator, assessment: Assessment): string {
  return figureWording(translator, assessment).label;
}

/**
 * The change's own effect, apart from the sprint's chance (issue 13): ΔP in percentage points with
 * its 95% range. Null for snapshots stored before assessments carried it.
 */
export function describeEffect(translator: ProposalPartTranslator, assessment: Assessment): string | null {
  const effect = assessment.effect;
  if (!effect) return null;
  if (effect.direction === 'none') return translator.t('shared.assessment.effect.none');
  const points = (value: number) => translator.formatNumber(Math.round(Math.abs(value) * 1000) / 10);
  // The range is of the size of the change, so it reads from the smaller move to the larger.
  const [near, far] = effect.direction === 'lowers' ? [effect.high, effect.low] : [effect.low, effect.high];
  return translator.t(`shared.assessment.effect.${effect.direction}`, {
    delta: points(effect.delta),
    low: points(near),
    high: points(far),
  });
}

/** Work made room with, as a step: "Defer ONB-55 and ONB-56 to the next sprint". */
export function describeCounterChange(translator: ProposalPartTranslator, counter: CounterChange): string {
  return translator.t(`shared.counter.${counter.kind}`, { issueKeys: listOf(translator, counter.issueKeys) });
}

/** A Product Owner's condition, as the proposer reads it: "Approved if ONB-55 is deferred". */
export function describeCondition(translator: ProposalPartTranslator, condition: CounterChange): string {
  return translator.t(`shared.condition.${condition.kind}`, {
    issueKeys: listOf(translator, condition.issueKeys),
    count: condition.issueKeys.length,
  });
}

/** Who decides a change, and why (the backend's `approvalRoute().because`); null: the Developers. */
export function describeApprovalReason(translator: ProposalPartTranslator, because: ProductOwnerReason | null): string {
  return translator.t(because === null ? 'shared.approval.developers' : `shared.approval.${because}`);
}

function listOf(translator: ProposalPartTranslator, values: readonly string[]): string {
  return new Intl.ListFormat(translator.locale, { type: 'conjunction' }).format(values);
}
