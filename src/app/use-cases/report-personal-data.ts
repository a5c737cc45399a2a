/**
 * The personal data reporting cycle Atlassian requires of apps that store accountIds: ask which
 * of our accounts were closed, and erase those ids everywhere. Decision records stay (the audit
 * trail must survive), with the person replaced by a tombstone.
 */
import type { Ports } from '../ports';

/** What a closed account becomes in every record. */
export const CLOSED_ACCOUNT_TOMBSTONE = 'closed-account';

export async function reportPersonalData(ports: Ports): Promise<{ reported: number; erased: number; recordsTouched: number }> {
  const accounts = await ports.personalData.knownAccounts();
  const updates = await ports.privacy.report(accounts);
  let erased = 0;
  let recordsTouched = 0;
  for (const update of updates) {
    if (update.status !== 'closed') continue;
    recordsTouched += await ports.personalData.eraseAccount(update.accountId, CLOSED_ACCOUNT_TOMBSTONE);
    erased++;
  }
  return { reported: accounts.length, erased, recordsTouched };
}
