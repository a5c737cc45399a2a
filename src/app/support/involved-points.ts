import type { Change, CounterChange } from '../../domain/change';
import { issuesNamedBy } from '../../domain/change';
import type { IssueSituation } from './issue-situation';

/** The estimates the churn figures and a split's arithmetic will need later, frozen now. */
export function pointsOfInvolvedIssues(
  situation: IssueSituation,
  change: Change,
  counterChange?: CounterChange | null,
): Record<string, number | null> {
  const points: Record<string, number | null> = { [situation.issue.key]: situation.issue.points };
  for (const key of [...issuesNamedBy(change), ...(counterChange?.issueKeys ?? [])])
    points[key] = situation.snapshot?.issues.find((i) => i.key === key)?.points ?? null;
  return points;
}
