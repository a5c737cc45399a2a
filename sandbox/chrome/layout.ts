/**
 * The frame every sandbox page shares, drawn after Jira Cloud's: the top navigation with the
 * sandbox controls (act as a person, colour mode, language, the app's licence) and the person's
 * notifications drawer, the project
 * sidebar, and the page body. Styled only with Atlassian design tokens (tokens.css), so the
 * chrome and the Custom UI iframes switch colour mode together.
 */
import type { Viewer } from '../forge-host/product-context';
import { BRIDGE_HOST_PATH, TOKENS_STYLESHEET_PATH } from '../forge-host/resource-server';
import { html, type SafeHtml } from './html';
import { HOME_PROJECT_KEY, LOCALES, type Person } from './viewer';

export type Section = 'backlog' | 'issues' | 'dashboard' | 'settings';

export interface PageFrame {
  readonly title: string;
  readonly section: Section;
  readonly viewer: Viewer;
  readonly person: Person;
  readonly people: readonly Person[];
  readonly licenseActive: boolean;
  readonly body: SafeHtml;
  /** Extra page scripts under /__sandbox/. */
  readonly scripts?: readonly string[];
  /** How many notifications Jira has sent the person acting (their drawer lists them). */
  readonly notificationCount?: number;
}

export const CHROME_ASSETS_PATH = '/__sandbox/';

export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** A round avatar with initials; the colour is one of the token accents, fixed per person. */
export function avatar(person: { accountId: string; displayName: string }, size: 'small' | 'medium' = 'small'): SafeHtml {
  const accents = ['blue', 'green', 'purple', 'teal', 'orange', 'magenta', 'lime'];
  const hash = [...person.accountId].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  return html`<span
    class="avatar avatar-${size} accent-${accents[hash % accents.length] ?? 'blue'}"
    title="${person.displayName}"
    aria-hidden="true"
    >${initialsOf(person.displayName)}</span
  >`;
}

function roleLabel(person: Person): string {
  return person.roles.length > 0 ? person.roles.join(', ') : 'no role in ' + HOME_PROJECT_KEY;
}

function topBar(frame: PageFrame): SafeHtml {
  const { viewer, person, people, licenseActive } = frame;
  return html`<header class="top-bar" role="banner">
    <a class="product-logo" href="/" aria-label="Jira (Goalkeeper sandbox) home">
      <span class="product-mark" aria-hidden="true"></span><span class="product-name">Jira</span>
    </a>
    <nav class="top-nav" aria-label="Main">
      <a
        href="/jira/software/projects/${HOME_PROJECT_KEY}/boards/1/backlog"
        ${frame.section === 'backlog' || frame.section === 'issues' ? html`aria-current="page"` : ''}
        >Projects</a
      >
      <a href="/jira/dashboards/10000" ${frame.section === 'dashboard' ? html`aria-current="page"` : ''}>Dashboards</a>
      <a href="/jira/software/projects/${HOME_PROJECT_KEY}/settings/apps" ${frame.section === 'settings' ? html`aria-current="page"` : ''}
        >Apps</a
      >
    </nav>
    <div class="sandbox-controls">
      <span class="lozenge lozenge-discovery" title="A local stand-in for Jira Cloud: nothing here reaches Atlassian">Sandbox</span>
      <button
        type="button"
        class="control"
        id="licence-toggle"
        data-active="${String(licenseActive)}"
        aria-pressed="${String(!licenseActive)}"
      >
        Licence: <strong>${licenseActive ? 'active' : 'inactive'}</strong>
      </button>
      <button
        type="button"
        class="control"
        id="theme-toggle"
        aria-label="Colour mode: ${viewer.colorMode}. Switch to ${viewer.colorMode === 'dark' ? 'light' : 'dark'}"
      >
        ${viewer.colorMode === 'dark' ? '☾ Dark' : '☀ Light'}
      </button>
      <label class="control-select"
        ><span class="visually-hidden">Language</span>
        <select id="locale-switcher">
          ${LOCALES.map((locale) => html`<option value="${locale.code}" ${locale.code === viewer.locale ? html`selected` : ''}>${locale.label}</option>`)}
        </select>
      </label>
      ${notificationsButton(frame.notificationCount ?? 0)}
      <label class="user-switcher"
        >${avatar(person, 'medium')}<span class="visually-hidden">Acting as</span>
        <select id="user-switcher" aria-describedby="user-role">
          ${people.map((candidate) => html`<option value="${candidate.accountId}" ${candidate.accountId === person.accountId ? html`selected` : ''}>${candidate.displayName} — ${roleLabel(candidate)}</option>`)}
        </select>
        <span id="user-role" class="visually-hidden">${person.displayName}, ${roleLabel(person)}</span>
      </label>
    </div>
  </header>`;
}

