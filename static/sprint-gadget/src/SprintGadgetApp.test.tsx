import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { callsTo, answerResolvers } from '../../shared/testing/scripted-resolvers';
import { NO_ACTIVE_SPRINT, NOT_SCRUM, readyState, SPRINT_GOAL } from './testing/sprint-fixtures';
import { forgeContext } from '../../shared/testing/forge-context';
import { renderInLocale } from '../../shared/testing/render-in-locale';
import { gadgetCatalogues } from './messages/catalogue';
import SprintGadgetApp, { prefetch } from './SprintGadgetApp';
import { GADGET_ON_BOARD_1, showGadget, showSprint } from './testing/render-gadget';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

describe('the sprint gadget', () => {
  it('shows the configured board’s sprint from one resolver call: name, dates, days left, goal and goal items', async () => {
    showSprint(bridgeInvoke, readyState());

    expect(await screen.findByRole('heading', { level: 2, name: 'ONB Sprint 7' })).toBeInTheDocument();
    expect(screen.getByText('Board: ONB board · Nov 16, 2026 – Nov 30, 2026 · 6 working days left')).toBeInTheDocument();
    expect(screen.getByText(SPRINT_GOAL)).toBeInTheDocument();
    expect(screen.getByText('7 goal-critical items')).toBeInTheDocument();
    expect(screen.getByText('2 done')).toBeInTheDocument();
    expect(screen.getByText('3 in progress')).toBeInTheDocument();
    expect(screen.getByText('2 to do')).toBeInTheDocument();
    expect(bridgeInvoke).toHaveBeenCalledTimes(1);
    expect(callsTo(bridgeInvoke, 'getSprintViewState')).toEqual([{ boardId: 1 }]);
  });

  it('shows P(goal) now and how it moved since the sprint started', async () => {
    showSprint(bridgeInvoke, readyState());
    const risk = await screen.findByRole('region', { name: 'Chance of meeting the goal' });

    expect(within(risk).getByText('P(goal) 64%')).toBeInTheDocument();
    expect(within(risk).getByText('Caution')).toBeInTheDocument();
    expect(within(risk).getByText('Since the sprint started: from 70% to 64%, over 2 steps.')).toBeInTheDocument();
    const steps = screen.getByRole('region', { name: 'Since the sprint started' });
    expect(within(steps).getByText('From 70% to 64%, over 2 steps.')).toBeInTheDocument();
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((step) => step.textContent),
    ).toEqual([
      expect.stringMatching(/ONB-16 approved: 70%$/),
      expect.stringMatching(/ONB-61 approved: 72%$/),
      expect.stringMatching(/Now: 64%$/),
    ]);
  });

  it('compares the work left with the expected capacity and draws the capacity line through the ranked items', async () => {
    showSprint(bridgeInvoke, readyState());
    const capacity = await screen.findByRole('region', { name: 'Capacity vs work' });

    expect(within(capacity).getByText('The goal-critical work is 1 point more than the expected capacity.')).toBeInTheDocument();
    expect(within(capacity).getByText('Expected capacity (P50)')).toBeInTheDocument();
    const items = within(capacity)
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    const line = items.findIndex((text) => text.startsWith('Capacity line (P50)'));
    expect(items[line - 1]).toContain('ONB-48');
    expect(items[line + 1]).toContain('ONB-46');
    expect(items[line + 1]).toContain('below the capacity line');
  });

  it('takes the board from the board menu, where Jira sends its id as text', async () => {
    answerResolvers(bridgeInvoke, { getSprintViewState: () => ({ data: readyState({ board: { id: 12, name: 'Team 12' } }) }) });
    showGadget({ type: 'jira:boardAction', board: { id: '12', type: 'scrum' } });

    expect(await screen.findByText(/^Board: Team 12 · /)).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'getSprintViewState')).toEqual([{ boardId: 12 }]);
  });

  it('says that it shows the active sprint when opened from another sprint’s menu', async () => {
    answerResolvers(bridgeInvoke, { getSprintViewState: () => ({ data: readyState() }) });
    showGadget({ type: 'jira:sprintAction', board: { id: '1' }, sprint: { id: '8' } });

    expect(
      await screen.findByText(
        'Goalkeeper follows the board’s active sprint, so this shows ONB Sprint 7, not the sprint you opened it from.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the sprint asked for at boot from the Forge context, without asking again', async () => {
    answerResolvers(bridgeInvoke, { getSprintViewState: () => ({ data: readyState() }) });
    const context = forgeContext(GADGET_ON_BOARD_1);
    const prefetched = prefetch(context);
    expect(callsTo(bridgeInvoke, 'getSprintViewState')).toEqual([{ boardId: 1 }]);

    renderInLocale(<SprintGadgetApp context={context} prefetched={prefetched} />, gadgetCatalogues);

    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('heading', { level: 2, name: 'ONB Sprint 7' })).toBeInTheDocument();
    expect(bridgeInvoke).toHaveBeenCalledTimes(1);
  });

  it('explains how to choose a board when none is configured, without asking the backend', () => {
    expect(prefetch(forgeContext({ type: 'jira:dashboardGadget', gadgetConfiguration: {} }))).toBeUndefined();
    showGadget({ type: 'jira:dashboardGadget', gadgetConfiguration: {} });

    expect(screen.getByRole('heading', { name: 'Choose a board' })).toBeInTheDocument();
    expect(screen.getByText(/choose Edit to pick the Scrum board/)).toBeInTheDocument();
    expect(bridgeInvoke).not.toHaveBeenCalled();
  });

  it('explains that a Kanban board has no sprint goal to guard', async () => {
    showSprint(bridgeInvoke, NOT_SCRUM);

    expect(await screen.findByRole('heading', { name: 'ONB Kanban is not a Scrum board' })).toBeInTheDocument();
    expect(screen.getByText(/choose Edit and pick a Scrum board/)).toBeInTheDocument();
  });

  it('says there is no active sprint, and still asks for the closed sprint’s goal outcome', async () => {
    showSprint(bridgeInvoke, NO_ACTIVE_SPRINT);

    expect(await screen.findByRole('heading', { name: 'No active sprint on ONB board' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Was the goal of ONB Sprint 6 met?' })).toBeInTheDocument();
    expect(screen.getByText('Waiting for the Product Owner to record it: Priya Raman')).toBeInTheDocument();
  });

  it('shows in words that the person may not see the board, and what to do', async () => {
    answerResolvers(bridgeInvoke, {
      getSprintViewState: () => ({
        error: { code: 'not-found', message: 'This board does not exist or you do not have permission to see it.' },
      }),
    });
    showGadget();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not found, or not visible to you')).toBeInTheDocument();
    expect(within(alert).getByText('This board does not exist or you do not have permission to see it.')).toBeInTheDocument();
    expect(within(alert).getByText('Choose a board you can see: open this gadget’s menu and choose Edit.')).toBeInTheDocument();
  });

  it('shows text people typed as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    const { container } = showSprint(bridgeInvoke, readyState({ sprint: { ...readyState().sprint, goal: hostile } }));

    expect(await screen.findByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('speaks German when Jira does', async () => {
    showSprint(bridgeInvoke, readyState(), {}, 'de-DE');

    expect(await screen.findByText('Noch 6 Arbeitstage', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kapazität und Arbeit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Als CSV exportieren' })).toBeInTheDocument();
  });
});
