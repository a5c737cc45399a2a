/** The sprint view as Jira opens it: a dashboard gadget (view or edit) or the board/sprint menu. */
import type { AppProps } from '../../shared/boot-app';
import { EmptyState } from '../../shared/components/EmptyState';
import { IssueLinkSite } from '../../shared/components/IssueLink';
import type { ForgeContext } from '../../shared/forge-host';
import { GadgetConfigForm } from './config/GadgetConfigForm';
import { isEditView, placementOf, savedConfiguration } from './gadget-context';
import { useGadgetI18n } from './messages/catalogue';
import { SprintView } from './SprintView';
import { loadSprintView, type SprintViewAnswer } from './use-sprint-view';

/** Asks for the sprint view the moment the context names the board (not in the gadget's edit view). */
export function prefetch(context: ForgeContext): SprintViewAnswer | undefined {
  if (isEditView(context)) return undefined;
  const { boardId, goalLabel } = placementOf(context);
  return boardId === null ? undefined : loadSprintView(boardId, goalLabel);
}

export default function SprintGadgetApp({ context, prefetched }: AppProps<SprintViewAnswer | undefined>) {
  const { t } = useGadgetI18n();
  if (isEditView(context)) return <GadgetConfigForm saved={savedConfiguration(context)} />;
  const { boardId, sprintId, goalLabel, configurable } = placementOf(context);
  if (boardId === null) {
    return (
      <div className="gk-gadget">
        <EmptyState
          headingLevel={2}
          title={t('gadget.unconfigured.title')}
          description={configurable ? t('gadget.unconfigured.description') : t('gadget.noBoard.description')}
        />
      </div>
    );
  }
  return (
    <IssueLinkSite siteUrl={context.siteUrl}>
      <SprintView
        boardId={boardId}
        goalLabel={goalLabel}
        openedFromSprintId={sprintId}
        configurable={configurable}
        firstAnswer={prefetched}
      />
    </IssueLinkSite>
  );
}
