/**
 * Atlassian's personal data reporting API as the Forge runtime reaches it for
 * `privacy.reportPersonalData` (POST /app/report-accounts): given at most 90 accounts, each with
 * the time the app last stored something about it, it answers 200 with the ones that were closed
 * or updated since, or 204 when none were. The sandbox wires no such back end; a test passes
 * `personalDataApi(...).backend` to `startForgeApp({ privacy })`.
 * https://developer.atlassian.com/cloud/jira/platform/user-privacy-developer-guide/#reporting-user-personal-data-for-your-apps
 */
import type { ForgeBackends } from '../../sandbox/forge-host/forge-runtime';

/** "You can report up to 90 accounts in a single request." */
export const ACCOUNTS_PER_REPORT = 90;

export interface ReportedAccount {
  readonly accountId: string;
  readonly updatedAt: string;
}

export interface PersonalDataApi {
  readonly backend: NonNullable<ForgeBackends['privacy']>;
  /** Every request's accounts, in order. */
  readonly reports: ReportedAccount[][];
}

export function personalDataApi(closed: ReadonlySet<string>, updated: ReadonlySet<string> = new Set()): PersonalDataApi {
  const reports: ReportedAccount[][] = [];
  const backend: PersonalDataApi['backend'] = async (_invocation, init) => {
    const accounts = parseAccounts(init.body);
    if (!accounts || accounts.length === 0 || accounts.length > ACCOUNTS_PER_REPORT) {
      return new Response(
        JSON.stringify({
          errorMessages: [`Report between 1 and ${ACCOUNTS_PER_REPORT} accounts, each with an accountId and an updatedAt date.`],
        }),
        { status: 400 },
      );
    }
    reports.push(accounts);
    const answered = accounts.flatMap(({ accountId }) =>
      closed.has(accountId) ? [{ accountId, status: 'closed' }] : updated.has(accountId) ? [{ accountId, status: 'updated' }] : [],
    );
    if (answered.length === 0) return new Response(null, { status: 204 });
    return new Response(JSON.stringify({ accounts: answered }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { backend, reports };
}

function parseAccounts(body: RequestInit['body']): ReportedAccount[] | null {
  try {
    const accounts = (JSON.parse(String(body)) as { accounts?: unknown }).accounts;
    if (!Array.isArray(accounts)) return null;
    const valid = accounts.every(
      (a) => typeof a?.accountId === 'string' && typeof a?.updatedAt === 'string' && !Number.isNaN(Date.parse(a.updatedAt)),
    );
    return valid ? (accounts as ReportedAccount[]) : null;
  } catch {
    return null;
  }
}
