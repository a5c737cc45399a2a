/**
 * Messages of the proposal parts both the issue panel and the sprint gadget show (people's names,
 * an assessment's reasons, the apply result, the Product Owner's decision form). Not every app
 * shows them, so they are not in `sharedCatalogues`: an app that uses these parts merges this
 * catalogue into its own (`mergeCatalogues(proposalPartCatalogues, { en, de })`).
 */
import { applyStepDe, applyStepEn } from './apply-step-messages';
import { useI18n } from './I18nProvider';
import type { SharedKey } from './shared-messages';
import type { Catalogues, Message, Translator } from './translator';

const en = {
  ...applyStepEn,
  'shared.people.goalkeeper': 'Goalkeeper',
  'shared.people.unknown': 'Unknown person',

  'shared.assessment.pGoal': 'P(goal)',
  'shared.assessment.pAllWork': 'P(all work done)',
  'shared.assessment.work.points': { one: '{count} pt', other: '{count} pts' },
  'shared.assessment.work.issues': { one: '{count} issue', other: '{count} issues' },
  'shared.assessment.reason.goal-work-exceeds-capacity':
    'Goal-critical work left: {goalCriticalWorkLeft}; expected capacity left: {capacityP50} (P50)',
  'shared.assessment.reason.goal-work-exceeds-capacity.ranked':
    'Goal-critical work left: {goalCriticalWorkLeft}, done only after {requiredWork} of work in rank order; expected capacity left: {capacityP50} (P50)',
  'shared.assessment.reason.goal-item-removed':
    'Takes goal-critical {issueKey} out: this changes the goal — renegotiate it with the Product Owner ({label} for the rest: {pGoalRest})',
  'shared.assessment.reason.goal-item-below-line': 'This change moves {issueKey} (goal-critical, {work}) below the capacity line',
  'shared.assessment.reason.p-goal-low': '{label} after this change is {pGoal}, below the {threshold} threshold',
  'shared.assessment.reason.p-goal-drop': '{label} drops from {pGoalBefore} to {pGoalAfter}',
  'shared.assessment.reason.scope-added': 'Adds {added} of work ({workLeftBefore} → {workLeftAfter} left)',
  'shared.assessment.reason.low-confidence-forecast.sprint-pace': {
    one: 'No closed sprints to learn from: forecast from this sprint’s pace so far ({doneWork} in {count} working day), low confidence',
    other: 'No closed sprints to learn from: forecast from this sprint’s pace so far ({doneWork} in {count} working days), low confidence',
  },
  'shared.assessment.reason.low-confidence-forecast.none': {
    one: 'No closed sprints and no pace yet: forecast assumes the sprint’s commitment ({committedWork} over {count} working day), low confidence',
    other:
      'No closed sprints and no pace yet: forecast assumes the sprint’s commitment ({committedWork} over {count} working days), low confidence',
  },
  'shared.assessment.reason.no-goal': 'The sprint has no goal text: judging capacity only',
  'shared.assessment.reason.no-goal-critical-items': 'No issue in the sprint is marked goal-critical: judging capacity only',
  'shared.assessment.reason.no-estimates.issues': 'No story points on these issues: counting each issue as 1',
  'shared.assessment.reason.no-estimates.points': {
    one: '{count} unestimated item counts as 0 pts: work left may be understated',
    other: '{count} unestimated items count as 0 pts: work left may be understated',
  },
  'shared.assessment.reason.no-active-sprint': {
    one: 'The sprint is not active or has no dates: {count} working day to forecast',
    other: 'The sprint is not active or has no dates: {count} working days to forecast',
  },
  'shared.assessment.reason.capacity-only': 'Work left: {workLeft}; expected capacity left: {capacityP50} (P50)',
  'shared.assessment.suggestion.defer': 'Defer {issueKeys} to free {work} and bring {label} to {pGoalAfter}',
  'shared.assessment.suggestion.split': '{issueKey} ({work}) alone is more than the capacity expected to be left: consider splitting it',
  'shared.assessment.suggestion.rank-below-goal':
    'Rank {issueKeys} below the goal’s last item to free {work} and bring {label} to {pGoalAfter}',
  'shared.assessment.suggestion.split.helps':
    'Split {issueKey} ({work}) and rank the part the goal can do without below it: {label} to {pGoalAfter}',
  'shared.assessment.reason.p-goal-rise': '{label} rises from {pGoalBefore} to {pGoalAfter}',
  'shared.assessment.reason.no-effect': 'This change does not move {label} ({pGoal})',
  'shared.assessment.reason.sprint-past-end':
    'The sprint passed its end date ({endDate}): no time left to forecast — close or extend it in Jira',
  'shared.assessment.reason.history-set-aside.no-points':
    'Not learned from: {sprintNames} — no completed work (is the board’s Done column mapped?)',
  'shared.assessment.reason.history-set-aside.too-short': 'Not learned from: {sprintNames} — closed within 2 working days of its start',
  'shared.assessment.reason.unestimated-at-median':
    '{issueKeys}: no usable estimate, counted at the sprint’s median size, {median} (range {low} to {high})',
  'shared.assessment.reason.estimate-ignored': 'Impossible estimates ignored: {issueKeys}',
  'shared.assessment.reason.in-progress-assumed': '{issueKeys}: in progress without sub-tasks to tell how far, taken as {doneShare} done',
  'shared.assessment.reason.in-progress-by-age':
    '{issueKeys}: in progress without sub-tasks, judged by working days in progress at the team’s usual {perItemDay} a day per item under way',
  'shared.assessment.reason.low-confidence-forecast.history': {
    one: 'Only {count} closed sprint to learn from: the forecast is deliberately wide',
    other: 'Only {count} closed sprints to learn from: the forecast is deliberately wide',
  },
  'shared.assessment.chance.below': '< {percent}',
  'shared.assessment.chance.above': '> {percent}',
  'shared.assessment.chanceNow': 'The sprint’s chance now: {label} {chance}',
  'shared.assessment.effect.lowers': 'This change lowers it by {delta} points (range {low} to {high})',
  'shared.assessment.effect.raises': 'This change raises it by {delta} points (range {low} to {high})',
  'shared.assessment.effect.none': 'This change does not move it',
  'shared.assessment.goalChanged': 'Changes the goal — renegotiate it with the Product Owner',
  'shared.assessment.pastEnd': 'The sprint is past its end date: there is no time left to forecast; close or extend it',
  'shared.counter.defer': 'Defer {issueKeys} to the next sprint',
  'shared.counter.rank-below-goal': 'Rank {issueKeys} below the goal’s last item',
  'shared.condition.defer': { one: 'Approved if {issueKeys} is deferred', other: 'Approved if {issueKeys} are deferred' },
  'shared.condition.rank-below-goal': {
    one: 'Approved if {issueKeys} is ranked below the goal',
    other: 'Approved if {issueKeys} are ranked below the goal',
  },
  'shared.approval.change-kind': 'Waits for the Product Owner: the approval policy gives this kind of change to them.',
  'shared.approval.goal-critical-rerank': 'Waits for the Product Owner: re-ranking a goal-critical item is theirs to decide.',
  'shared.approval.threatens-goal':
    'Waits for the Product Owner: it threatens the sprint goal, so they decide it whatever the policy for its kind.',
  'shared.approval.developers': 'The Developers may make this change; it is logged and applied.',

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
  'shared.decision.approveOnCondition': 'Approve on this condition',
  'shared.decision.condition.toggle': 'Approve on a condition',
  'shared.decision.condition.use': 'Use: {suggestion}',
  'shared.decision.condition.kind': 'What makes room',
  'shared.decision.condition.defer': 'Defer to the next sprint',
  'shared.decision.condition.rank-below-goal': 'Rank below the goal’s last item',
  'shared.decision.condition.items': 'Which work (not goal-critical, not started yet)',
  'shared.decision.condition.noItems': 'No work in the sprint can make room: everything left is goal-critical or started.',
  'shared.decision.condition.pickItems': 'Pick the work that makes room.',
  'shared.decision.selfDecision.explanation':
    'You are the only Product Owner of this project, so you decide your own proposal. Add a note saying why nobody else decides it: it is logged, and the decision is marked as self-approved for the team.',
  'shared.decision.selfDecision.note': 'Note on deciding your own proposal',
  'shared.issueLink.failed': 'Jira did not open {key}: {error}',
  'shared.rationale.short': '{count} of at least {min} visible characters',
  'shared.rationale.enough': { one: '{count} character', other: '{count} characters' },
  'shared.text.tooLong': '{count} of at most {max} characters',
  'shared.text.fewLetters': '{count} characters: needs at least {min} letters or digits',
  'shared.text.filler': 'Repeats one word or character: say in words what and why',
} as const;

