/**
 * "Yes, if ONB-55 is deferred" (issue 13): the Product Owner approves on a condition — work to
 * defer, or to rank below the goal — picked from the assessment's suggestions or from the sprint's
 * work not yet started. The change and the condition are then applied together, as one.
 */
import { useId } from 'react';
import type { CounterChange } from '@goalkeeper/contract';
import { describeCondition, describeCounterChange } from '../assessment-wording';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';

/** What the Product Owner may choose from. */
export interface ConditionChoices {
  /** The assessment's suggestions that make room, offered first. */
  readonly suggestions: readonly CounterChange[];
  /** Sprint work a condition may name, in rank order: not goal-critical, not yet started. */
  readonly items: readonly { readonly key: string; readonly summary: string }[];
}

export interface ConditionDraft {
  readonly on: boolean;
  readonly kind: CounterChange['kind'];
  readonly issueKeys: readonly string[];
}

export const NO_CONDITION: ConditionDraft = { on: false, kind: 'defer', issueKeys: [] };

/** The condition the draft amounts to, or null when none is asked for (or no item is picked yet). */
export function conditionOf(draft: ConditionDraft): CounterChange | null {
  return draft.on && draft.issueKeys.length > 0 ? { kind: draft.kind, issueKeys: draft.issueKeys } : null;
}

const KINDS: readonly CounterChange['kind'][] = ['defer', 'rank-below-goal'];

export function ConditionPicker({
  choices,
  draft,
  onChange,
}: {
  choices: ConditionChoices;
  draft: ConditionDraft;
  onChange: (draft: ConditionDraft) => void;
}) {
  const translator = useProposalPartI18n();
  const { t } = translator;
  const name = useId();
  const inRankOrder = (keys: readonly string[]) => [
    ...choices.items.map((item) => item.key).filter((key) => keys.includes(key)),
    ...keys.filter((key) => !choices.items.some((item) => item.key === key)),
  ];
  const toggleItem = (key: string, picked: boolean) =>
    onChange({ ...draft, issueKeys: inRankOrder(picked ? [...draft.issueKeys, key] : draft.issueKeys.filter((other) => other !== key)) });
  const condition = conditionOf(draft);
  return (
    <div className="gk-stack gk-condition">
      <label className="gk-checkbox">
        <input type="checkbox" checked={draft.on} onChange={(event) => onChange({ ...draft, on: event.target.checked })} />
        <span>{t('shared.decision.condition.toggle')}</span>
      </label>
      {draft.on && (
        <>
          {choices.suggestions.length > 0 && (
            <div className="gk-row">
              {choices.suggestions.map((suggestion) => (
                <button
                  key={JSON.stringify(suggestion)}
                  type="button"
                  className="gk-chip"
                  onClick={() => onChange({ on: true, kind: suggestion.kind, issueKeys: inRankOrder(suggestion.issueKeys) })}
                >
                  {t('shared.decision.condition.use', { suggestion: describeCounterChange(translator, suggestion) })}
                </button>
              ))}
            </div>
          )}
          <fieldset className="gk-fieldset">
            <legend>{t('shared.decision.condition.kind')}</legend>
            {KINDS.map((kind) => (
              <label key={kind} className="gk-checkbox">
                <input type="radio" name={name} value={kind} checked={draft.kind === kind} onChange={() => onChange({ ...draft, kind })} />
                <span>{t(`shared.decision.condition.${kind}`)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="gk-fieldset">
            <legend>{t('shared.decision.condition.items')}</legend>
            {choices.items.length === 0 && <p className="gk-muted">{t('shared.decision.condition.noItems')}</p>}
            {choices.items.map((item) => (
              <label key={item.key} className="gk-checkbox">
                <input
                  type="checkbox"
                  checked={draft.issueKeys.includes(item.key)}
                  onChange={(event) => toggleItem(item.key, event.target.checked)}
                />
                <span>
                  {item.key} <span className="gk-user-text">{item.summary}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="gk-small" aria-live="polite">
            {condition ? describeCondition(translator, condition) : t('shared.decision.condition.pickItems')}
          </p>
        </>
      )}
    </div>
  );
}
