/**
 * Jira configuration Goalkeeper keeps between invocations (in Forge storage, src/store/
 * kept-jira-config-store.ts), so a view's later open does not ask Jira again for what rarely
 * changes (issue 12: at most 4 Jira calls per panel open). Only what the app reads *as itself* is
 * kept, never a person's permissions or names: what a caller may see is asked of Jira on every
 * call (src/app/support/visible-to-caller.ts). Each kind says what invalidates it; an entry past
 * its age is read from Jira again, and a storage failure is a miss, never a failed view.
 */

/** What is kept, each under its own key per board or project. */
export type KeptKind = 'board' | 'project-boards' | 'estimation' | 'role-refused' | 'open-sprints' | 'project-plan' | 'site-time-zone';

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
 *   preview; deciding and applying read them afresh). Every sprint event of the board (created,
 *   updated, started, closed, deleted; manifest.yml's sprint trigger) forgets them at once, and a
 *   view that reads its issue also catches a sprint started or completed by the issue's own sprint
 *   contradicting the kept list (src/app/support/issue-situation.ts). A sprint is reported with
 *   its origin board only, while other boards whose filter takes in its issues list it too; and
 *   future sprints are reordered without any event: two minutes bound how long such a board shows
 *   the previous list.
 * - project-plan: the active sprints a project's issues were last found in by a panel (a pointer,
 *   src/jira/project-plan.ts). It is never an answer by itself: a later panel open finds the issue
 *   in the stored snapshot of such a sprint, the board's open sprints and Jira's change mark vouch
 *   for it, or the issue is read from Jira. A wrong pointer only costs that read, so it is kept a
 *   day (a sprint rarely runs shorter; a new one is pointed at by the first panel open in it).
 * - site-time-zone: the site's default time zone (Jira's serverInfo), whose clock working days
 *   are counted on. A Jira admin changes it perhaps once in a site's life, and no event tells:
 *   a day.
 */
export const KEPT_MAX_AGE_MS: Readonly<Record<KeptKind, number>> = {
  board: 10 * 60_000,
  'project-boards': 10 * 60_000,
  estimation: 60 * 60_000,
  'role-refused': 60 * 60_000,
  'open-sprints': 2 * 60_000,
  'project-plan': 24 * 60 * 60_000,
  'site-time-zone': 24 * 60 * 60_000,
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
