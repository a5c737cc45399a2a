/** The panel as Jira opens it: the issue comes from the Forge context of the jira:issuePanel module. */
import type { AppProps } from '../../shared/boot-app';
import { EmptyState } from '../../shared/components/EmptyState';
import type { ForgeContext } from '../../shared/forge-host';
import { IssuePanel } from './IssuePanel';
import { usePanelI18n } from './messages/catalogue';
import { loadPanelState, type PanelStateAnswer } from './use-issue-panel';

function issueKeyOf(context: ForgeContext): string | null {
  const key: unknown = context.extension?.issue?.key;
  return typeof key === 'string' && key !== '' ? key : null;
}

/** Asks for the panel's state the moment the context names the issue, before anything renders. */
export function prefetch(context: ForgeContext): PanelStateAnswer | undefined {
  const issueKey = issueKeyOf(context);
  return issueKey ? loadPanelState(issueKey) : undefined;
}

export default function IssuePanelApp({ context, prefetched }: AppProps<PanelStateAnswer | undefined>) {
  const { t } = usePanelI18n();
  const issueKey = issueKeyOf(context);
  if (!issueKey) return <EmptyState headingLevel={2} title={t('panel.noIssue.title')} description={t('panel.noIssue.description')} />;
  return <IssuePanel issueKey={issueKey} firstAnswer={prefetched} />;
}
