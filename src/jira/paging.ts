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

/**
 * Pages in flight at once past the first. Each page is a round trip of 100–300 ms on a real site
 * (issue 12), so one after another a 5,000-item sprint takes 100 round trips; ten at a time keeps
 * that to ten while staying well inside Jira's per-app rate limits, and a 429 on any page pauses
 * every page of the same client (JiraClient's shared back-off).
 */
export const PARALLEL_PAGES = 10;

/** Items read and how many Jira said there are: `total` may exceed `items.length` when `maxItems` cut the read short. */
export interface CappedItems<T> {
  readonly items: T[];
  readonly total: number;
}

/**
 * Offset paging for endpoints that answer a `total` (the agile sprint issue list): the first page
 * says how many there are, the rest are fetched in waves of `PARALLEL_PAGES`, in order of offset, up
 * to `maxItems`. Jira may grant fewer per page than asked, so the first page's length is the step.
 * Without a total it falls back to following the pages one by one.
 */
export async function collectOffsetPagesInParallel<T>(
  fetchPage: (startAt: number) => Promise<OffsetPage<T>>,
  maxItems: number,
): Promise<CappedItems<T>> {
  const first = await fetchPage(0);
  const step = first.values.length;
  if (first.total === undefined || first.total === null) {
    const rest = first.isLast === true || step === 0 ? [] : await collectOffsetPages((startAt) => fetchPage(startAt + step));
    const items = [...first.values, ...rest];
    return { items: items.slice(0, maxItems), total: items.length };
  }
  const total = first.total;
  const wanted = Math.min(total, maxItems);
  if (step === 0 || step >= wanted) return { items: first.values.slice(0, wanted), total };
  const offsets: number[] = [];
  for (let startAt = step; startAt < wanted; startAt += step) offsets.push(startAt);
  if (offsets.length + 1 > MAX_PAGES * 2) throw tooManyPages();
  // In waves of PARALLEL_PAGES that leave together: each wave costs one round trip, so 100 pages
  // are ten (about 2 s on a real site), and the chain a resolver waits for is known in advance.
  const pages = await inWaves(offsets, async (startAt) => (await fetchPage(startAt)).values);
  const items = [...first.values, ...pages.flat()].slice(0, wanted);
  return { items, total };
}

/**
 * Calls `call` for every item, `PARALLEL_PAGES` at a time in waves that leave together, answers in
 * the items' order: each wave is one round trip on a real site, and the 429 back-off is the
 * client's, shared by every call in flight (JiraClient).
 */
export async function inWaves<I, R>(items: readonly I[], call: (item: I) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  for (const wave of chunksOf(items, PARALLEL_PAGES)) answers.push(...(await Promise.all(wave.map(call))));
  return answers;
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
