/**
 * A group of settings: a fieldset whose legend names it (as a heading where the group is a
 * section of the page, so screen-reader users can jump between them), with its hint and error
 * linked to the group.
 */
import { useId, type ReactNode } from 'react';

export interface SettingsSectionProps {
  readonly title: string;
  /** A heading level for a section of the page; none for a group inside one. */
  readonly headingLevel?: 3 | 4;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** The id the group's error gets, for controls inside that should point at it too. */
  readonly errorId?: string;
  readonly children: ReactNode;
}

export function SettingsSection({ title, headingLevel, hint, error, errorId, children }: SettingsSectionProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const shownErrorId = error ? (errorId ?? `${id}-error`) : undefined;
  const Heading = headingLevel ? (`h${headingLevel}` as const) : null;
  const group = (
    <fieldset className="gk-fieldset" aria-describedby={[hintId, shownErrorId].filter(Boolean).join(' ') || undefined}>
      <legend>{Heading ? <Heading>{title}</Heading> : title}</legend>
      {hint && (
        <p className="gk-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <div className="gk-field__error" id={shownErrorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
  // A page section's rule and spacing sit on a wrapper: on the fieldset the legend would sit in the rule.
  return headingLevel === 3 ? <div className="gk-section">{group}</div> : group;
}
