/**
 * Jira permissions a person held on issues, as Jira answered when asked for that person. The
 * apply worker runs without a user, so it judges by the rights recorded when the change was
 * decided (or, auto-approved, proposed): the app never does what that person could not.
 */

/** Jira project permissions Goalkeeper relies on (Jira's own permission keys). */
export type JiraPermission =
  'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'SCHEDULE_ISSUES' | 'CREATE_ISSUES' | 'ADD_COMMENTS' | 'ADMINISTER_PROJECTS';

/** Per issue key, the permissions held (of those asked about); an issue absent here had none. */
export type HeldPermissions = Readonly<Record<string, readonly JiraPermission[]>>;

/** A Jira answer (issue key → permissions held) as a plain, storable record. */
export function recordHeld(granted: ReadonlyMap<string, ReadonlySet<JiraPermission>>): HeldPermissions {
  const held: Record<string, JiraPermission[]> = {};
  for (const [issueKey, permissions] of granted) held[issueKey] = [...permissions].sort();
  return held;
}

/** What `held` lacks of `needed`, per issue, in the order the issues were given; empty when nothing is missing. */
export function missingPermissions(
  held: HeldPermissions,
  issueKeys: readonly string[],
  needed: readonly JiraPermission[],
): { readonly issueKey: string; readonly missing: readonly JiraPermission[] }[] {
  const gaps: { issueKey: string; missing: JiraPermission[] }[] = [];
  for (const issueKey of new Set(issueKeys)) {
    const has = held[issueKey] ?? [];
    const missing = needed.filter((permission) => !has.includes(permission));
    if (missing.length > 0) gaps.push({ issueKey, missing });
  }
  return gaps;
}
