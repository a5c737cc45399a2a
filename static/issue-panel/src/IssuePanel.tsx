/**
 * The issue panel: the sprint context, proposing a change, and the proposals on this issue.
 * Loading, failure and emptiness each say what is going on and what to do.
 */
import { useEffect, useRef, useState } from 'react';
import type { IssuePanelState, Proposal } from '@goalkeeper/contract';
import { Button } from '../../shared/components/Button';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { Icon } from '../../shared/components/icons';
import { LiveRegion } from '../../shared/components/LiveRegion';
import { HiddenFromCallerNote } from '../../shared/components/HiddenFromCallerNote';
import { SprintCoverageNote } from '../../shared/components/SprintCoverageNote';
import { MissingPartsNote } from '../../shared/components/MissingPartsNote';
import { Skeleton } from '../../shared/components/Skeleton';
import { useFirstDataMark } from '../../shared/first-data-mark';
import { ContextHeader } from './header/ContextHeader';
import { PanelNotices } from './header/PanelNotices';
import { usePanelI18n } from './messages/catalogue';
import { ProposalForm } from './propose/ProposalForm';
import { ProposalCard } from './proposals/ProposalCard';
import { useIssuePanel, type PanelActions, type PanelStateAnswer } from './use-issue-panel';

export interface IssuePanelProps {
  readonly issueKey: string;
  readonly previewDelayMs?: number;
  readonly mintKey?: () => string;
  /** The panel state already asked for at boot (IssuePanelApp's `prefetch`). */
  readonly firstAnswer?: PanelStateAnswer;
}

export function IssuePanel({ issueKey, previewDelayMs, mintKey, firstAnswer }: IssuePanelProps) {
  const { t } = usePanelI18n();
  const { load, reload, actions } = useIssuePanel(issueKey, firstAnswer);
  const [announcement, setAnnouncement] = useState('');
  const [focusedProposal, setFocusedProposal] = useState<string | null>(null);
  useFirstDataMark(load.phase === 'ready');

  switch (load.phase) {
    case 'loading':
      return <Skeleton shape="issue-panel" label={t('panel.loading', { key: issueKey })} />;
    case 'failed':
      return <ErrorBanner error={load.error} onRetry={() => void reload()} />;
    case 'ready': {
      const acted = (proposalId: string, message: string) => {
        setAnnouncement(message);
        setFocusedProposal(proposalId);
      };
      return (
        <div className="gk-panel gk-stack">
          <LiveRegion message={announcement} />
          {load.refreshError && <ErrorBanner error={load.refreshError} onRetry={() => void reload()} focusOnShow={false} />}
          <ContextHeader state={load.state} />
          <MissingPartsNote parts={load.state.unavailable} />
          <HiddenFromCallerNote hidden={load.state.hidden} />
          <SprintCoverageNote coverage={load.state.sprintCoverage} />
          <PanelNotices state={load.state} />
          <ProposeSection
            state={load.state}
            actions={actions}
            previewDelayMs={previewDelayMs}
            mintKey={mintKey}
            onSubmitted={(proposal) =>
              acted(proposal.id, proposal.status === 'proposed' ? t('announce.proposed') : t('announce.autoApproved'))
            }
          />
          <ProposalList
            state={load.state}
            actions={actions}
            focusedProposal={focusedProposal}
            onActed={acted}
            onReload={() => void reload()}
          />
        </div>
      );
    }
  }
}

interface ProposeSectionProps {
  readonly state: IssuePanelState;
  readonly actions: PanelActions;
  readonly onSubmitted: (proposal: Proposal) => void;
  readonly previewDelayMs?: number;
  readonly mintKey?: () => string;
}

function ProposeSection({ state, actions, onSubmitted, previewDelayMs, mintKey }: ProposeSectionProps) {
  const { t } = usePanelI18n();
  const [open, setOpen] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const proposeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open && returnFocus) proposeButton.current?.focus();
  }, [open, returnFocus]);

  // Without a licence the panel's notice already says why nothing can be proposed (PanelNotices).
  if (!state.licenseActive) return null;
  if (!state.viewer.canPropose) {
    return (
      <div className="gk-banner gk-banner--info" role="note">
        <Icon name="info" className="gk-banner__icon" />
        <div className="gk-banner__body">
          <p className="gk-banner__title">{t('propose.unavailable')}</p>
          <p>{state.viewer.cannotProposeReason}</p>
        </div>
      </div>
    );
  }
  if (!open) {
    return (
      <div>
        <Button ref={proposeButton} appearance="primary" onClick={() => setOpen(true)}>
          {t('propose.button')}
        </Button>
      </div>
    );
  }
  return (
    <ProposalForm
      state={state}
      actions={actions}
      previewDelayMs={previewDelayMs}
      mintKey={mintKey}
      onCancel={() => {
        setOpen(false);
        setReturnFocus(true);
      }}
      onSubmitted={(proposal) => {
        setOpen(false);
        onSubmitted(proposal);
      }}
    />
  );
}

interface ProposalListProps {
  readonly state: IssuePanelState;
  readonly actions: PanelActions;
  readonly focusedProposal: string | null;
  readonly onActed: (proposalId: string, message: string) => void;
  readonly onReload: () => void;
}

function ProposalList({ state, actions, focusedProposal, onActed, onReload }: ProposalListProps) {
  const { t } = usePanelI18n();
  return (
    <section className="gk-section" aria-labelledby="gk-proposals-heading">
      <h2 id="gk-proposals-heading">{t('proposals.heading', { key: state.issue.key })}</h2>
      {state.proposals.length === 0 ? (
        <EmptyState
          title={t('proposals.empty.title')}
          description={state.viewer.canPropose ? t('proposals.empty.canPropose') : t('proposals.empty.cannotPropose')}
        />
      ) : (
        <ul className="gk-list">
          {state.proposals.map((proposal) => (
            <ProposalCard
              key={proposal.id}
              proposal={proposal}
              state={state}
              actions={actions}
              focused={focusedProposal === proposal.id}
              onActed={onActed}
              onReload={onReload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
