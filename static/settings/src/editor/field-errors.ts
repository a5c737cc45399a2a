/**
 * What the form shows beside each setting: the problems found in the draft, and the backend's
 * field errors, both keyed by the setting's path.
 */
import type { CallError } from '../../../shared/resolver-client';
import type { SettingsTranslator } from '../messages/catalogue';
import { fieldOfErrorPath, type Problem } from '../settings-draft';

/** Error text by settings path (`goalCritical.jql`, `boardOverrides.1.workingDays`). */
export type FieldErrors = Readonly<Record<string, string>>;

export function problemText({ t }: SettingsTranslator, problem: Problem): string {
  switch (problem.code) {
    case 'whole-number':
      return t('problem.wholeNumber', { min: problem.min, max: problem.max });
    case 'percent':
      return t('problem.percent');
    case 'issue-keys':
      return t('problem.issueKeys', { keys: problem.invalid.join(', ') });
    case 'label-too-long':
      return t('problem.labelTooLong', { max: problem.max });
    case 'too-many':
      return t('problem.tooMany', { max: problem.max });
    case 'too-long':
      return t('problem.tooLong', { max: problem.max });
    case 'no-working-day':
      return t('problem.noWorkingDay');
    case 'empty-override':
      return t('problem.emptyOverride');
  }
}

export function problemTexts(translator: SettingsTranslator, problems: Readonly<Record<string, Problem>>): FieldErrors {
  return Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, problemText(translator, problem)]));
}

/**
 * The backend's field errors. Schema errors say it in a sentence; the use case names a code
 * (`unknown-role`, `invalid-jql`). For invalid JQL the error's message carries what Jira's parser
 * said, which is what the admin needs beside the query.
 */
export function serverFieldErrors(translator: SettingsTranslator, error: CallError | null): FieldErrors {
  const errors: Record<string, string> = {};
  for (const [path, detail] of Object.entries(error?.fields ?? {})) {
    const field = fieldOfErrorPath(path);
    errors[field] ??= serverFieldText(translator, detail, error?.message ?? '');
  }
  return errors;
}

function serverFieldText({ t }: SettingsTranslator, detail: string, message: string): string {
  switch (detail) {
    case 'invalid-jql':
      return message;
    case 'unknown-role':
      return t('problem.unknownRole');
    case 'unknown-person':
      return t('problem.unknownPerson');
    default:
      return detail.includes(' ') ? detail : t('problem.checkField');
  }
}
