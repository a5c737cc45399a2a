/**
 * Which board the sprint view is about, from where Jira opened it: a dashboard gadget carries
 * the board in its saved configuration; the board and sprint menus (jira:boardAction,
 * jira:sprintAction) carry the board itself, its id as a string.
 */
import type { ForgeContext } from '../../shared/forge-host';

export function boardIdOf(context: ForgeContext): number | null {
  const extension = context.extension ?? {};
  return parseBoardId(extension.gadgetConfiguration?.boardId) ?? parseBoardId(extension.board?.id);
}

export function isEditView(context: ForgeContext): boolean {
  return context.extension?.entryPoint === 'edit';
}

/** A board id as Jira Software numbers boards: a positive whole number. */
export function parseBoardId(value: unknown): number | null {
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}
