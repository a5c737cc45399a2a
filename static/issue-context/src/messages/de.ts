/** Die deutschen Texte des Kontext-Panels (Schlüssel wie im englischen Katalog). */
import type { Message } from '../../../shared/i18n/translator';
import type { ContextKey } from './en';

export const de: Readonly<Record<ContextKey, Message>> = {
  'context.loading': 'Änderungen, die auf den Product Owner warten, werden gesucht…',
  'context.waiting': { one: '{count} Änderung wartet auf den Product Owner', other: '{count} Änderungen warten auf den Product Owner' },
  'context.none': 'Keine Änderung wartet auf den Product Owner',
  'context.hint': 'Das Goalkeeper-Panel dieses Vorgangs zeigt die Änderung; dort entscheidet der Product Owner.',
  'context.noIssue': 'Öffnen Sie einen Vorgang, um seine offenen Änderungen zu sehen.',
};
