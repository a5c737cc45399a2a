/**
 * The settings form for project admins. What they type stays in the form until it is saved or
 * they undo it: a problem, a backend error or someone else's save in between never clears it.
 * Saving names the version the form started from; if someone saved since, the admin loads their
 * version, sees what they changed, and their own edits are carried over onto it, to save or drop.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ProjectSettings, SettingsPageState } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Icon } from '../../../shared/components/icons';
import { LiveRegion } from '../../../shared/components/LiveRegion';
import type { CallError } from '../../../shared/resolver-client';
import { HistoryEntry } from '../history/HistoryEntry';
import { useSettingsI18n } from '../messages/catalogue';
import {
  draftFromSettings,
  fieldOfErrorPath,
  fieldPathsOf,
  readDraft,
  rebaseDraft,
  sameDraft,
  SETTINGS_BOUNDS,
  type SettingsDraft,
} from '../settings-draft';
import type { SettingsActions } from '../use-project-settings';
import { BoardOverridesEditor } from './BoardOverridesEditor';
import { CheckboxField } from './CheckboxField';
import { problemTexts, serverFieldErrors, type FieldErrors } from './field-errors';
import { GoalRuleFields } from './GoalRuleFields';
import { HistorySprintsField } from './HistorySprintsField';
import { PolicyEditorsField, PolicyFields } from './PolicyFields';
import { NumberField } from './NumberField';
import { ProductOwnerFields } from './ProductOwnerFields';
import { SettingsSection } from './SettingsSection';
import { ThresholdFields } from './ThresholdFields';
import { WorkingDaysField } from './WorkingDaysField';

export interface SettingsFormProps {
  readonly page: SettingsPageState;
  readonly actions: SettingsActions;
}

export function SettingsForm({ page, actions }: SettingsFormProps) {
  const translator = useSettingsI18n();
  const { t, locale } = translator;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(page.settings, locale));
  // The settings the form's edits are based on: saving expects to replace their version.
  const [base, setBase] = useState<ProjectSettings>(page.settings);
  const [rebasedFrom, setRebasedFrom] = useState<number | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [saveError, setSaveError] = useState<CallError | null>(null);
  const [saving, setSaving] = useState(false);
  const [loadingTheirs, setLoadingTheirs] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  const reading = readDraft(draft);
  const saved = useMemo(() => draftFromSettings(base, locale), [base, locale]);
  const dirty = !sameDraft(draft, saved);
  const problems = showProblems && !reading.ok ? problemTexts(translator, reading.problems) : {};
  const errors: FieldErrors = { ...serverFieldErrors(translator, saveError), ...problems };
  const serverErrorsBesideFields = saveError?.fields !== undefined && showsEveryField(draft, saveError);

  useEffect(() => {
    if (invalidSubmits > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidSubmits]);

  const update = (changes: Partial<SettingsDraft>) => setDraft((previous) => ({ ...previous, ...changes }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaveError(null);
    setSavedVersion(null);
    if (!reading.ok) {
      setShowProblems(true);
      setInvalidSubmits((count) => count + 1);
      return;
    }
    setSaving(true);
    const result = await actions.save(reading.settings, base.version);
    setSaving(false);
    if (!result.ok) {
      setSaveError(result.error);
      if (result.error.fields && showsEveryField(draft, result.error)) setInvalidSubmits((count) => count + 1);
      return;
    }
    const settings = result.value.settings;
    // Anything typed while the save was on its way stays; the rest shows the settings as saved.
    setDraft((current) => rebaseDraft(draft, current, draftFromSettings(settings, locale)));
    setBase(settings);
    setRebasedFrom(null);
    setShowProblems(false);
    setSavedVersion(settings.version);
    setAnnouncement(t('form.saved', { version: settings.version }));
  }

  async function loadTheirs() {
    setLoadingTheirs(true);
    const result = await actions.reload();
    setLoadingTheirs(false);
    // A failed reload is reported above the form by the page; the conflict stays explained here.
    if (!result.ok) return;
    const theirs = result.value.settings;
    setSaveError(null);
    setDraft((mine) => rebaseDraft(draftFromSettings(base, locale), mine, draftFromSettings(theirs, locale)));
    // After a second conflict the notice still lists everything saved since the admin's edits began.
    if (theirs.version !== base.version) setRebasedFrom((since) => since ?? base.version);
    setBase(theirs);
  }

  function undo() {
    setDraft(draftFromSettings(base, locale));
    setRebasedFrom(null);
    setShowProblems(false);
    setSaveError(null);
    setAnnouncement(t('form.undone'));
    saveButton.current?.focus();
  }

  const problemCount = Object.keys(errors).length;
  // A Product Owner allowed to edit the policy (settings' policyEditors) sees the rest, disabled.
  const adminOnly = page.editScope === 'policy';
  return (
    <form ref={form} className="gk-stack" onSubmit={save} noValidate aria-label={t('form.heading')}>
      <LiveRegion message={announcement} />
      {saveError?.code === 'conflict' ? (
        <ErrorBanner error={saveError}>
          <p>{t('conflict.keep')}</p>
          <Button busy={loadingTheirs} onClick={() => void loadTheirs()}>
            {t('conflict.reload')}
          </Button>
        </ErrorBanner>
      ) : saveError && !serverErrorsBesideFields ? (
        <ErrorBanner error={saveError} />
      ) : (
        problemCount > 0 && <ProblemSummary count={problemCount} />
      )}
      {rebasedFrom !== null && <RebasedNotice page={page} since={rebasedFrom} onUseTheirs={undo} />}

      {adminOnly && <PolicyOnlyNotice />}
      <fieldset className="gk-fieldset" disabled={adminOnly}>
        <ProductOwnerFields
          productOwners={draft.productOwners}
          page={page}
          onChange={(productOwners) => update({ productOwners })}
          errors={errors}
          announce={setAnnouncement}
          search={actions.searchPeople}
        />
      </fieldset>
      <PolicyFields policy={draft.policy} onChange={(policy) => update({ policy })} errors={errors} />
      <fieldset className="gk-fieldset" disabled={adminOnly}>
        <PolicyEditorsField value={draft.policyEditors} onChange={(policyEditors) => update({ policyEditors })} />
        <SettingsSection title={t('group.goalCritical')} headingLevel={3} hint={t('group.goalCritical.hint')}>
          <GoalRuleFields
            path="goalCritical"
            rule={draft.goalCritical}
            onChange={(goalCritical) => update({ goalCritical })}
            errors={errors}
          />
        </SettingsSection>
        <SettingsSection title={t('group.thresholds')} headingLevel={3} hint={t('group.thresholds.hint')}>
          <ThresholdFields
            path="thresholds"
            thresholds={draft.thresholds}
            onChange={(thresholds) => update({ thresholds })}
            errors={errors}
          />
        </SettingsSection>
        <SettingsSection title={t('group.forecast')} headingLevel={3} hint={t('group.forecast.hint')}>
          <WorkingDaysField
            path="workingDays"
            days={draft.workingDays}
            onChange={(workingDays) => update({ workingDays })}
            errors={errors}
          />
          <HistorySprintsField
            path="historySprints"
            value={draft.historySprints}
            onChange={(historySprints) => update({ historySprints })}
            errors={errors}
          />
        </SettingsSection>
        <SettingsSection title={t('group.commentOnDecision')} headingLevel={3}>
          <CheckboxField
            label={t('field.commentOnDecision')}
            hint={t('form.commentOnDecision.hint')}
            checked={draft.commentOnDecision}
            onChange={(commentOnDecision) => update({ commentOnDecision })}
          />
          {/* How many proposals one person may have waiting for a decision in one sprint (issue 14: flooding). */}
          <NumberField
            label={t('field.openProposalsPerPerson')}
            hint={t('form.openProposalsPerPerson.hint', SETTINGS_BOUNDS.openProposalsPerPerson)}
            error={errors['openProposalsPerPerson']}
            value={draft.openProposalsPerPerson}
            onChange={(openProposalsPerPerson) => update({ openProposalsPerPerson })}
          />
        </SettingsSection>
        <SettingsSection title={t('group.retention')} headingLevel={3} hint={t('group.retention.hint')}>
          {/* Days after a sprint closed until its records are deleted; empty keeps them while Goalkeeper is installed. */}
          <NumberField
            label={t('field.retentionDays')}
            hint={t('form.retentionDays.hint', SETTINGS_BOUNDS.retentionDays)}
            error={errors['retentionDays']}
            value={draft.retentionDays}
            onChange={(retentionDays) => update({ retentionDays })}
          />
        </SettingsSection>
        <BoardOverridesEditor
          draft={draft}
          boards={page.boards}
          onChange={(boardOverrides) => update({ boardOverrides })}
          errors={errors}
          announce={setAnnouncement}
        />
      </fieldset>

      <div className="gk-row gk-settings__actions">
        <Button ref={saveButton} type="submit" appearance="primary" busy={saving}>
          {t('form.save')}
        </Button>
        {dirty && (
          <Button appearance="subtle" onClick={undo}>
            {t('form.undo')}
          </Button>
        )}
        {dirty ? (
          <span className="gk-small">{t('form.unsaved')}</span>
        ) : (
          savedVersion !== null && <span className="gk-small">{t('form.saved', { version: savedVersion })}</span>
        )}
      </div>
    </form>
  );
}

