/**
 * An assessment's reasons and suggestions in the user's language. The backend sends each reason
 * as an English sentence plus its figures; reasons whose figures say everything (probabilities,
 * issue keys) are phrased here from the figures, the rest keep the backend's sentence because
 * their figures do not carry the unit (points or issues) the sentence needs.
 */
import type { Assessment, AssessmentReason, ReasonCode, Suggestion } from '../../src/domain/assessment';
import type { ProposalPartKey, ProposalPartTranslator } from './i18n/proposal-part-messages';

const PHRASED_REASONS: Partial<Readonly<Record<ReasonCode, ProposalPartKey>>> = {
  'goal-item-removed': 'shared.assessment.reason.goal-item-removed',
  'p-goal-low': 'shared.assessment.reason.p-goal-low',
  'p-goal-drop': 'shared.assessment.reason.p-goal-drop',
  'no-goal': 'shared.assessment.reason.no-goal',
  'no-goal-critical-items': 'shared.assessment.reason.no-goal-critical-items',
};

/** Figures that are probabilities (0..1) and read as percentages. */
const PROBABILITY_FIGURES: ReadonlySet<string> = new Set(['pGoal', 'threshold', 'pGoalBefore', 'pGoalAfter', 'drop']);

const UNRESOLVED_PLACEHOLDER = /\{\w+\}/;

/** Without goal-critical items (or goal text) the engine forecasts all work, not the goal. */
function judgesAllWork(assessment: Assessment): boolean {
  return assessment.reasons.some((reason) => reason.code === 'no-goal' || reason.code === 'no-goal-critical-items');
}

function phrase(
  translator: ProposalPartTranslator,
  key: ProposalPartKey | undefined,
  figures: Readonly<Record<string, number | string>>,
  assessment: Assessment,
  fallback: string,
): string {
  if (!key) return fallback;
  const params: Record<string, string | number> = {
    label: translator.t(judgesAllWork(assessment) ? 'shared.assessment.pAllWork' : 'shared.assessment.pGoal'),
  };
  for (const [name, value] of Object.entries(figures)) {
    params[name] = typeof value === 'number' && PROBABILITY_FIGURES.has(name) ? translator.formatPercent(value) : value;
  }
  const text = translator.t(key, params);
  return UNRESOLVED_PLACEHOLDER.test(text) ? fallback : text;
}

export function describeReason(translator: ProposalPartTranslator, reason: AssessmentReason, assessment: Assessment): string {
  return phrase(translator, PHRASED_REASONS[reason.code], reason.figures, assessment, reason.message);
}

export function describeSuggestion(translator: ProposalPartTranslator, suggestion: Suggestion, assessment: Assessment): string {
  switch (suggestion.kind) {
    case 'defer-to-make-room':
      return phrase(
        translator,
        'shared.assessment.suggestion.defer',
        { issueKeys: suggestion.issueKeys.join(', '), pGoalAfter: suggestion.pGoalAfter },
        assessment,
        suggestion.message,
      );
    case 'split':
      return phrase(translator, 'shared.assessment.suggestion.split', { issueKey: suggestion.issueKey }, assessment, suggestion.message);
  }
}
