/**
 * An issue key as Jira shows one: a real link (`href` to the site's /browse/KEY, so keyboards,
 * screen readers and "copy link address" work), followed through the Forge host, because a Custom
 * UI iframe may not navigate Jira's page itself. @forge/bridge `router.navigate` opens a relative
 * URL in the same tab and `router.open` in a new one, without prompting the person
 * (https://developer.atlassian.com/platform/forge/custom-ui-bridge/router/). A click with Ctrl, ⌘
 * or Shift, or with the middle button, asks for a new tab, as a browser link would.
 */
import { router } from '@forge/bridge';
import { createContext, useContext, useState, type MouseEvent, type ReactNode } from 'react';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';

/** Jira's issue key shape (PROJECT-123): the project key starts with a letter. */
const ISSUE_KEY = /\b[A-Z][A-Z0-9_]+-\d+\b/g;

const SiteUrl = createContext('');

/** The Jira site the links lead to: the context's `siteUrl` (without it, links are relative to the frame). */
export function IssueLinkSite({ siteUrl, children }: { siteUrl: string | undefined; children: ReactNode }) {
  return <SiteUrl.Provider value={(siteUrl ?? '').replace(/\/+$/, '')}>{children}</SiteUrl.Provider>;
}

export function issuePath(issueKey: string): string {
  return `/browse/${encodeURIComponent(issueKey)}`;
}

export function IssueLink({ issueKey, children }: { issueKey: string; children?: ReactNode }) {
  const { t } = useProposalPartI18n();
  const site = useContext(SiteUrl);
  const [failed, setFailed] = useState<string | null>(null);
  const path = issuePath(issueKey);

  function follow(event: MouseEvent<HTMLAnchorElement>) {
    // Only the primary and middle buttons follow links; the context menu stays the browser's.
    if (event.button > 1) return;
    event.preventDefault();
    const newTab = event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey;
    setFailed(null);
    (newTab ? router.open(path) : router.navigate(path)).catch((error: unknown) =>
      setFailed(error instanceof Error ? error.message : String(error)),
    );
  }

  return (
    <>
      <a className="gk-issue-link" href={`${site}${path}`} onClick={follow} onAuxClick={follow}>
        {children ?? issueKey}
      </a>
      {failed !== null && (
        <span className="gk-small" role="alert">
          {' '}
          {t('shared.issueLink.failed', { key: issueKey, error: failed })}
        </span>
      )}
    </>
  );
}

/**
 * Text that names issues ("Add ONB-68 to the sprint"), with each of the given keys a link. Only
 * keys the caller names are linked, so a key-shaped word in someone's free text stays text.
 */
export function WithIssueLinks({ text, issueKeys }: { text: string; issueKeys: readonly string[] }) {
  const linkable = new Set(issueKeys);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(ISSUE_KEY)) {
    if (!linkable.has(match[0])) continue;
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push(<IssueLink key={`${match.index}-${match[0]}`} issueKey={match[0]} />);
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
