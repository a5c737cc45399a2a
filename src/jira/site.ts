/**
 * The site's default time zone (issue 13: working days count "in the site's time zone"), from
 * Jira's serverInfo, which any caller may read (Atlassian's OpenAPI lists no scope for it). Kept a
 * day (kept-config.ts). A name the runtime's time-zone database does not know, no answer, or a
 * failed read counts as UTC, as before the site's zone was read; only a real answer is kept.
 */
import { route } from '@forge/api';
import { isKnownTimeZone, UTC } from '../domain/time-zone';
import type { JiraClient } from './jira-client';
import { serverInfoShape } from './jira-shapes';

export async function siteTimeZone(client: JiraClient): Promise<string> {
  const read = async (): Promise<string | null> => {
    const zone = (await client.read(route`/rest/api/3/serverInfo`, serverInfoShape))?.serverTimeZone;
    return zone && isKnownTimeZone(zone) ? zone : null;
  };
  // The forecast still counts on UTC when Jira does not answer: never a failed view for a clock.
  const zone = await client.keep('site-time-zone', 'site', read, (answer) => answer !== null).catch(() => null);
  return zone ?? UTC;
}
