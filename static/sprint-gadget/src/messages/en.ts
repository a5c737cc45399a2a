/** The sprint gadget's English messages: the source catalogue every other language follows. */
export const en = {
  'gadget.heading': 'Goalkeeper sprint view',
  'gadget.board': 'Board {id}',
  'gadget.loading': 'Loading the sprint’s proposals…',
  'gadget.empty.title': 'No proposals in this sprint',
  'gadget.empty.description': 'When someone proposes a mid-sprint change on an issue of this board’s active sprint, it shows up here. A board without an active sprint has none.',
  'gadget.unconfigured.title': 'Choose a board',
  'gadget.unconfigured.description': 'Open this gadget’s menu, choose Edit, and enter the id of a Scrum board: the number after /boards/ in the board’s address.',
  'config.heading': 'Goalkeeper sprint view settings',
  'config.boardId': 'Board id',
  'config.boardId.hint': 'The number after /boards/ in the address of the Scrum board, for example 12.',
  'config.boardId.invalid': 'Enter a board id: a whole number greater than 0.',
  'config.save': 'Save',
} as const;

export type GadgetKey = keyof typeof en;
