/**
 * The sprint view through the typed harness, for tests about a running sprint: a board without one
 * (Kanban, no active sprint) fails the test with its kind instead of reading fields that are not there.
 */
import type { ReadySprintView } from '../../src/contract/sprint-view';
import type { ForgeApp } from './forge-app';

export async function readySprintView(app: ForgeApp, boardId: number, accountId: string): Promise<ReadySprintView> {
  const state = await app.invokeOk('getSprintViewState', { boardId }, accountId);
  if (state.kind !== 'ready') throw new Error(`The sprint view of board ${boardId} is '${state.kind}', not 'ready'`);
  return state;
}
