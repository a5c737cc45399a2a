/** Whether the sprint goals were met, sprint after sprint: a strip for the eye and a table with every figure. */
import type { SprintOutcome } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { ChartAndTable } from './ChartAndTable';
import { OUTCOME_LABELS } from './outcome-wording';

export function GoalSuccessTrend({ outcomes }: { outcomes: readonly SprintOutcome[] }) {
  const { t, formatDate, formatPercent } = useGadgetI18n();
  const oldestFirst = [...outcomes].sort((a, b) => a.closedAt.localeCompare(b.closedAt));
  const recorded = oldestFirst.filter((sprint) => sprint.outcome !== null);
  const count = (outcome: SprintOutcome['outcome']) => recorded.filter((sprint) => sprint.outcome === outcome).length;
  return (
    <ChartAndTable
      headingId="gk-goal-success-heading"
      heading={t('goalSuccess.heading')}
      waiting={oldestFirst.length === 0 ? t('goalSuccess.empty') : null}
      summary={
        recorded.length === 0
          ? t('goalSuccess.noneRecorded')
          : t('goalSuccess.summary', { met: count('met'), count: recorded.length, partly: count('partly'), notMet: count('not-met') })
      }
      chartClassName="gk-outcome-strip"
      chart={oldestFirst.map((sprint) => (
        <li key={sprint.sprintId} className={`gk-outcome-strip__${sprint.outcome ?? 'pending'}`} title={sprint.sprintName} />
      ))}
      columns={[t('goalSuccess.sprint'), t('goalSuccess.closed'), t('goalSuccess.outcome'), t('goalSuccess.churn'), t('goalSuccess.note')]}
      rows={oldestFirst.map((sprint) => (
        <tr key={sprint.sprintId}>
          <th scope="row">{sprint.sprintName}</th>
          <td>{formatDate(sprint.closedAt)}</td>
          <td>{t(OUTCOME_LABELS[sprint.outcome ?? 'pending'])}</td>
          <td>{sprint.grossChurn === null ? t('goalSuccess.churn.none') : formatPercent(sprint.grossChurn)}</td>
          <td className="gk-user-text">{sprint.note}</td>
        </tr>
      ))}
    />
  );
}
