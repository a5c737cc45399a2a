/**
 * Every recorded step of a proposal's life, fetched when the person opens it, a page at a time,
 * in plain words in the reader's language: apply steps from their recorded facts, the rest by
 * their action; only text a person wrote (a reason, a rationale) and Jira's answer to a failed
 * apply are shown as written.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AuditAction, AuditEvent } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Icon } from '../../../shared/components/icons';
import { Loading } from '../../../shared/components/Loading';
import { describeApplyStep, type SprintNames } from '../../../shared/apply-step-wording';
import { nameOf } from '../../../shared/people';
import type { CallError } from '../../../shared/resolver-client';
import { usePanelI18n } from '../messages/catalogue';
import type { PanelKey } from '../messages/en';
import type { PanelActions } from '../use-issue-panel';

const ACTION_LABELS: Readonly<Record<AuditAction, PanelKey>> = {
  proposed: 'audit.proposed',
  'auto-approved': 'audit.auto-approved',
  approved: 'audit.approved',
  'approved-on-condition': 'audit.approved-on-condition',
  rejected: 'audit.rejected',
  withdrawn: 'audit.withdrawn',
  'apply-queued': 'audit.apply-queued',
  'apply-step': 'audit.apply-step',
  applied: 'audit.applied',
  'apply-failed': 'audit.apply-failed',
  'retry-requested': 'audit.retry-requested',
  stale: 'audit.stale',
  'notify-failed': 'audit.notify-failed',
  'comment-skipped': 'audit.comment-skipped',
};

/** Actions whose detail is what a person wrote, or Jira's own answer: shown as written. The rest are worded here. */
const WRITTEN_DETAIL: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'proposed',
  'approved',
  'approved-on-condition',
  'rejected',
  'apply-failed',
  'stale',
]);

interface TrailPage {
  readonly events: readonly AuditEvent[];
  readonly nextCursor: string | undefined;
}

export interface AuditTrailProps {
  readonly proposalId: string;
  /** The proposal's version: each new version has new steps, so a loaded trail is fetched again. */
  readonly version: number;
  readonly people: Readonly<Record<string, string>>;
  readonly actions: Pick<PanelActions, 'auditTrail'>;
  /** Sprint names the panel knows, for apply steps that name a sprint by id. */
  readonly sprintNames?: SprintNames;
}

export function AuditTrail({ proposalId, version, people, actions, sprintNames }: AuditTrailProps) {
  const translator = usePanelI18n();
  const { t, formatDateTime } = translator;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [trail, setTrail] = useState<TrailPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  async function loadPage(cursor: string | undefined) {
    setLoading(true);
    setError(null);
    const result = await actions.auditTrail(cursor === undefined ? { proposalId } : { proposalId, cursor });
    setLoading(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setTrail((previous) => ({
      events: [...(cursor === undefined ? [] : (previous?.events ?? [])), ...result.value.events],
      nextCursor: result.value.nextCursor,
    }));
  }

  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    setTrail(null);
    if (open) void loadPage(undefined);
  }, [version]);

  function toggle() {
    setOpen(!open);
    if (!open && trail === null) void loadPage(undefined);
  }

  return (
    <div className="gk-audit">
      <button type="button" className="gk-disclosure" aria-expanded={open} aria-controls={listId} onClick={toggle}>
        <Icon name="chevron" className="gk-disclosure__icon" />
        {t('audit.toggle')}
      </button>
      <div id={listId} hidden={!open} className="gk-stack">
        {trail && trail.events.length === 0 && <p className="gk-muted">{t('audit.empty')}</p>}
        {trail && trail.events.length > 0 && (
          <ol className="gk-audit__events">
            {trail.events.map((event, index) => (
              <li key={`${event.sequence}-${index}`}>
                <span className="gk-small">{formatDateTime(event.at)}</span> <strong>{t(ACTION_LABELS[event.action])}</strong> —{' '}
                {nameOf(translator, people, event.actorAccountId)}
                {event.selfDecided && <span className="gk-small"> ({t('audit.selfDecided')})</span>}
                {event.step && <span>: {describeApplyStep(translator, event.step, sprintNames)}</span>}
                {event.action === 'applied' && event.attempt !== undefined && (
                  <span>: {t('audit.applied.attempt', { count: event.attempt })}</span>
                )}
                {event.detail && WRITTEN_DETAIL.has(event.action) && <span className="gk-user-text gk-muted">: {event.detail}</span>}
              </li>
            ))}
          </ol>
        )}
        {loading && <Loading label={t('audit.loading')} />}
        {error && <ErrorBanner error={error} onRetry={() => void loadPage(trail?.nextCursor)} focusOnShow={false} />}
        {trail?.nextCursor && !loading && <Button onClick={() => void loadPage(trail.nextCursor)}>{t('audit.more')}</Button>}
      </div>
    </div>
  );
}
