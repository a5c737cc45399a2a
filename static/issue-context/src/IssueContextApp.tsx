/**
 * The issue context panel (jira:issueContext, beside the issue's fields): at a glance, whether a
 * change to this issue waits for the Product Owner. The proposal itself, and the decision, live
 * in the Goalkeeper issue panel.
 */
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { Loading } from '../../shared/components/Loading';
import type { ForgeContext } from '../../shared/forge-host';
import { useContextI18n } from './messages/catalogue';
import { useIssueGlance } from './use-issue-glance';

function issueKeyOf(context: ForgeContext): string | null {
  const key: unknown = context.extension?.issue?.key;
  return typeof key === 'string' && key !== '' ? key : null;
}

export default function IssueContextApp({ context }: { context: ForgeContext }) {
  const { t } = useContextI18n();
  const issueKey = issueKeyOf(context);
  if (!issueKey) return <p>{t('context.noIssue')}</p>;
  return <IssueGlanceView issueKey={issueKey} />;
}

function IssueGlanceView({ issueKey }: { issueKey: string }) {
  const { t } = useContextI18n();
  const { load, reload } = useIssueGlance(issueKey);
  switch (load.phase) {
    case 'loading':
      return <Loading label={t('context.loading')} />;
    case 'failed':
      return <ErrorBanner error={load.error} onRetry={reload} focusOnShow={false} />;
    case 'ready': {
      const count = load.glance.waitingForProductOwner;
      if (count === 0) return <p className="gk-issue-context">{t('context.none')}</p>;
      return (
        <div className="gk-issue-context gk-stack" role="status">
          {/* Words, not a lozenge: the panel is narrow and a lozenge does not wrap. */}
          <p>
            <strong>{t('context.waiting', { count })}</strong>
          </p>
          <p>{t('context.hint')}</p>
        </div>
      );
    }
  }
}
