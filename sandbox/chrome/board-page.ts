/**
 * Jira's backlog view of a Scrum board: the active sprint, future sprints and the backlog in rank
 * order. The list itself is drawn in the browser by board.js from /api/boards/:id and re-fetched
 * while the page is open, so a change Goalkeeper applies in the background shows up on its own.
 * The board's and sprints' Goalkeeper actions (jira:boardAction, jira:sprintAction) open in a
 * modal, as Jira opens them; "Create issue" files a new one into the backlog as the person acting.
 */
import type { HostedApp } from '../forge-host/forge-manifest';
import { pointsFieldOf, type JiraBoard, type JiraSite } from '../jira/jira-model';
import { extensionFrame } from './extension-frame';
import { html, type SafeHtml } from './html';

export function boardPage(app: HostedApp, site: JiraSite, board: JiraBoard): { title: string; body: SafeHtml } {
  const boardActions = app.manifest.uiModules.filter((module) => module.type === 'jira:boardAction');
  const sprintActions = app.manifest.uiModules.filter((module) => module.type === 'jira:sprintAction');
  const openSprints = [...site.sprints.values()].filter((sprint) => sprint.boardId === board.id && sprint.state !== 'closed');
  const body = html`<div class="page-header">
      <h1>Backlog <span class="subtle">· ${board.name}</span></h1>
      <div class="page-actions">
        <button
          type="button"
          class="button button-primary"
          id="create-issue-open"
          aria-haspopup="dialog"
          aria-controls="create-issue-dialog"
        >
          Create issue
        </button>
        ${boardActions.map((module) => html`<button type="button" class="button" data-open-modal="modal-${module.key}">${module.title}</button>`)}
      </div>
    </div>
    <p class="subtle">
      Rank and sprint membership as Jira holds them, refreshed every few seconds. The “Move in Jira” menu changes Jira directly as you,
      bypassing Goalkeeper.
    </p>
    ${createIssueDialog(site, board)}
    <div
      id="board"
      data-board-id="${board.id}"
      data-sprint-actions="${JSON.stringify(sprintActions.map((module) => ({ key: module.key, title: module.title })))}"
      aria-live="polite"
    >
      <p class="subtle">Loading the board…</p>
    </div>
    <p class="subtle small" id="board-updated"></p>
    ${boardActions.map((module) => modal(`modal-${module.key}`, module.title, extensionFrame(app, module, { kind: 'board', boardId: board.id })))}
    ${sprintActions.flatMap((module) =>
      openSprints.map((sprint) =>
        modal(
          `modal-${module.key}-${sprint.id}`,
          `${module.title} — ${sprint.name}`,
          extensionFrame(app, module, { kind: 'sprint', boardId: board.id, sprintId: sprint.id }),
        ),
      ),
    )}`;
  return { title: `Backlog - ${board.name}`, body };
}

/**
 * Jira's Create dialog, cut to what a team files mid-sprint: summary, type, priority, estimate.
 * create-issue.js sends it as the person acting; Jira's answer (an error per field, or the new
 * key) is shown in the dialog.
 */
function createIssueDialog(site: JiraSite, board: JiraBoard): SafeHtml {
  const project = site.projects.get(board.projectId);
  if (!project) return html``;
  const types = project.issueTypes.filter((type) => type.hierarchyLevel === 0);
  return html`<dialog class="modal create-issue" id="create-issue-dialog" aria-labelledby="create-issue-heading">
    <form id="create-issue-form" data-project-key="${project.key}" novalidate>
      <div class="modal-header">
        <h2 id="create-issue-heading">Create issue in ${project.name}</h2>
        <button type="button" class="button button-subtle" data-close-modal>Cancel</button>
      </div>
      <div class="modal-body form-grid">
        <label for="create-issue-summary">Summary <span aria-hidden="true">*</span></label>
        <input
          id="create-issue-summary"
          name="summary"
          required
          maxlength="255"
          autocomplete="off"
          aria-describedby="create-issue-summary-error"
        />
        <p class="field-error" id="create-issue-summary-error" data-error-for="summary"></p>
        <label for="create-issue-type">Issue type</label>
        <select id="create-issue-type" name="type">
          ${types.map((type) => html`<option value="${type.name}" ${type.name === 'Bug' ? html`selected` : ''}>${type.name}</option>`)}
        </select>
        <p class="field-error" data-error-for="issuetype"></p>
        <label for="create-issue-priority">Priority</label>
        <select id="create-issue-priority" name="priority">
          ${site.priorities.map((priority) => html`<option value="${priority.name}" ${priority.name === 'Medium' ? html`selected` : ''}>${priority.name}</option>`)}
        </select>
        <p class="field-error" data-error-for="priority"></p>
        <label for="create-issue-estimate">${pointsFieldOf(project).displayName}</label>
        <input id="create-issue-estimate" name="estimate" type="number" min="0" step="0.5" inputmode="decimal" />
        <p class="field-error" data-error-for="estimate"></p>
        <p class="section-message section-message-error" id="create-issue-message" role="alert" hidden></p>
        <div class="form-actions"><button type="submit" class="button button-primary">Create</button></div>
      </div>
    </form>
  </dialog>`;
}

/** A modal whose iframe is created only when it opens (the template is inert until then). */
function modal(id: string, title: string, content: SafeHtml): SafeHtml {
  return html`<dialog class="modal" id="${id}" aria-label="${title}">
    <div class="modal-header">
      <h2>${title}</h2>
      <button type="button" class="button button-subtle" data-close-modal>Close</button>
    </div>
    <template>${content}</template>
    <div class="modal-body"></div>
  </dialog>`;
}
