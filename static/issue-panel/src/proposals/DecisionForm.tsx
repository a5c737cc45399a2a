/**
 * The Product Owner's decision in the panel: the shared decision form (rationale gate, verdict,
 * expected version) with the sprint re-assessed as it is now, fetched when the form opens.
 */
import { useState } from 'react';
import { type CounterChange, counterChangeIn, counterChangeOf, type IssueSummaryView, type Proposal } from '@goalkeeper/contract';
import { AssessmentSnapshot } from '../../../shared/components/AssessmentSnapshot';
import { DecisionForm as SharedDecisionForm, type SelfDecisionNote, type Verdict } from '../../../shared/components/DecisionForm';
import { Loading } from '../../../shared/components/Loading';
import { usePanelI18n } from '../messages/catalogue';
import { useLiveAssessment } from '../propose/use-live-assessment';
import type { PanelActions } from '../use-issue-panel';

export interface DecisionFormProps {
  readonly proposal: Proposal;
  readonly minRationaleChars: number;
  readonly actions: Pick<PanelActions, 'decide' | 'preview'>;
  readonly onDecided: (verdict: Verdict) => void;
  readonly onReload: () => void;
  /** The only Product Owner deciding their own proposal: the note the policy asks for. */
  readonly selfDecision?: SelfDecisionNote;
  /** The sprint's issues as the panel shows them: the work a condition may name. */
  readonly sprintIssues: readonly IssueSummaryView[];
}

export function DecisionForm({ proposal, minRationaleChars, actions, onDecided, onReload, selfDecision, sprintIssues }: DecisionFormProps) {
  const { t } = usePanelI18n();
  // The sprint now with the proposal's own way out, or with the condition being picked.
  const [condition, setCondition] = useState<CounterChange | null>(null);
  const now = useLiveAssessment(proposal.change, actions.preview, 0, condition ?? counterChangeIn(proposal));
  // Suggestions are read from the sprint as it stands with the change alone, kept while a condition is tried.
  const [suggestions, setSuggestions] = useState<readonly CounterChange[]>([]);
  if (!condition && now.phase === 'ready' && now.assessment) {
    const offered = now.assessment.suggestions.flatMap((suggestion) => counterChangeOf(suggestion) ?? []);
    if (JSON.stringify(offered) !== JSON.stringify(suggestions)) setSuggestions(offered);
  }
  const items = sprintIssues
    .filter((issue) => !issue.goalCritical && issue.statusCategory === 'todo' && issue.key !== proposal.issueKey)
    .map(({ key, summary }) => ({ key, summary }));
  return (
    <SharedDecisionForm
      proposal={proposal}
      minRationaleChars={minRationaleChars}
      decide={actions.decide}
      onDecided={onDecided}
      onReload={onReload}
      selfDecision={selfDecision}
      conditionChoices={{ suggestions, items }}
      onConditionChange={setCondition}
      reassessment={
        <div className="gk-stack">
          <p className="gk-small">{t('decision.reassessed')}</p>
          {now.phase === 'ready' && now.assessment && <AssessmentSnapshot assessment={now.assessment} />}
          {now.phase === 'ready' && !now.assessment && <p className="gk-muted">{t('assessment.none')}</p>}
          {(now.phase === 'pending' || now.phase === 'idle') && <Loading label={t('assessment.pending')} />}
          {now.phase === 'failed' && <p className="gk-muted">{t('assessment.failed', { message: now.error.message })}</p>}
        </div>
      }
    />
  );
}
