/**
 * The gadget's edit view: which board it shows. For now the board is typed by id; the
 * searchable list of the user's Scrum boards comes with issue 6.
 */
import { useState, type FormEvent } from 'react';
import { Button } from '../../shared/components/Button';
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { Field } from '../../shared/components/Field';
import { submitGadgetConfiguration } from '../../shared/forge-host';
import { parseBoardId } from './gadget-context';
import { useGadgetI18n } from './messages/catalogue';

export function GadgetConfigForm({ boardId }: { boardId: number | null }) {
  const { t } = useGadgetI18n();
  const [text, setText] = useState(boardId === null ? '' : String(boardId));
  const [invalid, setInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const chosen = parseBoardId(text);
    setInvalid(chosen === null);
    if (chosen === null) return;
    setSaving(true);
    setFailure(null);
    try {
      await submitGadgetConfiguration({ boardId: chosen });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="gk-gadget gk-stack" onSubmit={save} noValidate aria-labelledby="gk-config-heading">
      <h2 id="gk-config-heading">{t('config.heading')}</h2>
      {failure !== null && <ErrorBanner error={{ code: 'unreachable', message: failure }} />}
      <Field label={t('config.boardId')} hint={t('config.boardId.hint')} error={invalid ? t('config.boardId.invalid') : null}>
        {(control) => <input {...control} className="gk-input gk-input--short" inputMode="numeric" value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <div>
        <Button type="submit" appearance="primary" busy={saving}>
          {t('config.save')}
        </Button>
      </div>
    </form>
  );
}
