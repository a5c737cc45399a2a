/** The sprint view as Jira opens it: a dashboard gadget (view or edit) or the board/sprint menu. */
import { EmptyState } from '../../shared/components/EmptyState';
import type { ForgeContext } from '../../shared/forge-host';
import { boardIdOf, isEditView } from './gadget-context';
import { GadgetConfigForm } from './GadgetConfigForm';
import { useGadgetI18n } from './messages/catalogue';
import { SprintView } from './SprintView';

export default function SprintGadgetApp({ context }: { context: ForgeContext }) {
  const { t } = useGadgetI18n();
  const boardId = boardIdOf(context);
  if (isEditView(context)) return <GadgetConfigForm boardId={boardId} />;
  if (boardId === null) return <EmptyState headingLevel={2} title={t('gadget.unconfigured.title')} description={t('gadget.unconfigured.description')} />;
  return <SprintView boardId={boardId} />;
}
