/**
 * Jira's backlog view of a Scrum board: the active sprint, future sprints and the backlog in rank
 * order. The list itself is drawn in the browser by board.js from /api/boards/:id and re-fetched
 * while the page is open, so a change Goalkeeper applies in the background shows up on its own.
 * The board's and sprints' Goalkeeper actions (jira:boardAction, jira:sprintAction) open in a
 * modal, as Jira opens them.
 */
import type { HostedApp } from '../forge-host/forge-manifest';
import type { JiraBoard, JiraSite } from '../jira/jira-model';
import { extensionFrame } from './extension-frame';
import { html, type SafeHtml } from './html';

export function boardPage(app: HostedApp, site: JiraSite, board: JiraBoard): { title: string; body: SafeHtml } {
  const boardActions = app.manifest.uiModules.filter((module) => module.type === 'jira:boardAction');
  const sprintActions = app.manifest.uiModules.filter((module) => module.type === 'jira:sprintAction');
  const openSprints = [...site.sprints.values()].filter((sprint) => sprint.boardId === board.id && sprint.state !== 'closed');
  const body = html`<div class="page-header">
  <h1>Backlog <span class="subtle">· ${board.name}</span></h1>
  <div class="page-actions">
    ${boardActions.map((module) => html`<button type="button" class="button" data-open-modal="modal-${module.key}">${module.title}</button>`)}
  </div>
</div>
<p class="subtle">Rank and sprint membership as Jira holds them, refreshed every few seconds. The “Move in Jira” menu changes Jira directly as you, bypassing Goalkeeper.</p>
<div id="board" data-board-id="${board.id}" data-sprint-actions="${JSON.stringify(sprintActions.map((module) => ({ key: module.key, title: module.title })))}" aria-live="polite"><p class="subtle">Loading the board…</p></div>
<p class="subtle small" id="board-updated"></p>
${boardActions.map((module) => modal(`modal-${module.key}`, module.title, extensionFrame(app, module, { kind: 'board', boardId: board.id })))}
${sprintActions.flatMap((module) =>
  openSprints.map((sprint) =>
    modal(`modal-${module.key}-${sprint.id}`, `${module.title} — ${sprint.name}`, extensionFrame(app, module, { kind: 'sprint', boardId: board.id, sprintId: sprint.id })),
  ),
)}`;
  return { title: `Backlog - ${board.name}`, body };
}

/** A modal whose iframe is created only when it opens (the template is inert until then). */
function modal(id: string, title: string, content: SafeHtml): SafeHtml {
  return html`<dialog class="modal" id="${id}" aria-label="${title}">
  <div class="modal-header"><h2>${title}</h2><button type="button" class="button button-subtle" data-close-modal>Close</button></div>
  <template>${content}</template>
  <div class="modal-body"></div>
</dialog>`;
}
