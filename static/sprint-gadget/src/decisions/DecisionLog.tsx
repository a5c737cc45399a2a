/** This sprint's decided proposals, newest first: the verdict, who made it and why, and what applying it did. */
import { issuesNamedBy, type Proposal, type ReadySprintView } from '@goalkeeper/contract';
import { ApplyResult } from '../../../shared/components/ApplyResult';
import { WithIssueLinks } from '../../../shared/components/IssueLink';
import { Lozenge } from '../../../shared/components/Lozenge';
import { RiskMeter } from '../../../shared/components/RiskMeter';
import type { SprintNames } from '../../../shared/apply-step-wording';
import { StatusLozenge } from '../../../shared/components/StatusLozenge';
import { nameOf } from '../../../shared/people';
import { describeChange } from '../../../shared/proposal-wording';
import { useGadgetI18n } from '../messages/catalogue';

export function DecisionLog({ state }: { state: ReadySprintView }) {
  const { t } = useGadgetI18n();
  return (
    <section className="gk-section" aria-labelledby="gk-decisions-heading">
      <h3 id="gk-decisions-heading">{t('decisions.heading', { count: state.decisionsTotal })}</h3>
      {state.decisionsTotal > state.decisions.length && (
        <p className="gk-muted">{t('decisions.page', { shown: state.decisions.length, total: state.decisionsTotal })}</p>
      )}
      {state.decisions.length === 0 ? (
        <p className="gk-muted">{t('decisions.empty')}</p>
      ) : (
        <ul className="gk-list">
          {state.decisions.map((proposal) => (
            <DecisionEntry
              key={proposal.id}
              proposal={proposal}
              people={state.people}
              sprintNames={{ [state.sprint.id]: state.sprint.name }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DecisionEntry({
  proposal,
  people,
  sprintNames,
}: {
  proposal: Proposal;
  people: ReadySprintView['people'];
  sprintNames: SprintNames;
}) {
  const translator = useGadgetI18n();
  const { t, formatDateTime } = translator;
  const { decision } = proposal;
  return (
    <li className="gk-log-entry gk-stack gk-stack--tight">
      <div className="gk-row gk-row--spread">
        <strong>
          <WithIssueLinks
            text={describeChange(translator, proposal.issueKey, proposal.change)}
            issueKeys={[proposal.issueKey, ...issuesNamedBy(proposal.change)]}
          />
        </strong>
        <StatusLozenge status={proposal.status} />
      </div>
      {decision && (
        <>
          <p className="gk-small">
            {decision.deciderAccountId === null
              ? t('decisions.byPolicy', { at: formatDateTime(decision.decidedAt) })
              : t(decision.verdict === 'approved' ? 'decisions.approvedBy' : 'decisions.rejectedBy', {
                  name: nameOf(translator, people, decision.deciderAccountId),
                  at: formatDateTime(decision.decidedAt),
                })}
          </p>
          {decision.selfDecided && (
            <p className="gk-small">
              <Lozenge appearance="moved">
                {t(decision.verdict === 'approved' ? 'decisions.selfApproved' : 'decisions.selfRejected')}
              </Lozenge>
              {decision.selfDecided.note !== null && (
                <>
                  {' '}
                  {t('decisions.selfDecidedNote')} <span className="gk-user-text">{decision.selfDecided.note}</span>
                </>
              )}
            </p>
          )}
          {decision.rationale && <p className="gk-user-text">{decision.rationale}</p>}
          {decision.assessment && (
            <RiskMeter
              level={decision.assessment.level}
              pGoal={decision.assessment.before.pGoal}
              pGoalAfter={decision.assessment.after.pGoal}
            />
          )}
        </>
      )}
      {proposal.staleReason && <p className="gk-muted">{t('decisions.stale', { reason: proposal.staleReason })}</p>}
      <ApplyResult proposal={proposal} sprintNames={sprintNames} />
    </li>
  );
}
