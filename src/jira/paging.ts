/**
 * Jira pages lists two ways: the agile API and older platform endpoints by offset
 * (startAt / maxResults / total or isLast), the enhanced JQL search by nextPageToken.
 * Both followers stop at MAX_PAGES, so a misbehaving answer cannot loop past the invocation's time.
 */
import { GoalkeeperError } from '../domain/errors';

/** 100 pages of 50 is 5,000 items: more than any board Goalkeeper serves, less than Forge's 25 s allow. */
export const MAX_PAGES = 100;

export interface OffsetPage<T> {
  readonly values: readonly T[];
  readonly total?: number | null;
  readonly isLast?: boolean | null;
}

export interface TokenPage<T> {
  readonly values: readonly T[];
  readonly nextPageToken?: string | null;
}

function tooManyPages(): GoalkeeperError {
  return new GoalkeeperError('jira-unavailable', `Jira kept answering with more pages after ${MAX_PAGES}; Goalkeeper stopped reading.`);
}

/** Follows offset paging from 0; a page may be shorter than asked, so the next offset is what arrived. */
export async function collectOffsetPages<T>(fetchPage: (startAt: number) => Promise<OffsetPage<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { values, total, isLast } = await fetchPage(all.length);
    all.push(...values);
    const reachedTotal = total !== undefined && total !== null && all.length >= total;
    if (values.length === 0 || isLast === true || reachedTotal) return all;
  }
  throw tooManyPages();
}

/** Follows nextPageToken until Jira leaves it out (it does on the last page, JRACLOUD-92184). */
export async function collectTokenPages<T>(fetchPage: (nextPageToken: string | undefined) => Promise<TokenPage<T>>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { values, nextPageToken } = await fetchPage(token);
    all.push(...values);
    if (!nextPageToken) return all;
    token = nextPageToken;
  }
  throw tooManyPages();
}

/** Splits a list into chunks of at most `size`, for Jira's per-call limits. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
