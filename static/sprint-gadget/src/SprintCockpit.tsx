/**
 * The active sprint, shaped for a dashboard (issue 15). The first screen answers "will we make
 * the goal, and what needs me?" within about 600 px at the gadget's width: the sprint and its
 * goal, P(goal) now and how it moved, the proposals waiting for a decision (decided inline), and
 * churn in one line. Everything else is one click away in detail sections, remembered per board.
 */
import type { ReadySprintView } from '@goalkeeper/contract';
import { Icon } from '../../shared/components/icons';
import { BurnUp } from './burn-up/BurnUp';
import { BypassedChanges } from './bypassed/BypassedChanges';
import { CalibrationPanel } from './calibration/CalibrationPanel';
import { CapacityVsWork } from './capacity/CapacityVsWork';
import { RestOfSprintCapacity } from './capacity/RestOfSprintCapacity';
import { Churn } from './churn/Churn';
import { DecisionLog } from './decisions/DecisionLog';
import { DetailSections, type DetailSectionContent } from './details/DetailSections';
import { useRememberedSections } from './details/remembered-sections';
import { ChurnLine } from './first-screen/ChurnLine';
import { SprintHeader } from './header/SprintHeader';
import { useGadgetI18n } from './messages/catalogue';
import { GoalSuccessTrend } from './outcomes/GoalSuccessTrend';
import { OutcomePrompts, type OutcomeRecorder } from './outcomes/OutcomePrompts';
import { Queue } from './queue/Queue';
import { GoalChance } from './risk/GoalChance';
import { PGoalTrend } from './risk/PGoalTrend';
import type { SprintViewActions } from './use-sprint-view';

export interface SprintCockpitProps {
  readonly state: ReadySprintView;
  readonly openedFromSprintId: number | null;
  readonly actions: SprintViewActions;
  readonly recorder: OutcomeRecorder;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
  readonly onAnnounce: (message: string) => void;
}

export function SprintCockpit({ state, openedFromSprintId, actions, recorder, refreshing, onRefresh, onAnnounce }: SprintCockpitProps) {
  const { t } = useGadgetI18n();
  const remembered = useRememberedSections(state.board.id);
  const outcomesWaiting = state.outcomes.filter((outcome) => outcome.outcome === null).length;
  const sections: readonly DetailSectionContent[] = [
    {
      id: 'items',
      label: t('details.items'),
      content: () => (
        <>
          <CapacityVsWork state={state} />
          <RestOfSprintCapacity
            key={`${state.sprint.id}:${JSON.stringify(state.capacity)}`}
            state={state}
            setCapacity={actions.setCapacity}
            onSaved={onAnnounce}
          />
        </>
      ),
    },
    { id: 'burn-up', label: t('burnUp.heading'), content: () => <BurnUp state={state} /> },
    { id: 'churn', label: t('churn.heading'), content: () => <Churn state={state} /> },
    {
      id: 'decisions',
      label: t('details.decisions', { count: state.decisionsTotal }),
      content: () => (
        <>
          <DecisionLog state={state} />
          <PGoalTrend trend={state.trend} />
        </>
      ),
    },
    {
      id: 'bypassed',
      label: t('details.bypassed', { count: state.bypassed.length }),
      content: () => <BypassedChanges state={state} actions={actions} onAnnounce={onAnnounce} />,
    },
    {
      id: 'history',
      label: outcomesWaiting > 0 ? t('details.history.waiting', { count: outcomesWaiting }) : t('details.history'),
      content: () => (
        <>
          <OutcomePrompts outcomes={state.outcomes} recorder={recorder} />
          <GoalSuccessTrend outcomes={state.outcomes} />
          <CalibrationPanel calibration={state.calibration} />
        </>
      ),
    },
  ];
  return (
    <>
      <div className="gk-first-screen gk-stack">
        {openedFromSprintId !== null && openedFromSprintId !== state.sprint.id && (
          <div className="gk-banner gk-banner--info" role="note">
            <Icon name="info" className="gk-banner__icon" />
            <p>{t('gadget.otherSprint', { sprint: state.sprint.name })}</p>
          </div>
        )}
        <SprintHeader state={state} actions={actions} refreshing={refreshing} onRefresh={onRefresh} onAnnounce={onAnnounce} />
        <GoalChance state={state} />
        <Queue state={state} actions={actions} onAnnounce={onAnnounce} onReload={onRefresh} />
        <ChurnLine state={state} />
      </div>
      <DetailSections sections={sections} remembered={remembered} />
    </>
  );
}
