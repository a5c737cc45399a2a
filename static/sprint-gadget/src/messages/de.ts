/** Die deutschen Texte des Sprint-Gadgets (Schlüssel wie im englischen Katalog). */
import type { Message } from '../../../shared/i18n/translator';
import type { GadgetKey } from './en';

export const de: Readonly<Record<GadgetKey, Message>> = {
  'gadget.heading': 'Goalkeeper-Sprintansicht',
  'gadget.board': 'Board {id}',
  'gadget.loading': 'Vorschläge des Sprints werden geladen…',
  'gadget.empty.title': 'Keine Vorschläge in diesem Sprint',
  'gadget.empty.description': 'Wenn jemand eine Änderung an einem Vorgang im aktiven Sprint dieses Boards vorschlägt, erscheint sie hier. Ein Board ohne aktiven Sprint hat keine.',
  'gadget.unconfigured.title': 'Board wählen',
  'gadget.unconfigured.description': 'Öffnen Sie das Menü des Gadgets, wählen Sie „Bearbeiten“ und geben Sie die ID eines Scrum-Boards ein: die Zahl nach /boards/ in der Adresse des Boards.',
  'config.heading': 'Einstellungen der Goalkeeper-Sprintansicht',
  'config.boardId': 'Board-ID',
  'config.boardId.hint': 'Die Zahl nach /boards/ in der Adresse des Scrum-Boards, zum Beispiel 12.',
  'config.boardId.invalid': 'Geben Sie eine Board-ID ein: eine ganze Zahl größer als 0.',
  'config.save': 'Speichern',
};
