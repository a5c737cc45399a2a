/**
 * The gadget's edit view: which Scrum board it shows and an optional goal label override; checked
 * here, then saved as the gadget's configuration (`view.submit`), after which Jira shows the
 * gadget's view. (No forecast confidence: the view has one convention, confidence-wording.ts.)
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Field } from '../../../shared/components/Field';
import { submitGadgetConfiguration } from '../../../shared/forge-host';
import {
  GOAL_LABEL_MAX_CHARS,
  validateConfiguration,
  type ConfigurationDraft,
  type ConfigurationProblem,
  type ConfigurationProblems,
} from '../gadget-config';
import { useGadgetI18n } from '../messages/catalogue';
import type { GadgetKey } from '../messages/en';
import { BoardPicker } from './BoardPicker';

const PROBLEMS: Readonly<Record<ConfigurationProblem, GadgetKey>> = {
  'board-required': 'config.board.required',
  'label-has-spaces': 'config.goalLabel.spaces',
  'label-too-long': 'config.goalLabel.tooLong',
};

export function GadgetConfigForm({ saved }: { saved: ConfigurationDraft }) {
  const { t } = useGadgetI18n();
  const [draft, setDraft] = useState<ConfigurationDraft>(saved);
  const [problems, setProblems] = useState<ConfigurationProblems>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [invalidSaves, setInvalidSaves] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // After a refused save, keyboard and screen-reader users land on the first field to fix.
  useEffect(() => {
    if (invalidSaves > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidSaves]);
  const problem = (field: keyof ConfigurationProblems) => {
    const found = problems[field];
    return found ? t(PROBLEMS[found], { max: GOAL_LABEL_MAX_CHARS }) : null;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = validateConfiguration(draft);
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) {
      setInvalidSaves((count) => count + 1);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await submitGadgetConfiguration({ ...checked.configuration });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={form} className="gk-gadget gk-stack" onSubmit={save} noValidate aria-labelledby="gk-config-heading">
      <h2 id="gk-config-heading">{t('config.heading')}</h2>
      {failure !== null && <ErrorBanner error={{ code: 'unreachable', message: failure }} />}
      <BoardPicker selected={draft.boardId} onSelect={(boardId) => setDraft({ ...draft, boardId })} error={problem('boardId')} />
      <Field label={t('config.goalLabel')} hint={t('config.goalLabel.hint')} error={problem('goalLabel')}>
        {(control) => (
          <input
            {...control}
            className="gk-input gk-input--short"
            value={draft.goalLabel}
            onChange={(event) => setDraft({ ...draft, goalLabel: event.target.value })}
          />
        )}
      </Field>
      <div>
        <Button type="submit" appearance="primary" busy={saving}>
          {t('config.save')}
        </Button>
      </div>
    </form>
  );
}
