/** Where this issue stands: its sprint (or the backlog), the goal, days left, and the risk now. */
import type { IssuePanelState } from '@goalkeeper/contract';
import { Lozenge } from '../../../shared/components/Lozenge';
import { RiskMeter } from '../../../shared/components/RiskMeter';
import { usePanelI18n } from '../messages/catalogue';

export function ContextHeader({ state }: { state: IssuePanelState }) {
  const { t, formatDate } = usePanelI18n();
  const { issue, sprint, board, risk } = state;
  const placement = !sprint
    ? t('header.noSprint')
    : issue.inActiveSprint
      ? t('header.inSprint', { sprint: sprint.name })
      : t('header.backlog', { sprint: sprint.name });
  return (
    <header className="gk-context gk-stack">
      <div className="gk-row">
        <strong>{placement}</strong>
        {issue.goalCritical && <Lozenge appearance="new">{t('issue.goalCritical')}</Lozenge>}
        {board && <span className="gk-small">{t('header.board', { board: board.name })}</span>}
      </div>
      {sprint && (
        <>
          <p>
            <span className="gk-muted">{t('header.goal')} </span>
            {sprint.goal ? <span className="gk-user-text">{sprint.goal}</span> : <em>{t('header.noGoal')}</em>}
          </p>
          <p className="gk-small">
            {t('header.daysLeft', { count: sprint.workingDaysLeft })}
            {sprint.endDate && ` · ${t('header.ends', { date: formatDate(sprint.endDate) })}`}
          </p>
        </>
      )}
      {risk && (
        <div className="gk-stack gk-stack--tight">
          <span className="gk-small">{t('header.riskNow')}</span>
          <RiskMeter level={risk.level} pGoal={risk.before.pGoal} />
        </div>
      )}
    </header>
  );
}