type ProposalPartKey = keyof typeof en;

const de: Readonly<Record<ProposalPartKey, Message>> = {
  ...applyStepDe,
  'shared.people.goalkeeper': 'Goalkeeper',
  'shared.people.unknown': 'Unbekannte Person',

  'shared.assessment.pGoal': 'P(Ziel)',
  'shared.assessment.pAllWork': 'P(alle Arbeit erledigt)',
  'shared.assessment.work.points': { one: '{count} Punkt', other: '{count} Punkte' },
  'shared.assessment.work.issues': { one: '{count} Vorgang', other: '{count} Vorgänge' },
  'shared.assessment.reason.goal-work-exceeds-capacity':
    'Verbleibende zielkritische Arbeit: {goalCriticalWorkLeft}; erwartete Restkapazität: {capacityP50} (P50)',
  'shared.assessment.reason.goal-work-exceeds-capacity.ranked':
    'Verbleibende zielkritische Arbeit: {goalCriticalWorkLeft} (in Rangfolge bis dahin nötig: {requiredWork}); erwartete Restkapazität: {capacityP50} (P50)',
  'shared.assessment.reason.goal-item-removed':
    'Nimmt zielkritische Arbeit heraus ({issueKey}): Das ändert das Ziel — mit dem Product Owner neu verhandeln ({label} für den Rest: {pGoalRest})',
  'shared.assessment.reason.goal-item-below-line': 'Diese Änderung schiebt {issueKey} (zielkritisch, {work}) unter die Kapazitätslinie',
  'shared.assessment.reason.p-goal-low': '{label} nach dieser Änderung: {pGoal}, unter der Schwelle von {threshold}',
  'shared.assessment.reason.p-goal-drop': '{label} sinkt von {pGoalBefore} auf {pGoalAfter}',
  'shared.assessment.reason.scope-added': 'Fügt {added} Arbeit hinzu ({workLeftBefore} → {workLeftAfter} übrig)',
  'shared.assessment.reason.low-confidence-forecast.sprint-pace': {
    one: 'Keine abgeschlossenen Sprints als Grundlage: Prognose aus dem bisherigen Tempo dieses Sprints ({doneWork} in {count} Arbeitstag), geringe Verlässlichkeit',
    other:
      'Keine abgeschlossenen Sprints als Grundlage: Prognose aus dem bisherigen Tempo dieses Sprints ({doneWork} in {count} Arbeitstagen), geringe Verlässlichkeit',
  },
  'shared.assessment.reason.low-confidence-forecast.none': {
    one: 'Keine abgeschlossenen Sprints und noch kein Tempo: Prognose nach der Zusage des Sprints ({committedWork} in {count} Arbeitstag), geringe Verlässlichkeit',
    other:
      'Keine abgeschlossenen Sprints und noch kein Tempo: Prognose nach der Zusage des Sprints ({committedWork} in {count} Arbeitstagen), geringe Verlässlichkeit',
  },
  'shared.assessment.reason.no-goal': 'Der Sprint hat kein Ziel: Bewertet wird nur die Kapazität',
  'shared.assessment.reason.no-goal-critical-items':
    'Kein Vorgang im Sprint ist als zielkritisch markiert: Bewertet wird nur die Kapazität',
  'shared.assessment.reason.no-estimates.issues': 'Keine Story Points an diesen Vorgängen: Jeder Vorgang zählt als 1',
  'shared.assessment.reason.no-estimates.points': {
    one: '{count} nicht geschätzter Vorgang zählt als 0 Punkte: Die verbleibende Arbeit ist womöglich unterschätzt',
    other: '{count} nicht geschätzte Vorgänge zählen als 0 Punkte: Die verbleibende Arbeit ist womöglich unterschätzt',
  },
  'shared.assessment.reason.no-active-sprint': {
    one: 'Der Sprint ist nicht aktiv oder hat keine Termine: {count} Arbeitstag zu prognostizieren',
    other: 'Der Sprint ist nicht aktiv oder hat keine Termine: {count} Arbeitstage zu prognostizieren',
  },
  'shared.assessment.reason.capacity-only': 'Verbleibende Arbeit: {workLeft}; erwartete Restkapazität: {capacityP50} (P50)',
  'shared.assessment.suggestion.defer': '{issueKeys} verschieben, um {work} frei zu machen und {label} auf {pGoalAfter} zu bringen',
  'shared.assessment.suggestion.split': '{issueKey} ({work}) allein ist größer als die erwartete Restkapazität: Aufteilen erwägen',
  'shared.assessment.suggestion.rank-below-goal':
    '{issueKeys} hinter den letzten Vorgang des Ziels einordnen, um {work} frei zu machen und {label} auf {pGoalAfter} zu bringen',
  'shared.assessment.suggestion.split.helps':
    '{issueKey} ({work}) aufteilen und den Teil, den das Ziel nicht braucht, dahinter einordnen: {label} auf {pGoalAfter}',
  'shared.assessment.reason.p-goal-rise': '{label} steigt von {pGoalBefore} auf {pGoalAfter}',
  'shared.assessment.reason.no-effect': 'Diese Änderung bewegt {label} nicht ({pGoal})',
  'shared.assessment.reason.sprint-past-end':
    'Der Sprint hat sein Enddatum überschritten ({endDate}): keine Zeit mehr zu prognostizieren — in Jira abschließen oder verlängern',
  'shared.assessment.reason.history-set-aside.no-points':
    'Nicht berücksichtigt: {sprintNames} — keine erledigte Arbeit (ist die Spalte „Erledigt“ des Boards zugeordnet?)',
  'shared.assessment.reason.history-set-aside.too-short':
    'Nicht berücksichtigt: {sprintNames} — innerhalb von 2 Arbeitstagen nach dem Start abgeschlossen',
  'shared.assessment.reason.unestimated-at-median':
    '{issueKeys}: keine brauchbare Schätzung, gezählt mit der mittleren Größe des Sprints, {median} (Spanne {low} bis {high})',
  'shared.assessment.reason.estimate-ignored': 'Unmögliche Schätzungen ignoriert: {issueKeys}',
  'shared.assessment.reason.in-progress-assumed':
    '{issueKeys}: in Arbeit ohne Unteraufgaben, die den Stand zeigen, angenommen zu {doneShare} erledigt',
  'shared.assessment.reason.in-progress-by-age':
    '{issueKeys}: in Arbeit ohne Unteraufgaben, eingeschätzt nach den Arbeitstagen in Arbeit beim üblichen Tempo des Teams von {perItemDay} pro Tag und laufendem Vorgang',
  'shared.assessment.reason.low-confidence-forecast.history': {
    one: 'Nur {count} abgeschlossener Sprint als Grundlage: Die Prognose ist bewusst breit',
    other: 'Nur {count} abgeschlossene Sprints als Grundlage: Die Prognose ist bewusst breit',
  },
  'shared.assessment.chance.below': '< {percent}',
  'shared.assessment.chance.above': '> {percent}',
  'shared.assessment.chanceNow': 'Chance des Sprints jetzt: {label} {chance}',
  'shared.assessment.effect.lowers': 'Diese Änderung senkt sie um {delta} Prozentpunkte (Spanne {low} bis {high})',
  'shared.assessment.effect.raises': 'Diese Änderung hebt sie um {delta} Prozentpunkte (Spanne {low} bis {high})',
  'shared.assessment.effect.none': 'Diese Änderung bewegt sie nicht',
  'shared.assessment.goalChanged': 'Ändert das Ziel — mit dem Product Owner neu verhandeln',
  'shared.assessment.pastEnd':
    'Der Sprint ist über sein Enddatum hinaus: Es bleibt keine Zeit für eine Prognose; Sprint abschließen oder verlängern',
  'shared.counter.defer': '{issueKeys} in den nächsten Sprint verschieben',
  'shared.counter.rank-below-goal': '{issueKeys} unter den letzten Ziel-Vorgang reihen',
  'shared.condition.defer': { one: 'Genehmigt, wenn {issueKeys} verschoben wird', other: 'Genehmigt, wenn {issueKeys} verschoben werden' },
  'shared.condition.rank-below-goal': {
    one: 'Genehmigt, wenn {issueKeys} unter das Ziel gereiht wird',
    other: 'Genehmigt, wenn {issueKeys} unter das Ziel gereiht werden',
  },
  'shared.approval.change-kind': 'Wartet auf den Product Owner: Die Freigaberegel gibt ihm diese Art von Änderung.',
  'shared.approval.goal-critical-rerank': 'Wartet auf den Product Owner: Einen zielkritischen Vorgang umzureihen entscheidet er.',
  'shared.approval.threatens-goal':
    'Wartet auf den Product Owner: Sie gefährdet das Sprintziel, daher entscheidet er sie, was immer die Regel für ihre Art sagt.',
  'shared.approval.developers': 'Die Developer dürfen diese Änderung selbst vornehmen; sie wird protokolliert und umgesetzt.',

  'shared.apply.queued': 'Zur Umsetzung in Jira eingereiht.',
  'shared.apply.running': 'Wird in Jira umgesetzt (Versuch {count}).',
  'shared.apply.applied': 'In Jira umgesetzt, {at}.',
  'shared.apply.failed': {
    one: 'Umsetzung fehlgeschlagen ({count} Versuch): {error}',
    other: 'Umsetzung fehlgeschlagen ({count} Versuche): {error}',
  },
  'shared.apply.step.started': 'begonnen',
  'shared.apply.step.done': 'erledigt',
  'shared.apply.step.failed': 'fehlgeschlagen',

  'shared.decision.heading': 'Ihre Entscheidung',
  'shared.decision.rationale': 'Begründung (das Team liest sie)',
  'shared.decision.approve': 'Genehmigen',
  'shared.decision.reject': 'Ablehnen',
  'shared.decision.approveOnCondition': 'Unter dieser Bedingung genehmigen',
  'shared.decision.condition.toggle': 'Unter einer Bedingung genehmigen',
  'shared.decision.condition.use': 'Übernehmen: {suggestion}',
  'shared.decision.condition.kind': 'Was Platz schafft',
  'shared.decision.condition.defer': 'In den nächsten Sprint verschieben',
  'shared.decision.condition.rank-below-goal': 'Unter den letzten Ziel-Vorgang reihen',
  'shared.decision.condition.items': 'Welche Arbeit (nicht zielkritisch, noch nicht begonnen)',
  'shared.decision.condition.noItems': 'Keine Arbeit im Sprint kann Platz schaffen: Alles Übrige ist zielkritisch oder begonnen.',
  'shared.decision.condition.pickItems': 'Die Arbeit wählen, die Platz schafft.',
  'shared.decision.selfDecision.explanation':
    'Sie sind der einzige Product Owner dieses Projekts und entscheiden Ihren eigenen Vorschlag daher selbst. Notieren Sie, warum niemand sonst entscheidet: Die Notiz wird protokolliert, und die Entscheidung ist für das Team als Selbstgenehmigung gekennzeichnet.',
  'shared.decision.selfDecision.note': 'Notiz zur Entscheidung über den eigenen Vorschlag',
  'shared.issueLink.failed': 'Jira hat {key} nicht geöffnet: {error}',
  'shared.rationale.short': '{count} von mindestens {min} sichtbaren Zeichen',
  'shared.rationale.enough': { one: '{count} Zeichen', other: '{count} Zeichen' },
  'shared.text.tooLong': '{count} von höchstens {max} Zeichen',
  'shared.text.fewLetters': '{count} Zeichen: braucht mindestens {min} Buchstaben oder Ziffern',
  'shared.text.filler': 'Wiederholt nur ein Wort oder Zeichen: bitte in Worten sagen, was und warum',
};

export const proposalPartCatalogues: Catalogues<ProposalPartKey> = { en, de };
export type { ProposalPartKey };

export type ProposalPartTranslator = Translator<ProposalPartKey | SharedKey>;

export function useProposalPartI18n(): ProposalPartTranslator {
  return useI18n<ProposalPartKey | SharedKey>();
}
