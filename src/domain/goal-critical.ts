/**
 * Whether an issue carries the sprint goal, by the rules Jira itself can show (labels, epic or
 * parent, the PO's flags). JQL rules need Jira to evaluate and are applied by the Jira adapter.
 */
import type { GoalCriticalRule } from './settings';

export interface GoalRuleSubject {
  readonly key: string;
  readonly labels: readonly string[];
  readonly epicKey: string | null;
}

export function matchesGoalRule(rule: GoalCriticalRule, issue: GoalRuleSubject): boolean {
  return (
    issue.labels.some((label) => rule.labels.includes(label)) ||
    (issue.epicKey !== null && rule.epicKeys.includes(issue.epicKey)) ||
    rule.flaggedIssueKeys.includes(issue.key)
  );
}
