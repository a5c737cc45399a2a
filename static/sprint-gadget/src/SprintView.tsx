/**
 * The sprint view for one board: the cockpit of its active sprint, or — when there is none, the
 * board is not a Scrum board, or the person may not see it — what that means and what to do.
 */
import { useState } from 'react';
import type { SprintViewState } from '@goalkeeper/contract';
import { Button } from '../../shared/components/Button';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { LiveRegion } from '../../shared/components/LiveRegion';
import { HiddenFromCallerNote } from '../../shared/components/HiddenFromCallerNote';
import { SprintCoverageNote } from '../../shared/components/SprintCoverageNote';
import { MissingPartsNote } from '../../shared/components/MissingPartsNote';
import { Skeleton } from '../../shared/components/Skeleton';
import { useFirstDataMark } from '../../shared/first-data-mark';
import { namesOf } from '../../shared/people';
import type { CallError } from '../../shared/resolver-client';
import { CalibrationPanel } from './calibration/CalibrationPanel';
import { useGadgetI18n, type GadgetTranslator } from './messages/catalogue';
import { GoalSuccessTrend } from './outcomes/GoalSuccessTrend';
import { OutcomePrompts, type OutcomeRecorder } from './outcomes/OutcomePrompts';
import { SprintCockpit } from './SprintCockpit';
import { useSprintView, type SprintViewActions, type SprintViewAnswer } from './use-sprint-view';

export interface SprintViewProps {
  readonly boardId: number;
  /** The gadget's goal-label override; '' for the project's rule. */
  readonly goalLabel?: string;
  /** The sprint whose menu opened the view (jira:sprintAction); the view always shows the active one. */
  readonly openedFromSprintId: number | null;
  /** Whether the board can be changed here (the gadget's Edit), which is what empty states advise. */
  readonly configurable: boolean;
  /** The view's state already asked for at boot (SprintGadgetApp's `prefetch`). */
  readonly firstAnswer?: SprintViewAnswer;
}

export function SprintView({ boardId, goalLabel = '', openedFromSprintId, configurable, firstAnswer }: SprintViewProps) {
  const { t } = useGadgetI18n();
  const { load, reload, actions } = useSprintView(boardId, goalLabel, firstAnswer);
  const [announcement, setAnnouncement] = useState('');
  useFirstDataMark(load.phase === 'ready');

  switch (load.phase) {
    case 'loading':
      return (
        <div className="gk-gadget">
          <Skeleton shape="sprint-gadget" label={t('gadget.loading')} />
        </div>
      );
    case 'failed':
      return (
        <div className="gk-gadget">
          <LoadFailure error={load.error} configurable={configurable} onRetry={() => void reload()} />
        </div>
      );
    case 'ready':
      return (
        <div className="gk-gadget gk-sprint gk-stack">
          <LiveRegion message={announcement} />
          {load.refreshError && <ErrorBanner error={load.refreshError} onRetry={() => void reload()} focusOnShow={false} />}
          <MissingPartsNote parts={'unavailable' in load.state ? load.state.unavailable : []} />
          <HiddenFromCallerNote hidden={'hidden' in load.state ? load.state.hidden : undefined} />
          <SprintCoverageNote coverage={'sprintCoverage' in load.state ? load.state.sprintCoverage : null} />
          <StateView
            state={load.state}
            openedFromSprintId={openedFromSprintId}
            configurable={configurable}
            actions={actions}
            refreshing={load.refreshing}
            onRefresh={() => void reload()}
            onAnnounce={setAnnouncement}
          />
        </div>
      );
  }
}

function LoadFailure({ error, configurable, onRetry }: { error: CallError; configurable: boolean; onRetry: () => void }) {
  const { t } = useGadgetI18n();
  const cannotSee = error.code === 'not-found' || error.code === 'forbidden';
  return (
    <ErrorBanner error={error} onRetry={onRetry}>
      {cannotSee && <p>{configurable ? t('gadget.noAccess.configurable') : t('gadget.noAccess.menu')}</p>}
    </ErrorBanner>
  );
}

interface StateViewProps {
  readonly state: SprintViewState;
  readonly openedFromSprintId: number | null;
  readonly configurable: boolean;
  readonly actions: SprintViewActions;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
  readonly onAnnounce: (message: string) => void;
}

function StateView({ state, configurable, actions, onAnnounce, ...rest }: StateViewProps) {
  const translator = useGadgetI18n();
  const { t } = translator;
  switch (state.kind) {
    case 'not-scrum':
      return (
        <EmptyState
          headingLevel={2}
          title={t('gadget.notScrum.title', { board: state.board.name })}
          description={configurable ? t('gadget.notScrum.configurable') : t('gadget.notScrum.menu')}
        />
      );
    case 'no-active-sprint': {
      const recorder: OutcomeRecorder = {
        boardId: state.board.id,
        decider: deciderOf(translator, state),
        record: actions.recordOutcome,
        onRecorded: onAnnounce,
      };
      return (
        <>
          <EmptyState
            headingLevel={2}
            title={t('gadget.noSprint.title', { board: state.board.name })}
            description={t('gadget.noSprint.description')}
            action={
              <Button busy={rest.refreshing} onClick={rest.onRefresh}>
                {t('header.refresh')}
              </Button>
            }
          />
          <OutcomePrompts outcomes={state.outcomes} recorder={recorder} />
          <GoalSuccessTrend outcomes={state.outcomes} />
          <CalibrationPanel calibration={state.calibration} />
        </>
      );
    }
    case 'ready':
      return (
        <SprintCockpit
          state={state}
          actions={actions}
          onAnnounce={onAnnounce}
          recorder={{
            boardId: state.board.id,
            decider: deciderOf(translator, state),
            record: actions.recordOutcome,
            onRecorded: onAnnounce,
          }}
          {...rest}
        />
      );
  }
}

/** Whether the viewer decides, and who does, for prompts only the Product Owner may answer. */
function deciderOf(
  translator: GadgetTranslator,
  state: { viewer: { isProductOwner: boolean }; people: Readonly<Record<string, string>>; productOwnerIds: readonly string[] },
) {
  return {
    isProductOwner: state.viewer.isProductOwner,
    names: namesOf(translator, state.people, state.productOwnerIds, translator.t('people.productOwner')),
  };
}
