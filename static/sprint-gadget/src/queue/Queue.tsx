/**
 * Proposals waiting for the Product Owner, oldest first, each with its threat level re-computed
 * against the sprint as it is now. The Product Owner decides inline; everyone else sees who must.
 */
import { useRef } from 'react';
import type { ReadySprintView } from '@goalkeeper/contract';
import { namesOf } from '../../../shared/people';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';
import { QueuedProposalCard } from './QueuedProposalCard';

export interface QueueProps {
  readonly state: ReadySprintView;
  readonly actions: Pick<SprintViewActions, 'decide'>;
  readonly onAnnounce: (message: string) => void;
  readonly onReload: () => void;
}

export function Queue({ state, actions, onAnnounce, onReload }: QueueProps) {
  const translator = useGadgetI18n();
  const { t } = translator;
  const heading = useRef<HTMLHeadingElement>(null);
  const oldestFirst = [...state.queue].sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt));
  const deciders = namesOf(translator, state.people, state.productOwnerIds, t('people.productOwner'));
  return (
    <section className="gk-section" aria-labelledby="gk-queue-heading">
      <h3 id="gk-queue-heading" ref={heading} tabIndex={-1}>
        {t('queue.heading', { count: state.queueTotal })}
      </h3>
      {state.queueTotal > oldestFirst.length && <p className="gk-muted">{t('queue.page', { shown: oldestFirst.length, total: state.queueTotal })}</p>}
      {oldestFirst.length === 0 ? (
        <p className="gk-muted">{t('queue.empty')}</p>
      ) : (
        <ul className="gk-list">
          {oldestFirst.map((queued) => (
            <QueuedProposalCard
              key={queued.proposal.id}
              queued={queued}
              state={state}
              deciders={deciders}
              decide={actions.decide}
              onReload={onReload}
              onDecided={(message) => {
                onAnnounce(message);
                // The card leaves the queue: focus stays in the queue rather than falling to the page.
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
