/**
 * What the app's own user holds on a Jira site. Installing a Forge app creates an app user and
 * puts it in the `atlassian-addons-project-access` project role; "Jira always respects app scopes
 * over permissions", so the app acts only within what its scopes allow ("The
 * atlassian-addons-project-access project role in Jira cloud",
 * https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-project-role-in-jira-cloud/).
 * Goalkeeper declares no admin scope (see the contract test), so its app user works on issues —
 * browse, create, edit, schedule, comment, manage sprints — and administers nothing: no
 * *Administer Projects*, no *Administer Jira*. (The real role also transitions, assigns and more;
 * the stand-in models no workflow, so those permissions do not exist here.)
 */
import type { ProjectPermission } from './jira-model';

export const APP_USER_PROJECT_PERMISSIONS: readonly ProjectPermission[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'SCHEDULE_ISSUES',
  'ADD_COMMENTS',
  'MANAGE_SPRINTS_PERMISSION',
];