/**
 * Jira's bell: what Jira mailed the person acting through its notify API (Goalkeeper's notices),
 * read in a drawer instead of an inbox. chrome.js fills the drawer when it opens.
 */
function notificationsButton(count: number): SafeHtml {
  const label = count === 1 ? '1 notification' : `${count} notifications`;
  return html`<button
    type="button"
    class="control notifications-toggle"
    id="notifications-toggle"
    aria-haspopup="dialog"
    aria-controls="notifications-drawer"
    aria-label="Notifications: ${label}"
  >
    Notifications${count > 0 ? html` <span class="badge" aria-hidden="true">${count}</span>` : ''}
  </button>`;
}

function notificationsDrawer(person: Person): SafeHtml {
  return html`<dialog class="drawer" id="notifications-drawer" aria-labelledby="notifications-heading">
    <div class="modal-header">
      <h2 id="notifications-heading">Notifications for ${person.displayName}</h2>
      <button type="button" class="button button-subtle" data-close-modal>Close</button>
    </div>
    <p class="subtle small drawer-intro">Emails Jira sent you through its notification API, by your notification settings. Newest first.</p>
    <div class="drawer-body" id="notifications-list" aria-live="polite"></div>
  </dialog>`;
}

function sidebar(section: Section): SafeHtml {
  const link = (target: Section, href: string, label: string) =>
    html`<li><a href="${href}" ${section === target ? html`aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="sidebar" aria-label="Project">
    <div class="project-heading">
      <span class="project-avatar" aria-hidden="true">ON</span>
      <span><strong>Onboarding</strong><br /><small>Software project</small></span>
    </div>
    <p class="sidebar-group">Planning</p>
    <ul>
      ${link('backlog', `/jira/software/projects/${HOME_PROJECT_KEY}/boards/1/backlog`, 'Backlog')}
      ${link('issues', `/jira/software/projects/${HOME_PROJECT_KEY}/issues`, 'Issues')}
      ${link('dashboard', '/jira/dashboards/10000', 'Team dashboard')}
    </ul>
    <p class="sidebar-group">Development</p>
    <ul>
      ${link('settings', `/jira/software/projects/${HOME_PROJECT_KEY}/settings/apps`, 'Project settings')}
    </ul>
    <form method="post" action="/api/reset" class="sidebar-reset" id="reset-form">
      <button type="submit" class="button button-subtle">Reset sandbox to seed</button>
    </form>
  </nav>`;
}

export function pageHtml(frame: PageFrame): string {
  return html`<!doctype html>
    <html
      lang="${frame.viewer.locale}"
      data-color-mode="${frame.viewer.colorMode}"
      data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape"
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>${frame.title} - Jira (Goalkeeper sandbox)</title>
        <link rel="stylesheet" href="${TOKENS_STYLESHEET_PATH}" />
        <link rel="stylesheet" href="${CHROME_ASSETS_PATH}chrome.css" />
        <script src="${BRIDGE_HOST_PATH}"></script>
        <script src="${CHROME_ASSETS_PATH}chrome.js" defer></script>
        ${(frame.scripts ?? []).map((script) => html`<script src="${CHROME_ASSETS_PATH}${script}" defer></script>`)}
      </head>
      <body data-account-id="${frame.viewer.accountId}">
        ${topBar(frame)}
        <div class="page">
          ${sidebar(frame.section)}
          <main class="content" id="main">${frame.body}</main>
        </div>
        ${notificationsDrawer(frame.person)}
        <div class="flags" id="flags" aria-live="polite"></div>
      </body>
    </html>`.markup;
}
