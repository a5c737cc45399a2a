/** Everything a burn-up step says, for the chart's tooltip and the table alike, so both tell the same story. */
import type { ReadySprintView, ScopeStep } from '@goalkeeper/contract';
import { nameOf } from '../../../shared/people';
import type { GadgetTranslator } from '../messages/catalogue';
import { describeScopeChange, pointsMoved } from '../scope-change-wording';

export interface StepStory {
  readonly when: string;
  readonly what: string;
  readonly moved: string;
  readonly scopeAfter: string;
  readonly route: string;
  /** The decider's rationale, or the Product Owner's review of a bypassed change; null when nobody gave one. */
  readonly rationale: string | null;
}

export function storyOf(translator: GadgetTranslator, step: ScopeStep, state: Pick<ReadySprintView, 'people' | 'bypassed'>): StepStory {
  const { t, formatDateTime } = translator;
  const scopeAfter = t('shared.points.count', { count: step.scope });
  const when = formatDateTime(step.at);
  const { change } = step;
  if (!change) return { when, what: t('burnUp.committed'), moved: '', scopeAfter, route: '', rationale: null };
  const review = change.source === 'bypassed' ? (state.bypassed.find((bypassed) => bypassed.id === change.id)?.review ?? null) : null;
  const who = nameOf(translator, state.people, change.actorAccountId);
  return {
    when,
    what: describeScopeChange(translator, change),
    moved: pointsMoved(translator, change),
    scopeAfter,
    route: change.source === 'goalkeeper' ? t('burnUp.route.goalkeeper', { name: who }) : t('burnUp.route.bypassed', { name: who }),
    rationale: change.rationale ?? review?.note ?? null,
  };
}
