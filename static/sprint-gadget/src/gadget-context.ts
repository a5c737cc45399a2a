/**
 * Where Jira opened the sprint view, and for which board: a dashboard gadget carries the board in
 * its saved configuration; the board and sprint menus (jira:boardAction, jira:sprintAction) carry
 * the board itself — and the sprint menu the sprint — with ids as strings.
 */
import type { ForgeContext } from '../../shared/forge-host';
import { parseBoardId, readConfiguration, type ConfigurationDraft } from './gadget-config';

export interface Placement {
  readonly boardId: number | null;
  /** The sprint whose menu opened the view; null in the gadget and the board menu. */
  readonly sprintId: number | null;
  /** The gadget's own goal label (empty: the project's goal-critical rule applies). */
  readonly goalLabel: string;
  /** Whether the person can choose the board here (the gadget's Edit), or Jira chose it (board/sprint menu). */
  readonly configurable: boolean;
}

export function isEditView(context: ForgeContext): boolean {
  return context.extension?.entryPoint === 'edit';
}

export function savedConfiguration(context: ForgeContext): ConfigurationDraft {
  return readConfiguration(context.extension?.gadgetConfiguration);
}

export function placementOf(context: ForgeContext): Placement {
  const extension = context.extension ?? {};
  if (extension.type === 'jira:dashboardGadget' || extension.gadgetConfiguration !== undefined) {
    const saved = savedConfiguration(context);
    return { boardId: saved.boardId, sprintId: null, goalLabel: saved.goalLabel, configurable: true };
  }
  return { boardId: parseBoardId(extension.board?.id), sprintId: parseBoardId(extension.sprint?.id), goalLabel: '', configurable: false };
}
