/**
 * One apply step in plain words, from the facts the journal records (src/domain/apply-step-facts.ts),
 * never from the backend's English: "Moved ONB-74 into Sprint 7 — checked in Jira", "Nicht
 * gelungen: ONB-74 in Sprint 7 verschieben". Steps recorded before Goalkeeper kept facts keep
 * their stable name and outcome.
 */
import { type ApplyStep, type ApplyStepFacts, checkedInJira } from '@goalkeeper/contract';
import type { ProposalPartKey, ProposalPartTranslator } from './i18n/proposal-part-messages';

/** Sprint id → name, for the sprints the page knows (a move's facts may carry the name themselves). */
export type SprintNames = Readonly<Record<number, string>>;

const OUTCOME: Readonly<Record<ApplyStep['status'], ProposalPartKey>> = {
  started: 'shared.apply.step.started',
  done: 'shared.apply.step.done',
  failed: 'shared.apply.step.failed',
};

export function describeApplyStep(translator: ProposalPartTranslator, step: ApplyStep, sprintNames: SprintNames = {}): string {
  const { t } = translator;
  if (!step.facts) return t('shared.step.unnamed', { name: step.name, outcome: t(OUTCOME[step.status]) });
  switch (step.status) {
    case 'done': {
      const done = phrase(translator, step.facts, 'done', sprintNames);
      const checked = checkedInJira(step.facts) ? t('shared.step.checked', { step: done }) : done;
      return step.createdKeys && step.createdKeys.length > 0
        ? t('shared.step.created', { step: checked, keys: step.createdKeys.join(', ') })
        : checked;
    }
    case 'started':
      return t('shared.step.started', { step: phrase(translator, step.facts, 'todo', sprintNames) });
    case 'failed':
      return t('shared.step.failed', { step: phrase(translator, step.facts, 'todo', sprintNames) });
  }
}

function phrase(translator: ProposalPartTranslator, facts: ApplyStepFacts, tense: 'done' | 'todo', sprintNames: SprintNames): string {
  const { t } = translator;
  const sprint = (id: number, name?: string) => name ?? sprintNames[id] ?? t('shared.step.sprint', { id });
  const points = (count: number) => t('shared.points.count', { count });
  switch (facts.kind) {
    case 'move-into-sprint':
      return t(`shared.step.move-into-sprint.${tense}`, { key: facts.issueKey, sprint: sprint(facts.sprintId, facts.sprintName) });
    case 'move-to-backlog':
      return t(`shared.step.move-to-backlog.${tense}`, { key: facts.issueKey });
    case 'rank':
      return t(`shared.step.rank-${facts.position}.${tense}`, { keys: facts.issueKeys.join(', '), anchor: facts.anchorKey });
    case 'rank-below-goal':
      return t(`shared.step.rank-below-goal.${tense}`, { keys: facts.issueKeys.join(', ') });
    case 'place-with-goal':
      return t(`shared.step.place-with-goal.${tense}`, { key: facts.issueKey });
    case 'nothing-to-rank':
      return t(`shared.step.nothing-to-rank.${tense}`, { key: facts.issueKey });
    case 'set-priority':
      return t(`shared.step.set-priority.${tense}`, { key: facts.issueKey, priority: facts.priorityName });
    case 'set-estimate':
      return t(`shared.step.set-estimate.${tense}`, { key: facts.issueKey, points: points(facts.points) });
    case 'create-split-part':
      return t(`shared.step.create-split-part.${tense}`, {
        summary: facts.summary,
        points: points(facts.points),
        key: facts.sourceKey,
        sprint: sprint(facts.sprintId),
      });
    case 'comment':
      return t(`shared.step.comment.${tense}`, { key: facts.issueKey });
    case 'comment-skipped':
      return t(`shared.step.comment-skipped.${tense}`, { key: facts.issueKey });
  }
}
