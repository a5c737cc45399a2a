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
  'settings.defaults': 'Das sind die Standardwerte von Goalkeeper: Für dieses Projekt hat sie niemand geändert.',
  'settings.version': 'Version {version}, zuletzt geändert von {name} am {when}.',
  'settings.readOnly.title': 'Nur Projektadministratoren können diese Einstellungen ändern',
  'settings.readOnly.body':
    'Hier sehen Sie, wie Goalkeeper in diesem Projekt arbeitet. Wenn sich etwas ändern soll, wenden Sie sich an einen Projektadministrator.',

  'group.productOwners': 'Product Owner',
  'group.productOwners.hint':
    'Product Owner entscheiden über die Vorschläge, die auf sie warten. Es zählen die Mitglieder der Rolle und alle hier namentlich genannten Personen.',
  'group.policy': 'Genehmigung',
  'group.policy.hint': 'Für jede Art von Änderung: Wartet sie auf einen Product Owner, oder wird sie sofort genehmigt und protokolliert?',
  'group.goalCritical': 'Zielkritische Vorgänge',
  'group.goalCritical.hint':
    'Ein Vorgang ist zielkritisch, wenn eine dieser Regeln ihn erfasst. Das Risiko für das Ziel wird an der zielkritischen Arbeit gemessen.',
  'group.thresholds': 'Risikoschwellen',
  'group.thresholds.hint':
    'Prozentwerte der Chance, dass die gesamte zielkritische Arbeit bis zum Sprint-Ende erledigt ist. Eine Änderung gilt als Gefahr oder verlangt Vorsicht, wenn die Chance danach unter die Schwelle fällt oder um mindestens die angegebenen Prozentpunkte sinkt.',
  'group.forecast': 'Prognose',
  'group.forecast.hint':
    'Wie Goalkeeper vorhersagt, was das Team bis zum Sprint-Ende schaffen kann: Es zählen nur Arbeitstage, und das Tempo stammt aus den letzten abgeschlossenen Sprints.',
  'group.commentOnDecision': 'Jira-Kommentare',
  'group.retention': 'Aufbewahrung der Daten',
  'group.retention.hint':
    'Die Daten eines abgeschlossenen Sprints — Vorschläge, Entscheidungen, Prüfprotokoll, Churn — werden so viele Tage nach seinem Abschluss gelöscht. Leer lassen, um sie zu behalten, solange Goalkeeper installiert ist.',
  'group.boardOverrides': 'Abweichungen je Board',
  'group.boardOverrides.hint':
    'Ein Board kann eine eigene Regel für zielkritische Vorgänge, eigene Risikoschwellen, Arbeitstage und Prognose-Historie haben. Alles andere kommt aus dem Projekt.',

  'field.productOwners.roleName': 'Projektrolle, deren Mitglieder Product Owner sind',
  'field.productOwners.accountIds': 'Namentlich benannte Product Owner',
  'field.policy.goalCriticalRerankNeedsProductOwner': 'Das Umrangieren eines zielkritischen Vorgangs wartet immer auf einen Product Owner',
  'field.policy.threatNeedsProductOwner':
    'Eine Änderung, die Goalkeeper als Gefahr für das Ziel einstuft, wartet immer auf einen Product Owner, gleich welcher Art',
  'field.policy.allowSelfApproval': 'Ein Product Owner darf eigene Vorschläge genehmigen',
  'field.policy.soleProductOwner': 'Wenn der einzige Product Owner eine Änderung vorschlägt',
  'value.soleProductOwner.self-with-note': 'Er entscheidet selbst, mit einer Notiz, als Selbstgenehmigung gekennzeichnet',
  'value.soleProductOwner.another-po': 'Sie wartet, bis ein zweiter Product Owner benannt ist',
  'field.policyEditors': 'Wer die Genehmigungsrichtlinie ändern darf',
  'value.policyEditors.admins': 'Projekt- und Jira-Administratoren',
  'value.policyEditors.admins-and-product-owners': 'Projekt- und Jira-Administratoren sowie die Product Owner des Projekts',
  'form.policyEditors.hint':
    'Product Owner dürfen nur die Genehmigungsrichtlinie ändern; wer Product Owner ist und alles andere bleibt bei den Administratoren.',
  'form.policyOnly':
    'Als Product Owner dieses Projekts dürfen Sie die Genehmigungsrichtlinie ändern. Die übrigen Einstellungen sind Sache der Projektadministratoren.',
  'field.policy.minRationaleChars': 'Mindestlänge der Begründung einer Entscheidung',
  'field.goalCritical.labels': 'Labels',
  'field.goalCritical.epicKeys': 'Epics',
  'field.goalCritical.flaggedIssueKeys': 'Vom Product Owner markierte Vorgänge',
  'field.goalCritical.jql': 'JQL',
  'field.thresholds.threatBelow': 'Gefahr, wenn die Chance unter diesen Wert fällt',
  'field.thresholds.threatDrop': 'Gefahr, wenn die Chance um mindestens so viel sinkt',
  'field.thresholds.cautionBelow': 'Vorsicht, wenn die Chance unter diesen Wert fällt',
  'field.thresholds.cautionDrop': 'Vorsicht, wenn die Chance um mindestens so viel sinkt',
  'field.workingDays': 'Arbeitstage',
  'field.historySprints': 'Abgeschlossene Sprints, aus denen die Prognose lernt',
  'field.retentionDays': 'Tage, die die Daten eines abgeschlossenen Sprints aufbewahrt werden',
  'field.openProposalsPerPerson': 'Offene Vorschläge pro Person und Sprint',
  'field.commentOnDecision': 'Den Jira-Vorgang kommentieren, wenn über einen Vorschlag entschieden ist',

  'form.heading': 'Goalkeeper-Einstellungen',
  'form.inPercent': '{label} (%)',
  'form.inCharacters': '{label} (Zeichen)',
  'form.role.none': 'Keine Rolle: nur die unten genannten Personen',
  'form.role.gone': '{role} (keine Rolle dieses Projekts mehr)',
  'form.noProductOwner':
    'Ohne Rolle und ohne benannte Personen kann niemand über Vorschläge entscheiden, die auf einen Product Owner warten.',
  'form.role.unreadable':
    'Goalkeeper kann die Mitglieder der Rolle {role} nicht lesen: Benennen Sie stattdessen Personen. Jira zeigt die Mitglieder einer Rolle nur Projektadministratoren, und Goalkeeper ist keiner. Bis dahin gelten nur die hier benannten Personen als Product Owner.',
  'form.minRationaleChars.hint': 'Von 1 bis 500 Zeichen.',
  'form.labels.hint': 'Vorgänge mit einem dieser Labels. Labels durch Leerzeichen oder Kommas trennen.',
  'form.epicKeys.hint': 'Vorgänge in diesen Epics. Vorgangsschlüssel wie ONB-1, durch Leerzeichen oder Kommas getrennt.',
  'form.flaggedIssueKeys.hint': 'Zielkritisch, unabhängig von Labels und Epic. Vorgangsschlüssel, durch Leerzeichen oder Kommas getrennt.',
  'form.jql.hint': 'Vorgänge, die diese Abfrage findet. Jira prüft die Abfrage beim Speichern.',
  'form.historySprints.hint':
    'Von 1 bis 20 Sprints. Mehr Historie macht die Prognose ruhiger; weniger folgt einem sich ändernden Team schneller.',
  'form.retentionDays.hint': 'Ganze Tage, von {min} bis {max}.',
  'form.openProposalsPerPerson.hint':
    'Von {min} bis {max}. Verhindert, dass eine Person die Warteschlange des Product Owners flutet; dieselbe Änderung kann nur einmal offen sein.',
  'form.commentOnDecision.hint': 'Der Kommentar nennt, wer entschieden hat, und zitiert die Begründung.',
  'form.save': 'Einstellungen speichern',
  'form.remove': 'Entfernen',
  'form.undo': 'Meine Änderungen verwerfen',
  'form.unsaved': 'Sie haben ungespeicherte Änderungen.',
  'form.saved': 'Einstellungen als Version {version} gespeichert.',
  'form.undone': 'Ihre Änderungen sind verworfen; das Formular zeigt die gespeicherten Einstellungen.',
  'form.problems': {
    one: 'Eine Einstellung braucht Ihre Aufmerksamkeit. Sie ist unten markiert.',
    other: '{count} Einstellungen brauchen Ihre Aufmerksamkeit. Sie sind unten markiert.',
  },

  'people.none': 'Niemand ist namentlich benannt.',
  'people.unknown': 'Unbekannte Person',
  'people.remove': '{name} entfernen',
  'people.removed': '{name} ist kein Product Owner mehr.',
  'people.add.label': 'Product Owner hinzufügen: nach Namen suchen',
  'people.add.hint': 'Tippen Sie einige Buchstaben des Namens und wählen Sie die Person aus Jira. Goalkeeper speichert nur die Konto-ID.',
  'people.added': '{name} als Product Owner hinzugefügt.',
  'people.notInJira': 'keine Person in Jira: vor dem Speichern entfernen',
  'people.hiddenName': 'Name durch das Jira-Profil verborgen',
  'people.picker.matches': 'Personen in Jira',
  'people.picker.searching': 'Jira wird nach „{query}“ durchsucht…',
  'people.picker.none': 'Niemand in Jira passt zu „{query}“.',
  'people.picker.failed': 'Die Personensuche von Jira hat nicht geantwortet: {message}',

  'override.none': 'Alle Boards folgen den Einstellungen des Projekts.',
  'override.board': 'Board',
  'override.pickBoard': 'Board auswählen…',
  'override.add': 'Abweichung für Board hinzufügen',
  'override.added': 'Abweichung für {board} hinzugefügt. Wählen Sie, was dort anders gilt.',
  'override.allBoards': 'Jedes Scrum-Board des Projekts hat eine Abweichung.',
  'override.unknownBoard': 'Board {id}',
  'override.heading': 'Abweichung für {board}',
  'override.part.goalCritical': 'Eigene Regel für zielkritische Vorgänge',
  'override.part.thresholds': 'Eigene Risikoschwellen',
  'override.part.workingDays': 'Eigene Arbeitstage',
  'override.part.historySprints': 'Eigene Prognose-Historie',
  'override.remove': 'Abweichung für {board} entfernen',
  'override.removed': 'Abweichung für {board} entfernt; das Board folgt wieder dem Projekt.',

  'problem.required': 'Pflichtfeld.',
  'problem.wholeNumber': 'Geben Sie eine ganze Zahl von {min} bis {max} ein.',
  'problem.percent': 'Geben Sie einen Prozentwert von 0 bis 100 ein.',
  'problem.issueKeys': 'Keine Vorgangsschlüssel: {keys}. Verwenden Sie Schlüssel wie ONB-12.',
  'problem.labelTooLong': 'Ein Label hat höchstens {max} Zeichen.',
  'problem.tooMany': 'Höchstens {max}.',
  'problem.tooLong': 'Höchstens {max} Zeichen.',
  'problem.noWorkingDay': 'Wählen Sie mindestens einen Arbeitstag.',
  'problem.emptyOverride': 'Wählen Sie, was auf diesem Board anders gilt, oder entfernen Sie die Abweichung.',
  'problem.unknownRole': 'Das Projekt hat keine Rolle mit diesem Namen. Wählen Sie eine seiner Rollen.',
  'problem.unknownPerson':
    'Jira kennt zu einer dieser Konto-IDs keine Person (markiert mit „keine Person in Jira“). Entfernen Sie sie und wählen Sie Personen nach Namen aus.',
  'problem.checkField': 'Prüfen Sie diese Einstellung.',

  'conflict.keep':
    'Ihre Änderungen stehen noch im Formular. Laden Sie die andere Version, um zu sehen, was geändert wurde; speichern Sie dann Ihre Änderungen darüber oder übernehmen Sie die andere Version.',
  'conflict.reload': 'Andere Version laden',
  'rebased.title': 'Sie bearbeiten jetzt auf Grundlage von Version {version}',
  'rebased.body':
    'Seit Sie die Seite geöffnet haben, wurde Folgendes gespeichert. Das Formular zeigt diese Änderungen jetzt, mit Ihren eigenen Änderungen darüber; wo Sie beide dieselbe Einstellung geändert haben, bleibt Ihre. Prüfen Sie und speichern Sie dann.',
  'rebased.useTheirs': 'Stattdessen die andere Version übernehmen',

  'history.heading': 'Verlauf',
  'history.empty': 'Für dieses Projekt hat noch niemand Einstellungen gespeichert.',
  'history.version': 'Version {version}',
  'history.by': '{name}, {when}',
  'history.noChange': 'Ohne Änderungen gespeichert.',
  'history.showAll': { one: '{count} ältere Version anzeigen', other: '{count} ältere Versionen anzeigen' },
  'history.showFewer': 'Weniger Versionen anzeigen',

  'value.none': 'keine',
  'value.yes': 'ja',
  'value.no': 'nein',
  'value.noRole': 'keine Rolle',
  'value.sprints': { one: '{count} Sprint', other: '{count} Sprints' },
  'value.days': { one: '{count} Tag nach Abschluss des Sprints', other: '{count} Tage nach Abschluss des Sprints' },
  'value.keepWhileInstalled': 'aufbewahrt, solange Goalkeeper installiert ist',
  'value.characters': { one: '{count} Zeichen', other: '{count} Zeichen' },
  'value.ownSettings': 'eigene Einstellungen',
  'value.followsProject': 'wie im Projekt',
  'value.requirement.product-owner': 'Wartet auf einen Product Owner',
  'value.requirement.auto': 'Sofort genehmigt und protokolliert',
};
