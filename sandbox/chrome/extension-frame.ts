/**
 * Mounts one Custom UI extension the way Jira does: an iframe on the resource's own path, with
 * the sandbox flags Forge sets, and the placement (issue, gadget, project, board) recorded on the
 * element for the bridge host — the app never chooses its own context.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HostedApp, UiModule } from '../forge-host/forge-manifest';
import type { Mount, Placement } from '../forge-host/product-context';
import { RESOURCES_PATH } from '../forge-host/resource-server';
import { html, type SafeHtml } from './html';

/** The iframe sandbox flags of Forge's Custom UI frames. */
const FRAME_SANDBOX =
  'allow-downloads allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-storage-access-by-user-activation';

export function extensionFrame(app: HostedApp, module: UiModule, placement: Placement): SafeHtml {
  const resource =
    placement.kind === 'gadget' && placement.entryPoint === 'edit' ? (module.editResource ?? module.resource) : module.resource;
  const resourceDir = app.manifest.resources.get(resource);
  if (resourceDir === undefined || !existsSync(join(resolve(app.root, resourceDir), 'index.html'))) {
    return html`<div class="section-message section-message-warning" role="status">
      <strong>${module.title} is not built.</strong> Run <code>npm run build:static</code> (or <code>npm start</code>) to build
      <code>${resourceDir ?? resource}</code>.
    </div>`;
  }
  const mount: Mount = { moduleKey: module.key, placement };
  return html`<iframe
    class="forge-frame"
    title="${module.title}"
    src="${RESOURCES_PATH}${resource}/index.html"
    sandbox="${FRAME_SANDBOX}"
    data-forge-mount="${JSON.stringify(mount)}"
    data-module-key="${module.key}"
  ></iframe>`;
}
