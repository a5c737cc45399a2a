/**
 * What one apply step does in Jira, as facts rather than sentences (issue 15: the audit trail and
 * the apply results showed "move-into-sprint — done", in English even in German). Each front end
 * words the facts in the reader's language (static/shared/apply-step-wording.ts); the journal's
 * `detail` keeps Jira's own answer for those who need it.
 */
export type ApplyStepFacts =
  | { readonly kind: 'move-into-sprint'; readonly issueKey: string; readonly sprintId: number; readonly sprintName?: string }
  | { readonly kind: 'move-to-backlog'; readonly issueKey: string }
  | { readonly kind: 'rank'; readonly issueKeys: readonly string[]; readonly position: 'before' | 'after'; readonly anchorKey: string }
  /** Ranked after the goal's last open item, found when the step runs. */
  | { readonly kind: 'rank-below-goal'; readonly issueKeys: readonly string[] }
  /** A goal-critical issue moved into the sprint is placed with the goal's items. */
  | { readonly kind: 'place-with-goal'; readonly issueKey: string }
  | { readonly kind: 'nothing-to-rank'; readonly issueKey: string }
  | { readonly kind: 'set-priority'; readonly issueKey: string; readonly priorityName: string }
  | { readonly kind: 'set-estimate'; readonly issueKey: string; readonly points: number }
  | {
      readonly kind: 'create-split-part';
      readonly sourceKey: string;
      readonly summary: string;
      readonly points: number;
      readonly sprintId: number;
    }
  | { readonly kind: 'comment'; readonly issueKey: string }
  | { readonly kind: 'comment-skipped'; readonly issueKey: string };

/** Steps whose result Goalkeeper reads back from Jira before recording them done: "checked in Jira". */
export function checkedInJira(facts: ApplyStepFacts): boolean {
  return facts.kind === 'move-into-sprint' || facts.kind === 'move-to-backlog';
}
