/** Jira Software's sprint as the domain's: read by the sprint endpoints and by an issue's Sprint field alike. */
import type { Sprint } from '../domain/sprint';
import type { SprintJson } from './jira-shapes';

/** A sprint shared by several boards belongs to the board it was created on (`originBoardId`). */
export function toSprint(sprint: SprintJson): Sprint {
  return {
    id: sprint.id,
    boardId: sprint.originBoardId,
    name: sprint.name,
    state: sprint.state,
    goal: sprint.goal ?? '',
    startDate: sprint.startDate ?? null,
    endDate: sprint.endDate ?? null,
  };
}
