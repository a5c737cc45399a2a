/** Whether the sprint goals were met, sprint after sprint: a strip for the eye and a table with every figure. */
import type { SprintOutcome } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { OUTCOME_LABELS } from './outcome-wording';

export function GoalSuccessTrend({ outcomes }: { outcomes: readonly SprintOutcome[] }) {
  const { t, formatDate, formatPercent } = useGadgetI18n();
  const oldestFirst = [...outcomes].sort((a, b) => a.closedAt.localeCompare(b.closedAt));
  const recorded = oldestFirst.filter((sprint) => sprint.outcome !== null);
  const count = (outcome: SprintOutcome['outcome']) => recorded.filter((sprint) => sprint.outcome === outcome).length;
  return (
    <section className="gk-section" aria-labelledby="gk-goal-success-heading">
      <h3 id="gk-goal-success-heading">{t('goalSuccess.heading')}</h3>
      {oldestFirst.length === 0 ? (
        <p className="gk-muted">{t('goalSuccess.empty')}</p>
      ) : (
        <>
          <p>
            {recorded.length === 0
              ? t('goalSuccess.noneRecorded')
              : t('goalSuccess.summary', { met: count('met'), count: recorded.length, partly: count('partly'), notMet: count('not-met') })}
          </p>
          <ol className="gk-outcome-strip" aria-hidden="true">
            {oldestFirst.map((sprint) => (
              <li key={sprint.sprintId} className={`gk-outcome-strip__${sprint.outcome ?? 'pending'}`} title={sprint.sprintName} />
            ))}
          </ol>
          <div className="gk-table-scroll">
            <table className="gk-table">
              <caption className="gk-visually-hidden">{t('goalSuccess.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('goalSuccess.sprint')}</th>
                  <th scope="col">{t('goalSuccess.closed')}</th>
                  <th scope="col">{t('goalSuccess.outcome')}</th>
                  <th scope="col">{t('goalSuccess.churn')}</th>
                  <th scope="col">{t('goalSuccess.note')}</th>
                </tr>
              </thead>
              <tbody>
                {oldestFirst.map((sprint) => (
                  <tr key={sprint.sprintId}>
                    <th scope="row">{sprint.sprintName}</th>
                    <td>{formatDate(sprint.closedAt)}</td>
                    <td>{t(OUTCOME_LABELS[sprint.outcome ?? 'pending'])}</td>
                    <td>{sprint.grossChurn === null ? t('goalSuccess.churn.none') : formatPercent(sprint.grossChurn)}</td>
                    <td className="gk-user-text">{sprint.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
