/**
 * Jira configuration Goalkeeper keeps between invocations (in Forge storage, src/store/
 * kept-jira-config-store.ts), so a view's later open does not ask Jira again for what rarely
 * changes (issue 12: at most 4 Jira calls per panel open). Only what the app reads *as itself* is
 * kept, never a person's permissions or names: what a caller may see is asked of Jira on every
 * call (src/app/support/visible-to-caller.ts). Each kind says what invalidates it; an entry past
 * its age is read from Jira again, and a storage failure is a miss, never a failed view.
 */

/** What is kept, each under its own key per board or project. */
export type KeptKind = 'board' | 'project-boards' | 'estimation' | 'role-refused' | 'open-sprints';

/**
 * How long each kind is used before Jira is asked again, and why that long:
 * - board: a board's name and location (its project) can be edited in Jira, which tells the app
 *   nothing (no board event is delivered to Forge apps that Goalkeeper subscribes to); its type
 *   never changes. Ten minutes bounds how long a renamed or moved board shows as it was.
 * - project-boards: a project's boards (which Scrum board a backlog issue is planned on); boards
 *   are created and deleted rarely, with no event: ten minutes, as a board.
 * - estimation: the story-point field found in the site's field list for a project (boards.ts).
 *   Fields change only when a Jira admin adds or deletes a custom field; a project's style
 *   (team- or company-managed) never changes. One hour.
 * - role-refused: Jira refused to tell the app who is in the Product Owner role (only project
 *   admins may read role members). That holds until a Jira admin grants the app Administer
 *   Projects, which tells the app nothing either: asked again after one hour.
 * - open-sprints: a board's active and future sprints, for *views only* (the panel and the live
 *   preview; deciding and applying read them afresh). A sprint started or completed is also
 *   caught at once by the view itself (the issue's own sprint, read fresh, contradicts the kept
 *   active sprint; src/app/support/issue-situation.ts); a future sprint created, renamed or
 *   reordered raises no event the app receives, so two minutes bound how long the panel offers
 *   the previous "next sprint".
 */
export const KEPT_MAX_AGE_MS: Readonly<Record<KeptKind, number>> = {
  board: 10 * 60_000,
  'project-boards': 10 * 60_000,
  estimation: 60 * 60_000,
  'role-refused': 60 * 60_000,
  'open-sprints': 2 * 60_000,
};

/** A kept value and when it was read from Jira (epoch ms). */
export interface KeptEntry<T> {
  readonly value: T;
  readonly readAt: number;
}

/** Storage for kept configuration; implemented in src/store/kept-jira-config-store.ts. */
export interface KeptJiraConfig {
  get<T>(kind: KeptKind, id: string): Promise<KeptEntry<T> | undefined>;
  set<T>(kind: KeptKind, id: string, entry: KeptEntry<T>): Promise<void>;
  forget(kind: KeptKind, id: string): Promise<void>;
}
