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

/**
 * A goal rule's JQL as Jira runs it: narrowed to a scope Goalkeeper builds (e.g. `sprint = 7`).
 * Validating a rule means validating it embedded like this: a rule that parses alone can break
 * once embedded (an ORDER BY inside the parentheses), and would then take every view down.
 */
export function ruleJqlInScope(scope: string, ruleJql: string): string {
  return `${scope} AND (${ruleJql})`;
}

/** The scope a rule is validated in when it is saved: the shape of every real sprint query. */
export const RULE_VALIDATION_SCOPE = 'sprint = 1';
