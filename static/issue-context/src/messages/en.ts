/** The issue context panel's English messages: the source catalogue every other language follows. */
export const en = {
  'context.loading': 'Looking for changes waiting for the Product Owner…',
  'context.waiting': { one: '{count} change waiting for the Product Owner', other: '{count} changes waiting for the Product Owner' },
  'context.none': 'No change waiting for the Product Owner',
  'context.hint': 'The Goalkeeper panel of this issue shows the change and lets the Product Owner decide.',
  'context.noIssue': 'Open an issue to see its changes waiting for the Product Owner.',
} as const;

export type ContextKey = keyof typeof en;
