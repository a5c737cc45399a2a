/** The sprint at a glance: board, name, dates, working days left, the goal and how far its items are. */
import type { ReadySprintView } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ExportCsv } from '../export/ExportCsv';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';
import { GoalItems } from './GoalItems';

export interface SprintHeaderProps {
  readonly state: ReadySprintView;
  readonly actions: Pick<SprintViewActions, 'exportCsv'>;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
  readonly onAnnounce: (message: string) => void;
}

export function SprintHeader({ state, actions, refreshing, onRefresh, onAnnounce }: SprintHeaderProps) {
  const { t, formatDate } = useGadgetI18n();
  const { sprint, board } = state;
  return (
    <header className="gk-sprint-header gk-stack gk-stack--tight">
      <div className="gk-row gk-row--spread gk-sprint-header__top">
        <h2>{sprint.name}</h2>
        <div className="gk-row gk-sprint-header__actions">
          <Button appearance="subtle" busy={refreshing} onClick={onRefresh}>
            {t('header.refresh')}
          </Button>
          <ExportCsv exportCsv={actions.exportCsv} onAnnounce={onAnnounce} />
        </div>
      </div>
      <p className="gk-small">
        {t('header.board', { board: board.name })}
        {' · '}
        {sprint.startDate &&
          sprint.endDate &&
          `${t('header.dates', { start: formatDate(sprint.startDate), end: formatDate(sprint.endDate) })} · `}
        {t('header.daysLeft', { count: sprint.workingDaysLeft })}
      </p>
      {/* Clamped to three lines for the eye only: the whole goal stays in the text for screen readers and in the tooltip. */}
      <p className="gk-sprint-header__goal-line" title={sprint.goal ?? undefined}>
        <span className="gk-muted">{t('header.goal')} </span>
        {sprint.goal ? <span className="gk-user-text gk-sprint-header__goal">{sprint.goal}</span> : <em>{t('header.noGoal')}</em>}
      </p>
      <GoalItems items={state.goalItems} />
    </header>
  );
}
