/**
 * Proposals waiting for the Product Owner, oldest first, each with its threat level re-computed
 * against the sprint as it is now. The Product Owner decides inline; everyone else sees who must.
 * On the gadget's first screen the oldest two show; the rest are one click away ("Show all").
 */
import { useRef, useState } from 'react';
import type { ReadySprintView } from '@goalkeeper/contract';
import { namesOf } from '../../../shared/people';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';
import { QueuedProposalCard } from './QueuedProposalCard';

/** How many waiting proposals the first screen shows before "Show all" (the height budget: issue 15). */
export const FIRST_SCREEN_QUEUE = 2;

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
  const [showAll, setShowAll] = useState(false);
  const oldestFirst = [...state.queue].sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt));
  const shown = showAll ? oldestFirst : oldestFirst.slice(0, FIRST_SCREEN_QUEUE);
  const deciders = namesOf(translator, state.people, state.productOwnerIds, t('people.productOwner'));
  return (
    <section className="gk-section" aria-labelledby="gk-queue-heading">
      <h3 id="gk-queue-heading" ref={heading} tabIndex={-1}>
        {t('queue.heading', { count: state.queueTotal })}
      </h3>
      {oldestFirst.length === 0 ? (
        <p className="gk-muted">{t('queue.empty')}</p>
      ) : (
        <ul className="gk-list gk-list--tight">
          {shown.map((queued) => (
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
      {oldestFirst.length > FIRST_SCREEN_QUEUE && (
        <button
          type="button"
          className="gk-button gk-button--subtle gk-queue__more"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? t('queue.showFewer') : t('queue.showAll', { count: oldestFirst.length - FIRST_SCREEN_QUEUE })}
        </button>
      )}
      {showAll && state.queueTotal > oldestFirst.length && (
        <p className="gk-muted gk-small">{t('queue.page', { shown: oldestFirst.length, total: state.queueTotal })}</p>
      )}
    </section>
  );
}
