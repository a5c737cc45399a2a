/**
 * A Jira dashboard holding one instance of each of the app's dashboard gadgets. A gadget with no
 * saved configuration opens in its edit view, as Jira shows a newly added gadget; "Edit" on the
 * gadget's header opens the edit view again (`?edit=<gadgetId>`). The edit view saves through
 * `view.submit()`, which the bridge host stores as the gadget's configuration.
 */
import type { HostedApp, UiModule } from '../forge-host/forge-manifest';
import { extensionFrame } from './extension-frame';
import { html, type SafeHtml } from './html';

export const DASHBOARD_ID = '10000';

/** Gadget instance ids on the sandbox dashboard, one per gadget module, numbered as Jira does. */
export function gadgetIdOf(app: HostedApp, module: UiModule): string {
  const gadgets = app.manifest.uiModules.filter((candidate) => candidate.type === 'jira:dashboardGadget');
  return String(10100 + gadgets.indexOf(module));
}

export function dashboardPage(
  app: HostedApp,
  configured: (gadgetId: string) => boolean,
  editing: string | null,
): { title: string; body: SafeHtml } {
  const gadgets = app.manifest.uiModules.filter((module) => module.type === 'jira:dashboardGadget');
  const body = html`<div class="page-header"><h1>Onboarding team</h1></div>
    <div class="dashboard">
      ${gadgets.map((module) => {
        const gadgetId = gadgetIdOf(app, module);
        const edit = module.editResource !== null && (editing === gadgetId || !configured(gadgetId));
        return html`<section class="gadget" id="gadget-${gadgetId}" aria-label="${module.title}" data-gadget-id="${gadgetId}">
          <header class="gadget-header">
            <h2>${module.title}${edit ? html` <span class="subtle">· Configure</span>` : ''}</h2>
            ${module.editResource !== null && !edit ? html`<a class="button button-subtle" href="?edit=${gadgetId}">Edit</a>` : ''}
          </header>
          ${extensionFrame(app, module, { kind: 'gadget', dashboardId: DASHBOARD_ID, gadgetId, entryPoint: edit ? 'edit' : 'view' })}
        </section>`;
      })}
    </div>`;
  return { title: 'Onboarding team dashboard', body };
}
