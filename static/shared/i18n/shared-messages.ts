/** Messages of the components in static/shared, in every shipped language. */
import type { Catalogues } from './translator';

const en = {
  'shared.loading': 'Loading…',
  'shared.tryAgain': 'Try again',
  'shared.dismiss': 'Dismiss',
  'shared.risk.safe': 'Safe',
  'shared.risk.caution': 'Caution',
  'shared.risk.threat': 'Threat',
  'shared.risk.pGoal': 'P(goal) {value}',
  'shared.risk.pGoalChange': 'P(goal) {before} → {after}',
  'shared.error.invalid-input': 'Please check what you entered',
  'shared.error.not-found': 'Not found, or not visible to you',
  'shared.error.forbidden': 'Not allowed',
  'shared.error.illegal-transition': 'This is no longer possible',
  'shared.error.conflict': 'Someone changed this in the meantime',
  'shared.error.stale': 'The sprint has moved on',
  'shared.error.unlicensed': 'Goalkeeper is not licensed on this site',
  'shared.error.jira-unavailable': 'Jira is not answering right now',
  'shared.error.internal': 'Something went wrong in Goalkeeper',
  'shared.error.unreachable': 'Goalkeeper could not be reached',
  'shared.error.timeout': 'Goalkeeper did not answer in time',
  'shared.error.unexpected-answer': 'Goalkeeper answered in a way this page does not understand',
  'shared.error.transportHint': 'Check your connection, then try again. If it keeps happening, reload the page.',
  'shared.outsideJira.title': 'Open Goalkeeper from Jira',
  'shared.outsideJira.description':
    'This page is a Forge app and talks to Jira through the Forge bridge, which is only present when Jira (or the Goalkeeper sandbox) shows it.',
  'shared.reload': 'Reload',
} as const;

type SharedKey = keyof typeof en;

const de: Record<SharedKey, string> = {
  'shared.loading': 'Wird geladen…',
  'shared.tryAgain': 'Erneut versuchen',
  'shared.dismiss': 'Schließen',
  'shared.risk.safe': 'Unkritisch',
  'shared.risk.caution': 'Vorsicht',
  'shared.risk.threat': 'Gefährdet',
  'shared.risk.pGoal': 'P(Ziel) {value}',
  'shared.risk.pGoalChange': 'P(Ziel) {before} → {after}',
  'shared.error.invalid-input': 'Bitte prüfen Sie Ihre Eingaben',
  'shared.error.not-found': 'Nicht gefunden oder für Sie nicht sichtbar',
  'shared.error.forbidden': 'Nicht erlaubt',
  'shared.error.illegal-transition': 'Das ist nicht mehr möglich',
  'shared.error.conflict': 'Jemand hat das inzwischen geändert',
  'shared.error.stale': 'Der Sprint hat sich inzwischen geändert',
  'shared.error.unlicensed': 'Goalkeeper ist auf dieser Site nicht lizenziert',
  'shared.error.jira-unavailable': 'Jira antwortet gerade nicht',
  'shared.error.internal': 'In Goalkeeper ist ein Fehler aufgetreten',
  'shared.error.unreachable': 'Goalkeeper ist nicht erreichbar',
  'shared.error.timeout': 'Goalkeeper hat nicht rechtzeitig geantwortet',
  'shared.error.unexpected-answer': 'Goalkeeper hat unerwartet geantwortet',
  'shared.error.transportHint': 'Prüfen Sie Ihre Verbindung und versuchen Sie es erneut. Wenn es wieder passiert, laden Sie die Seite neu.',
  'shared.outsideJira.title': 'Goalkeeper aus Jira heraus öffnen',
  'shared.outsideJira.description':
    'Diese Seite ist eine Forge-App und spricht über die Forge-Bridge mit Jira; die gibt es nur, wenn Jira (oder die Goalkeeper-Sandbox) die Seite anzeigt.',
  'shared.reload': 'Neu laden',
};

export const sharedCatalogues: Catalogues<SharedKey> = { en, de };
export type { SharedKey };
