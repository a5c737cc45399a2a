/**
 * Project settings → Apps: the app's `jira:projectSettingsPage` modules, each on its own page
 * with the Custom UI iframe, as Jira lists them under the project's settings.
 */
import type { HostedApp, UiModule } from '../forge-host/forge-manifest';
import type { JiraProject } from '../jira/jira-model';
import { extensionFrame } from './extension-frame';
import { html, type SafeHtml } from './html';

export function settingsModules(app: HostedApp): readonly UiModule[] {
  return app.manifest.uiModules.filter((module) => module.type === 'jira:projectSettingsPage');
}

export function settingsIndexPage(app: HostedApp, project: JiraProject): { title: string; body: SafeHtml } {
  const body = html`<nav class="breadcrumbs" aria-label="Breadcrumbs">
      <a href="/jira/software/projects/${project.key}/boards/1/backlog">Projects</a> / ${project.name} / Project settings
    </nav>
    <h1>Apps</h1>
    <ul class="app-list">
      ${settingsModules(app).map(
        (module) =>
          html`<li>
            <a href="/jira/software/projects/${project.key}/settings/apps/${module.key}"
              ><span class="app-icon" aria-hidden="true">G</span>${module.title}</a
            >
          </li>`,
      )}
    </ul>`;
  return { title: `Apps - ${project.name} settings`, body };
}

export function settingsPage(app: HostedApp, project: JiraProject, module: UiModule): { title: string; body: SafeHtml } {
  const body = html`<nav class="breadcrumbs" aria-label="Breadcrumbs">
      <a href="/jira/software/projects/${project.key}/boards/1/backlog">Projects</a> / ${project.name} /
      <a href="/jira/software/projects/${project.key}/settings/apps">Project settings</a>
    </nav>
    <h1>${module.title}</h1>
    <div class="settings-frame">${extensionFrame(app, module, { kind: 'project-settings', projectKey: project.key })}</div>`;
  return { title: `${module.title} - ${project.name} settings`, body };
}
