/** Die deutschen Texte der Einstellungsseite (Schlüssel wie im englischen Katalog). */
import type { Message } from '../../../shared/i18n/translator';
import type { SettingsKey } from './en';

export const de: Readonly<Record<SettingsKey, Message>> = {
  'settings.heading': 'Goalkeeper in {project}',
  'settings.intro':
    'Mit Goalkeeper schlägt das Team Änderungen im laufenden Sprint über das Issue-Panel vor, sieht, wie jede davon die Chance auf das Sprint-Ziel verändert, und der Product Owner entscheidet mit einer Begründung, die das Team lesen kann. Diese Regeln gelten in diesem Projekt.',
  'settings.loading': 'Einstellungen des Projekts werden geladen…',
  'settings.noProject.title': 'Kein Projekt',
  'settings.noProject.description': 'Öffnen Sie Goalkeeper in Jira über die Einstellungen eines Projekts.',
  'settings.none': 'keine',
  'settings.unknownPerson': 'Unbekannte Person',
  'settings.productOwners': 'Product Owner',
  'settings.productOwners.role': 'Mitglieder der Projektrolle',
  'settings.productOwners.people': 'Namentlich benannt',
  'settings.policy': 'Wer über welche Änderung entscheidet',
  'settings.policy.productOwner': 'wartet auf den Product Owner',
  'settings.policy.auto': 'wird protokolliert und sofort umgesetzt',
  'settings.policy.goalCriticalRerank': 'Das Umrangieren eines zielkritischen Vorgangs wartet immer auf den Product Owner.',
  'settings.policy.selfApprovalOn': 'Ein Product Owner darf eigene Vorschläge genehmigen.',
  'settings.policy.selfApprovalOff': 'Niemand genehmigt seinen eigenen Vorschlag.',
  'settings.policy.minRationale': 'Eine Entscheidung braucht eine Begründung von mindestens {count} Zeichen.',
  'settings.goalCritical': 'Zielkritische Vorgänge',
  'settings.goalCritical.labels': 'Labels',
  'settings.goalCritical.epics': 'Epics',
  'settings.goalCritical.jql': 'JQL',
  'settings.defaults': 'Das sind die Standardwerte von Goalkeeper: Für dieses Projekt hat sie niemand geändert.',
  'settings.updated': 'Zuletzt geändert {at}.',
  'settings.editingSoon': 'Ändern lassen sie sich bald auf dieser Seite.',
  'settings.adminsOnly': 'Nur Projektadministratoren können sie ändern.',
};
