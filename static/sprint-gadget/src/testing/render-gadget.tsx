/** Renders the sprint gadget as Jira opens it, with the backend answering from a script. */
import type { SprintViewState } from '@goalkeeper/contract';
import type { ForgeContext } from '../../../shared/forge-host';
import { forgeContext } from '../../../shared/testing/forge-context';
import { renderInLocale } from '../../../shared/testing/render-in-locale';
import { answerResolvers, type ResolverScript } from '../../../shared/testing/scripted-resolvers';
import { DETAIL_SECTIONS, writeOpenSections, type DetailSection } from '../details/remembered-sections';
import { gadgetCatalogues } from '../messages/catalogue';
import SprintGadgetApp from '../SprintGadgetApp';

/** The extension of a dashboard gadget configured for the sandbox's ONB board (saved before issue 15, so with a confidence the view now ignores). */
export const GADGET_ON_BOARD_1 = {
  type: 'jira:dashboardGadget',
  gadgetConfiguration: { boardId: 1, goalLabel: null, confidence: 'p85' },
} as const;

export function showGadget(extension: Readonly<Record<string, unknown>> = GADGET_ON_BOARD_1, locale: ForgeContext['locale'] = 'en-US') {
  return renderInLocale(<SprintGadgetApp context={{ ...forgeContext(extension), locale }} />, gadgetCatalogues, locale);
}

/**
 * The gadget on board 1, the backend answering `getSprintViewState` with `state` (or what `script`
 * says), as someone who left every detail section open (remembered per board, so each section's
 * tests find it shown); `showFirstScreen` shows it as first opened, every section closed.
 */
export function showSprint(
  invoke: jest.Mock,
  state: SprintViewState,
  script: ResolverScript = {},
  locale?: ForgeContext['locale'],
  openSections: readonly DetailSection[] = DETAIL_SECTIONS,
) {
  writeOpenSections(state.kind === 'ready' ? state.board.id : 1, new Set(openSections));
  answerResolvers(invoke, { getSprintViewState: () => ({ data: state }), ...script });
  return showGadget(GADGET_ON_BOARD_1, locale);
}

export function showFirstScreen(invoke: jest.Mock, state: SprintViewState, script: ResolverScript = {}, locale?: ForgeContext['locale']) {
  return showSprint(invoke, state, script, locale, []);
}
