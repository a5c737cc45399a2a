/** A sprint issue for the goal-risk tests: a story of the ONB-1000 epic, goal-critical by the `sprint-goal` label. */
import type { SprintIssue, StatusCategory } from '../../src/domain/sprint';

export function sprintIssue(
  key: string,
  points: number | null,
  statusCategory: StatusCategory = 'todo',
  goalCritical = false,
): SprintIssue {
  return {
    key,
    id: String(10_000 + Number(key.replace(/\D/g, ''))),
    summary: `Work on ${key}`,
    points,
    statusCategory,
    goalCritical,
    labels: goalCritical ? ['sprint-goal'] : [],
    epicKey: 'ONB-1000',
    priorityName: 'Medium',
    issueType: 'Story',
  };
}
