/**
 * The OAuth 2.0 gate in front of the stand-in, as Atlassian's API gateway stands in front of Jira
 * for every Forge call (asApp and asUser alike): a call must be a documented operation enabled
 * for OAuth 2.0, and the app's declared scopes must cover one of the operation's scope options.
 * The operations and their options come from Atlassian's OpenAPI documents (contract/).
 */
import { jiraContract, type JiraContract } from './contract/jira-contract';
import { jiraError, type StandInAnswer } from './routing';

/**
 * Jira's answer to a method not enabled for OAuth 2.0, e.g. anything under /rest/greenhopper/:
 * `403 {"errorMessages":["OAuth 2.0 is not enabled for method: POST /rest/api/3/expression/eval"]}`
 * (as quoted from a Forge app's log in
 * https://community.developer.atlassian.com/t/why-does-post-rest-api-3-expression-eval-lead-to-http-403-when-called-from-a-forge-backend/62487).
 */
export function oauthNotEnabled(method: string, path: string): StandInAnswer {
  return jiraError(403, [`OAuth 2.0 is not enabled for method: ${method} ${path}`]);
}

/**
 * The gateway's answer when the app's scopes match none of the operation's options:
 * `401 {"code":401,"message":"Unauthorized; scope does not match"}` with
 * `x-failure-category: FAILURE_CLIENT_SCOPE_CHECK` (as Forge apps report it, e.g.
 * https://community.developer.atlassian.com/t/forge-app-401-unauthorized-failure-client-scope-check-when-calling-ex-jira-cloudid-rest-api-3-project-search-from-webtrigger/96127).
 */
export const SCOPE_DOES_NOT_MATCH: StandInAnswer = {
  status: 401,
  headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  body: { code: 401, message: 'Unauthorized; scope does not match' },
};

/** Undefined when the call may go on to Jira; otherwise the gateway's refusal. */
export function oauthGate(
  method: string,
  path: string,
  declaredScopes: readonly string[],
  contract: JiraContract = jiraContract(),
): StandInAnswer | undefined {
  const verdict = contract.judge(method, path, declaredScopes);
  if (!verdict.oauthEnabled) return oauthNotEnabled(verdict.method, verdict.path);
  if (!verdict.coveringOption) return SCOPE_DOES_NOT_MATCH;
  return undefined;
}
