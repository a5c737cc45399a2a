/**
 * Messages of the proposal parts both the issue panel and the sprint gadget show (people's names,
 * an assessment's reasons, the apply result, the Product Owner's decision form). Not every app
 * shows them, so they are not in `sharedCatalogues`: an app that uses these parts merges this
 * catalogue into its own (`mergeCatalogues(proposalPartCatalogues, { en, de })`).
 */
import { useI18n } from './I18nProvider';
import type { SharedKey } from './shared-messages';
import type { Catalogues, Message, Translator } from './translator';

const en = {
  'shared.people.goalkeeper': 'Goalkeeper',
  'shared.people.unknown': 'Unknown person',

  'shared.assessment.pGoal': 'P(goal)',
  'shared.assessment.pAllWork': 'P(all work done)',
  'shared.assessment.reason.goal-item-removed': 'Removes a goal-critical item ({issueKey}): the goal cannot be met as written',
  'shared.assessment.reason.p-goal-low': '{label} after this change is {pGoal}, below the {threshold} threshold',
  'shared.assessment.reason.p-goal-drop': '{label} drops from {pGoalBefore} to {pGoalAfter}',
  'shared.assessment.reason.no-goal': 'The sprint has no goal text: judging capacity only',
  'shared.assessment.reason.no-goal-critical-items': 'No issue in the sprint is marked goal-critical: judging capacity only',
  'shared.assessment.suggestion.defer': 'Defer {issueKeys} to bring {label} to {pGoalAfter}',
  'shared.assessment.suggestion.split': '{issueKey} alone is more than the capacity expected to be left: consider splitting it',

  'shared.apply.queued': 'Queued to be applied in Jira.',
  'shared.apply.running': 'Being applied in Jira (attempt {count}).',
  'shared.apply.applied': 'Applied in Jira {at}.',
  'shared.apply.failed': { one: 'Applying failed ({count} attempt): {error}', other: 'Applying failed ({count} attempts): {error}' },
  'shared.apply.step.started': 'started',
  'shared.apply.step.done': 'done',
  'shared.apply.step.failed': 'failed',

  'shared.decision.heading': 'Your decision',
  'shared.decision.rationale': 'Rationale (the team will read it)',
  'shared.decision.approve': 'Approve',
  'shared.decision.reject': 'Reject',
  'shared.rationale.short': '{count} of at least {min} characters',
  'shared.rationale.enough': { one: '{count} character', other: '{count} characters' },
} as const;

type ProposalPartKey = keyof typeof en;

const de: Readonly<Record<ProposalPartKey, Message>> = {
  'shared.people.goalkeeper': 'Goalkeeper',
  'shared.people.unknown': 'Unbekannte Person',

  'shared.assessment.pGoal': 'P(Ziel)',
  'shared.assessment.pAllWork': 'P(alle Arbeit erledigt)',
  'shared.assessment.reason.goal-item-removed': 'Entfernt einen zielkritischen Vorgang ({issueKey}): Das Ziel ist so nicht erreichbar',
  'shared.assessment.reason.p-goal-low': '{label} nach dieser Änderung: {pGoal}, unter der Schwelle von {threshold}',
  'shared.assessment.reason.p-goal-drop': '{label} sinkt von {pGoalBefore} auf {pGoalAfter}',
  'shared.assessment.reason.no-goal': 'Der Sprint hat kein Ziel: Bewertet wird nur die Kapazität',
  'shared.assessment.reason.no-goal-critical-items': 'Kein Vorgang im Sprint ist als zielkritisch markiert: Bewertet wird nur die Kapazität',
  'shared.assessment.suggestion.defer': '{issueKeys} verschieben, um {label} auf {pGoalAfter} zu bringen',
  'shared.assessment.suggestion.split': '{issueKey} allein ist größer als die erwartete Restkapazität: Aufteilen erwägen',

  'shared.apply.queued': 'Zur Umsetzung in Jira eingereiht.',
  'shared.apply.running': 'Wird in Jira umgesetzt (Versuch {count}).',
  'shared.apply.applied': 'In Jira umgesetzt, {at}.',
  'shared.apply.failed': { one: 'Umsetzung fehlgeschlagen ({count} Versuch): {error}', other: 'Umsetzung fehlgeschlagen ({count} Versuche): {error}' },
  'shared.apply.step.started': 'begonnen',
  'shared.apply.step.done': 'erledigt',
  'shared.apply.step.failed': 'fehlgeschlagen',

  'shared.decision.heading': 'Ihre Entscheidung',
  'shared.decision.rationale': 'Begründung (das Team liest sie)',
  'shared.decision.approve': 'Genehmigen',
  'shared.decision.reject': 'Ablehnen',
  'shared.rationale.short': '{count} von mindestens {min} Zeichen',
  'shared.rationale.enough': { one: '{count} Zeichen', other: '{count} Zeichen' },
};

export const proposalPartCatalogues: Catalogues<ProposalPartKey> = { en, de };
export type { ProposalPartKey };

export type ProposalPartTranslator = Translator<ProposalPartKey | SharedKey>;

export function useProposalPartI18n(): ProposalPartTranslator {
  return useI18n<ProposalPartKey | SharedKey>();
}
