/**
 * The Forge host's HTTP surface under /__forge/: the resources (Custom UI builds), the bridge's
 * browser scripts and token stylesheet, and the three calls bridge-host.js forwards (context,
 * invoke, gadget configuration). The viewer always comes from the session, never from the body.
 */
import type { IncomingMessage } from 'node:http';
import { route, sendJson, sendText, type Route } from '../http-routes';
import type { BridgeHost } from './bridge-host';
import type { HostedApp } from './forge-manifest';
import type { Mount, Placement, Viewer } from './product-context';
import {
  BRIDGE_HOST_PATH,
  BRIDGE_SHIM_PATH,
  browserScript,
  RESOURCES_PATH,
  serveResource,
  TOKENS_STYLESHEET_PATH,
  tokensStylesheet,
} from './resource-server';

const PLACEMENT_KINDS: readonly Placement['kind'][] = ['issue', 'gadget', 'project-settings', 'board', 'sprint'];

export interface ForgeRouteOptions {
  readonly app: HostedApp;
  readonly bridge: BridgeHost;
  readonly viewerOf: (request: IncomingMessage) => Viewer;
}

function mountOf(value: unknown): Mount | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { moduleKey, placement } = value as { moduleKey?: unknown; placement?: { kind?: unknown } };
  if (typeof moduleKey !== 'string' || typeof placement !== 'object' || placement === null) return undefined;
  return PLACEMENT_KINDS.includes(placement.kind as Placement['kind']) ? (value as Mount) : undefined;
}

export function forgeRoutes(options: ForgeRouteOptions): Route[] {
  const { app, bridge, viewerOf } = options;
  const tokens = tokensStylesheet();
  const withMount =
    (answer: (mount: Mount, body: Record<string, unknown>, viewer: Viewer) => Promise<unknown> | unknown) =>
    async (call: Parameters<Route['handle']>[0]) => {
      const body = await call.body();
      const mount = mountOf(body.mount);
      if (!mount) return sendJson(call.response, 400, { ok: false, error: 'The page sent no valid extension mount.' });
      return sendJson(call.response, 200, await answer(mount, body, viewerOf(call.request)));
    };
  return [
    route('GET', new RegExp(`^${BRIDGE_SHIM_PATH}$`), ({ response }) =>
      sendText(response, 'text/javascript; charset=utf-8', browserScript('bridge-shim.js')),
    ),
    route('GET', new RegExp(`^${BRIDGE_HOST_PATH}$`), ({ response }) =>
      sendText(response, 'text/javascript; charset=utf-8', browserScript('bridge-host.js')),
    ),
    route('GET', new RegExp(`^${TOKENS_STYLESHEET_PATH}$`), ({ response }) => sendText(response, 'text/css; charset=utf-8', tokens)),
    route('GET', new RegExp(`^${RESOURCES_PATH}`), ({ url, response }) => {
      if (!serveResource(app.root, app.manifest, url.pathname, response))
        sendJson(response, 404, { message: `No resource file at ${url.pathname}` });
    }),
    route(
      'POST',
      /^\/__forge\/context$/,
      withMount((mount, _, viewer) => bridge.context(mount, viewer)),
    ),
    route(
      'POST',
      /^\/__forge\/invoke$/,
      withMount((mount, body, viewer) => bridge.invoke(mount, viewer, String(body.functionKey), body.payload)),
    ),
    route(
      'POST',
      /^\/__forge\/gadget-configuration$/,
      withMount((mount, body) => bridge.submitGadgetConfiguration(mount, body.configuration)),
    ),
  ];
}
