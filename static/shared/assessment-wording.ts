/**
 * An assessment's reasons and suggestions in the user's language, phrased from each reason's
 * code, its figures and the assessment's unit (points or issues). The backend's English sentence
 * is the fallback only for what this front end cannot phrase: a reason code from a newer backend,
 * or figures it cannot read (a snapshot stored before assessments said their unit).
 */
import type { Assessment, AssessmentReason, Suggestion, WorkUnit } from '../../src/domain/assessment';
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

/** How the figures of one assessment read: work in its unit, probabilities as percentages. */
interface FigureWording {
  /** "P(goal)", or "P(all work done)" when the assessment judges capacity only. */
  readonly label: string;
  /** Snapshots stored before assessments carried their unit have none. */
  readonly unit: WorkUnit | undefined;
  readonly basis: Assessment['basis'];
  /** An amount of work with its unit, e.g. "3 pts" or "3 Vorgänge". */
  work(value: Figure): string | undefined;
  percent(value: Figure): string | undefined;
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
      return { key: 'shared.assessment.reason.goal-item-removed', params: { issueKey: figures.issueKey } };
    case 'goal-item-below-line':
      return { key: 'shared.assessment.reason.goal-item-below-line', params: { issueKey: figures.issueKey, work: wording.work(figures.work) } };
    case 'p-goal-low':
      return {
        key: 'shared.assessment.reason.p-goal-low',
        params: { label: wording.label, pGoal: wording.percent(figures.pGoal), threshold: wording.percent(figures.threshold) },
      };
    case 'p-goal-drop':
      return {
        key: 'shared.assessment.reason.p-goal-drop',
        params: { label: wording.label, pGoalBefore: wording.percent(figures.pGoalBefore), pGoalAfter: wording.percent(figures.pGoalAfter) },
      };
    case 'scope-added':
      return {
        key: 'shared.assessment.reason.scope-added',
        // Before → after reads as one quantity: the unit is said once, after the arrow.
        params: { added: wording.work(figures.added), workLeftBefore: figures.workLeftBefore, workLeftAfter: wording.work(figures.workLeftAfter) },
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
      return { key: 'shared.assessment.reason.capacity-only', params: { workLeft: wording.work(figures.workLeft), capacityP50: wording.work(figures.capacityP50) } };
    default:
      return fromNewerBackend(code);
  }
}

/** The forecast fell back from team history; the figures say from what. */
function lowConfidencePhrasing(figures: AssessmentReason['figures'], wording: FigureWording): Phrasing | null {
  switch (wording.basis) {
    case 'sprint-pace':
      return { key: 'shared.assessment.reason.low-confidence-forecast.sprint-pace', params: { doneWork: wording.work(figures.doneWork), count: figures.elapsedDays } };
    case 'none':
      return { key: 'shared.assessment.reason.low-confidence-forecast.none', params: { committedWork: wording.work(figures.committedWork), count: figures.totalDays } };
    case 'history':
      return null;
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
      return {
        key: 'shared.assessment.suggestion.defer',
        params: {
          issueKeys: wording.list(suggestion.issueKeys),
          work: wording.work(suggestion.points),
          label: wording.label,
          pGoalAfter: wording.percent(suggestion.pGoalAfter),
        },
      };
    case 'split':
      return { key: 'shared.assessment.suggestion.split', params: { issueKey: suggestion.issueKey, work: wording.work(suggestion.points) } };
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

