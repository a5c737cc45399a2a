/**
 * A Jira issue key: the project's key (a capital letter, then capitals, digits or underscores),
 * a hyphen and the issue's number (Jira's "Project key" rules: "must start with an uppercase
 * letter, followed by one or more uppercase alphanumeric characters"; underscores are allowed
 * where an admin enables them). Only text of this shape is put into JQL or taken for a key.
 */
const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-[1-9][0-9]*$/;

export function isIssueKey(text: string): boolean {
  return ISSUE_KEY.test(text);
}

/** The project key an issue key starts with (`ONB-55` → `ONB`), or null for text that is no issue key. */
export function projectKeyOf(issueKey: string): string | null {
  return ISSUE_KEY.exec(issueKey)?.[1] ?? null;
}
