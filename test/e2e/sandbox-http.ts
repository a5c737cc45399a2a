/**
 * The sandbox's HTTP surface as its browser scripts use it, for tests that need no browser: the
 * bridge host's invoke (what `invoke` in an iframe becomes) and the backlog's "Move in Jira".
 */
import { COOKIES } from '../../sandbox/chrome/viewer';
import type { Mount } from '../../sandbox/forge-host/product-context';
import type { Sandbox } from '../../sandbox/server';

export type ResolverAnswer = {
  readonly data?: Record<string, unknown>;
  readonly error?: { readonly code: string; readonly message: string };
};

function asPerson(accountId: string): Record<string, string> {
  return { 'content-type': 'application/json', cookie: `${COOKIES.user}=${encodeURIComponent(accountId)}` };
}

/** Calls a resolver as `accountId`, from the extension mounted at `mount`. */
export async function invokeAs(
  sandbox: Sandbox,
  accountId: string,
  mount: Mount,
  functionKey: string,
  payload: unknown,
): Promise<ResolverAnswer> {
  const response = await fetch(`${sandbox.url}/__forge/invoke`, {
    method: 'POST',
    headers: asPerson(accountId),
    body: JSON.stringify({ mount, functionKey, payload }),
  });
  const answer = (await response.json()) as { ok: boolean; value: ResolverAnswer; error?: string };
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** Moves an issue to a sprint (or the backlog, with null) directly in Jira, as `accountId`. */
export async function moveInJiraAs(sandbox: Sandbox, accountId: string, issueKey: string, sprintId: number | null): Promise<number> {
  const response = await fetch(`${sandbox.url}/api/issues/${issueKey}/move`, {
    method: 'POST',
    headers: asPerson(accountId),
    body: JSON.stringify({ sprintId }),
  });
  return response.status;
}