function PolicyOnlyNotice() {
  const { t } = useSettingsI18n();
  return (
    <div className="gk-banner gk-banner--info" role="note">
      <Icon name="info" className="gk-banner__icon" />
      <p>{t('form.policyOnly')}</p>
    </div>
  );
}

/** Whether the form has a field for every path the backend named, so the errors can sit beside them. */
function showsEveryField(draft: SettingsDraft, error: CallError): boolean {
  const shown = new Set(fieldPathsOf(draft));
  return Object.keys(error.fields ?? {}).every((path) => shown.has(fieldOfErrorPath(path)));
}

/** Says how many settings need attention; focus goes to the first of them, where its error is read. */
function ProblemSummary({ count }: { count: number }) {
  const { t } = useSettingsI18n();
  return (
    <div className="gk-banner gk-banner--error" role="alert">
      <Icon name="threat" className="gk-banner__icon" />
      <div className="gk-banner__body">
        <p className="gk-banner__title">{t('shared.error.invalid-input')}</p>
        <p>{t('form.problems', { count })}</p>
      </div>
    </div>
  );
}

interface RebasedNoticeProps {
  readonly page: SettingsPageState;
  readonly since: number;
  readonly onUseTheirs: () => void;
}

/** After a conflict: what others saved since the form was opened. Focus lands here, where the conflict's button was. */
function RebasedNotice({ page, since, onUseTheirs }: RebasedNoticeProps) {
  const { t } = useSettingsI18n();
  const titleId = useId();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <div ref={notice} className="gk-banner gk-banner--info" role="region" aria-labelledby={titleId} tabIndex={-1}>
      <Icon name="info" className="gk-banner__icon" />
      <div className="gk-banner__body">
        <p className="gk-banner__title" id={titleId}>
          {t('rebased.title', { version: page.settings.version })}
        </p>
        <p>{t('rebased.body')}</p>
        <ol className="gk-list">
          {page.history
            .filter((version) => version.version > since)
            .map((version) => (
              <HistoryEntry key={version.version} version={version} page={page} />
            ))}
        </ol>
        <Button onClick={onUseTheirs}>{t('rebased.useTheirs')}</Button>
      </div>
    </div>
  );
}
