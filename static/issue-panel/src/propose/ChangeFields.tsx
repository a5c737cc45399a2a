/** The fields one change kind needs; kinds that need none say what will happen instead. */
import type { IssuePanelState } from '../../../../src/app/get-issue-panel-state';
import type { RankTarget } from '../../../../src/domain/change';
import { Field } from '../../../shared/components/Field';
import { pointsLabel } from '../../../shared/proposal-wording';
import { usePanelI18n } from '../messages/catalogue';
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
}

export function ChangeFields({ draft, onChange, state, errors }: ChangeFieldsProps) {
  const translator = usePanelI18n();
  const { t } = translator;
  const { issue, sprint, nextSprint, sprintIssues, priorities } = state;
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
              <select {...control} className="gk-input" value={draft.rankPosition} onChange={(event) => onChange({ rankPosition: event.target.value as RankTarget['position'] })}>
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
        <Field label={t('form.priority')} hint={issue.priorityName ? t('form.now', { value: issue.priorityName }) : undefined} error={errors.priorityName}>
          {(control) => (
            <select {...control} className="gk-input" value={draft.priorityName} onChange={(event) => onChange({ priorityName: event.target.value })}>
              <option value="">{t('form.pickPriority')}</option>
              {priorities.map((priority) => (
                <option key={priority} value={priority}>
                  {priority}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'estimate':
      return (
        <Field label={t('form.estimate')} hint={t('form.now', { value: pointsLabel(translator, issue.points) })} error={errors.points}>
          {(control) => <input {...control} className="gk-input gk-input--points" inputMode="decimal" value={draft.points} onChange={(event) => onChange({ points: event.target.value })} />}
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
          {(control) => <textarea {...control} className="gk-input" value={draft.note} onChange={(event) => onChange({ note: event.target.value })} />}
        </Field>
      );
  }
}
