/** The panel as Jira opens it: the issue comes from the Forge context of the jira:issuePanel module. */
import { EmptyState } from '../../shared/components/EmptyState';
import type { ForgeContext } from '../../shared/forge-host';
import { IssuePanel } from './IssuePanel';
import { usePanelI18n } from './messages/catalogue';

function issueKeyOf(context: ForgeContext): string | null {
  const key: unknown = context.extension?.issue?.key;
  return typeof key === 'string' && key !== '' ? key : null;
}

export default function IssuePanelApp({ context }: { context: ForgeContext }) {
  const { t } = usePanelI18n();
  const issueKey = issueKeyOf(context);
  if (!issueKey) return <EmptyState headingLevel={2} title={t('panel.noIssue.title')} description={t('panel.noIssue.description')} />;
  return <IssuePanel issueKey={issueKey} />;
}
