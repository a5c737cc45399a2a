/** The fields one change kind needs; kinds that need none say what will happen instead. */
import { useEffect, useState } from 'react';
import type { AllowedPriorities, IssuePanelState, RankTarget } from '@goalkeeper/contract';
import { Field } from '../../../shared/components/Field';
import { MissingPartsNote } from '../../../shared/components/MissingPartsNote';
import { pointsLabel } from '../../../shared/proposal-wording';
import { usePanelI18n } from '../messages/catalogue';
import type { PanelActions } from '../use-issue-panel';
import type { PanelKey } from '../messages/en';
import type { ChangeDraft, FormField } from './change-draft';
import { IssuePicker } from './IssuePicker';
import { SplitPartsEditor } from './SplitPartsEditor';

const RANK_POSITIONS: Readonly<Record<RankTarget['position'], PanelKey>> = {
  top: 'form.rank.top',
  bottom: 'form.rank.bottom',
  before: 'form.rank.before',
  after: 'form.rank.after',
};

export interface ChangeFieldsProps {
  readonly draft: ChangeDraft;
  readonly onChange: (changes: Partial<ChangeDraft>) => void;
  readonly state: IssuePanelState;
  readonly errors: Partial<Record<FormField, string>>;
  /** Asked only when the re-prioritise fields show: the issue's allowed priorities. */
  readonly loadPriorities: PanelActions['allowedPriorities'];
}

export function ChangeFields({ draft, onChange, state, errors, loadPriorities }: ChangeFieldsProps) {
  const translator = usePanelI18n();
  const { t } = translator;
  const { issue, sprint, nextSprint, sprintIssues } = state;
  const sprintName = sprint?.name ?? '';
  switch (draft.kind) {
    case '':
      return null;
    case 'add':
      return <p className="gk-muted">{t('form.add.effect', { key: issue.key, sprint: sprintName })}</p>;
    case 'remove':
      return <p className="gk-muted">{t('form.remove.effect', { key: issue.key, sprint: sprintName })}</p>;
    case 'defer':
      return <p className="gk-muted">{t('form.defer.effect', { key: issue.key, sprint: nextSprint?.name ?? '' })}</p>;
    case 'rerank':
      return (
        <>
          <Field label={t('form.rank.position')}>
            {(control) => (
              <select
                {...control}
                className="gk-input"
                value={draft.rankPosition}
                onChange={(event) => onChange({ rankPosition: event.target.value as RankTarget['position'] })}
              >
                {Object.entries(RANK_POSITIONS).map(([position, label]) => (
                  <option key={position} value={position}>
                    {t(label)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(draft.rankPosition === 'before' || draft.rankPosition === 'after') && (
            <IssuePicker
              label={t('form.rank.target')}
              issues={sprintIssues}
              excludeKey={issue.key}
              value={draft.rankIssueKey}
              onChange={(rankIssueKey) => onChange({ rankIssueKey })}
              error={errors.rankIssueKey}
            />
          )}
        </>
      );
    case 'priority':
      return (
        <PriorityField
          draft={draft}
          onChange={onChange}
          current={issue.priorityName}
          error={errors.priorityName}
          loadPriorities={loadPriorities}
        />
      );
    case 'estimate':
      return (
        <Field label={t('form.estimate')} hint={t('form.now', { value: pointsLabel(translator, issue.points) })} error={errors.points}>
          {(control) => (
            <input
              {...control}
              className="gk-input gk-input--points"
              inputMode="decimal"
              value={draft.points}
              onChange={(event) => onChange({ points: event.target.value })}
            />
          )}
        </Field>
      );
    case 'split':
      return <SplitPartsEditor parts={draft.parts} onChange={(parts) => onChange({ parts })} errors={errors} />;
    case 'swap':
      return (
        <IssuePicker
          label={t('form.swap.out')}
          hint={t('form.swap.hint', { key: issue.key, sprint: sprintName })}
          issues={sprintIssues}
          excludeKey={issue.key}
          value={draft.outIssueKey}
          onChange={(outIssueKey) => onChange({ outIssueKey })}
          error={errors.outIssueKey}
        />
      );
    case 'tweak':
      return (
        <Field label={t('form.tweak.note')} hint={t('form.tweak.hint')} error={errors.note}>
          {(control) => (
            <textarea {...control} className="gk-input" value={draft.note} onChange={(event) => onChange({ note: event.target.value })} />
          )}
        </Field>
      );
  }
}

interface PriorityFieldProps {
  readonly draft: ChangeDraft;
  readonly onChange: (changes: Partial<ChangeDraft>) => void;
  readonly current: string | null;
  readonly error: string | undefined;
  readonly loadPriorities: PanelActions['allowedPriorities'];
}

/** The priority picker: asks for the issue's allowed priorities when it first shows, and says when Jira would not tell. */
function PriorityField({ draft, onChange, current, error, loadPriorities }: PriorityFieldProps) {
  const { t } = usePanelI18n();
  const [allowed, setAllowed] = useState<AllowedPriorities | 'loading'>('loading');
  useEffect(() => {
    let shown = true;
    void loadPriorities().then((result) => {
      if (shown) setAllowed(result.ok ? result.value : { kind: 'unavailable', reason: 'failed' });
    });
    return () => {
      shown = false;
    };
  }, [loadPriorities]);
  if (allowed !== 'loading' && allowed.kind === 'unavailable')
    return <MissingPartsNote parts={[{ part: 'priorities', reason: allowed.reason }]} />;
  const priorities = allowed === 'loading' ? [] : allowed.priorities;
  return (
    <Field label={t('form.priority')} hint={current ? t('form.now', { value: current }) : undefined} error={error}>
      {(control) => (
        <select
          {...control}
          className="gk-input"
          value={draft.priorityName}
          disabled={allowed === 'loading'}
          onChange={(event) => onChange({ priorityName: event.target.value })}
        >
          <option value="">{allowed === 'loading' ? t('shared.loading') : t('form.pickPriority')}</option>
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {priority}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
