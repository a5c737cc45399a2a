/**
 * Permission rules Jira applies to an operation as a whole, before the routes' own per-issue and
 * per-project checks: checking someone else's permissions needs *Administer Jira*.
 */
import { objectBody, jiraError, type StandInAnswer, type StandInRequest } from './routing';

/**
 * POST /rest/api/3/permissions/check (getBulkPermissions): "Administer Jira global permission to
 * check the permissions for other users, otherwise none" (Atlassian's platform OpenAPI
 * description of the operation), answered with its documented 403 example. The app user holds no
 * Administer Jira (app-user.ts), so the app can check only itself; a person checks themselves by
 * calling asUser() without an accountId. (The Connect-only exception for app servers does not
 * apply to Forge.)
 */
function othersPermissionsCheck(request: StandInRequest): StandInAnswer | undefined {
  const accountId = objectBody(request.body).accountId;
  if (accountId === undefined || accountId === null) return undefined;
  const self = request.actor.kind === 'user' && accountId === request.actor.accountId;
  if (self || request.site.administersJira(request.actor)) return undefined;
  return jiraError(403, ['Only Jira administrators can perform this operation.']);
}

/** Undefined when Jira's operation-wide rules let the request through. */
export function permissionGate(request: StandInRequest): StandInAnswer | undefined {
  if (request.method === 'POST' && request.path === '/rest/api/3/permissions/check') return othersPermissionsCheck(request);
  return undefined;
}
