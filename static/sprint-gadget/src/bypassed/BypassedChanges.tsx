/**
 * Changes made to the sprint directly in Jira, around Goalkeeper: who, what, when, and the
 * Product Owner's review after the fact (accept with a rationale, or note it). Others see who reviews.
 */
import { type BypassedChange, type BypassReview, type ReadySprintView, revertOf } from '@goalkeeper/contract';
import { WithIssueLinks } from '../../../shared/components/IssueLink';
import { nameOf, namesOf } from '../../../shared/people';
import { useGadgetI18n } from '../messages/catalogue';
import type { GadgetKey } from '../messages/en';
import { describeScopeChange, pointsMoved } from '../scope-change-wording';
import type { SprintViewActions } from '../use-sprint-view';
import { BypassReviewForm } from './BypassReviewForm';

const REVIEWED_BY: Readonly<Record<BypassReview['verdict'], GadgetKey>> = {
  accepted: 'bypassed.acceptedBy',
  noted: 'bypassed.notedBy',
  reverted: 'bypassed.revertedBy',
};

const DETECTED_BY: Readonly<Record<BypassedChange['detectedBy'], GadgetKey>> = {
  event: 'bypassed.detectedBy.event',
  reconciliation: 'bypassed.detectedBy.reconciliation',
  changelog: 'bypassed.detectedBy.changelog',
};

export interface BypassedChangesProps {
  readonly state: ReadySprintView;
  readonly actions: Pick<SprintViewActions, 'reviewBypassed' | 'revertBypassed'>;
  readonly onAnnounce: (message: string) => void;
}

export function BypassedChanges({ state, actions, onAnnounce }: BypassedChangesProps) {
  const translator = useGadgetI18n();
  const { t } = translator;
  const newestFirst = [...state.bypassed].sort((a, b) => b.at.localeCompare(a.at));
  const reviewers = namesOf(translator, state.people, state.productOwnerIds, t('people.productOwner'));
  return (
    <section className="gk-section" aria-labelledby="gk-bypassed-heading">
      <h3 id="gk-bypassed-heading">{t('bypassed.heading', { count: newestFirst.length })}</h3>
      {state.churn.bypassed === 'not-tracked' && <p className="gk-small">{t('bypassed.notTracked')}</p>}
      {newestFirst.length === 0 ? (
        <p className="gk-muted">{t('bypassed.empty')}</p>
      ) : (
        <ul className="gk-list">
          {newestFirst.map((change) => (
            <BypassedEntry key={change.id} change={change} state={state} reviewers={reviewers} actions={actions} onAnnounce={onAnnounce} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface BypassedEntryProps extends BypassedChangesProps {
  readonly change: BypassedChange;
  readonly reviewers: string;
}

function BypassedEntry({ change, state, reviewers, actions, onAnnounce }: BypassedEntryProps) {
  const translator = useGadgetI18n();
  const { t, formatAge, formatDateTime } = translator;
  const headingId = `gk-bypassed-${change.id}`;
  const what = describeScopeChange(translator, change);
  return (
    <li>
      <article className="gk-card" aria-labelledby={headingId}>
        <h4 id={headingId}>
          <WithIssueLinks text={t('bypassed.title', { change: what })} issueKeys={[change.issueKey]} />
        </h4>
        <p className="gk-small">
          {t('bypassed.byline', { name: nameOf(translator, state.people, change.actorAccountId), age: formatAge(change.at) })}
          {change.kind !== 'reranked' && ` · ${pointsMoved(translator, change)}`}
          {` · ${t(DETECTED_BY[change.detectedBy])}`}
        </p>
        {change.review ? (
          <p>
            {t(REVIEWED_BY[change.review.verdict], {
              name: nameOf(translator, state.people, change.review.reviewerAccountId),
              at: formatDateTime(change.review.at),
            })}{' '}
            <span className="gk-user-text">{change.review.note}</span>
          </p>
        ) : state.viewer.isProductOwner ? (
          <BypassReviewForm
            change={change}
            what={what}
            minChars={state.minRationaleChars}
            review={actions.reviewBypassed}
            revert={revertOf(change) ? actions.revertBypassed : null}
            onReviewed={onAnnounce}
          />
        ) : (
          <p className="gk-muted">{t('bypassed.awaiting', { names: reviewers })}</p>
        )}
      </article>
    </li>
  );
}
