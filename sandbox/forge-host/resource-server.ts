/**
 * Serves each manifest resource (`static/<app>/build`) to its iframe unchanged, the way Forge's
 * CDN serves it: from its own sub-path (so only relative URLs work, as on Forge), under Forge's
 * content security policy for Custom UI, with the bridge script added to index.html ahead of the
 * app's own scripts. Also serves the host's browser scripts and the design-token stylesheet.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AppManifest } from './forge-manifest';

export const RESOURCES_PATH = '/__forge/resources/';
export const BRIDGE_SHIM_PATH = '/__forge/bridge-shim.js';
export const BRIDGE_HOST_PATH = '/__forge/bridge-host.js';
export const TOKENS_STYLESHEET_PATH = '/__forge/tokens.css';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The @atlaskit/tokens themes Jira loads for a themed extension: both colour modes, space, type, shape. */
const TOKEN_THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'] as const;

export function tokensStylesheet(): string {
  return TOKEN_THEMES.map(
    (theme) => (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default,
  ).join('\n');
}

export function browserScript(name: 'bridge-shim.js' | 'bridge-host.js'): string {
  return readFileSync(join(__dirname, 'browser', name), 'utf8');
}

/**
 * Forge's Custom UI CSP allows the app's own origin and adds `unsafe-inline` / `unsafe-eval`
 * only when manifest.yml's `permissions.content` asks for them.
 */
export function contentSecurityPolicy(manifest: AppManifest): string {
  const allowances = (values: readonly string[]) => values.map((value) => ` '${value}'`).join('');
  return [
    `default-src 'self' data: blob:`,
    `script-src 'self'${allowances(manifest.contentPermissions.scripts)}`,
    `style-src 'self'${allowances(manifest.contentPermissions.styles)}`,
    `object-src 'none'`,
    `base-uri 'self'`,
  ].join('; ');
}

/** Adds the bridge script as the first thing in <head>, before any script of the app. */
export function withBridgeShim(html: string): string {
  const tag = `<script src="${BRIDGE_SHIM_PATH}"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/** Answers a request under RESOURCES_PATH; false when it names no file of a manifest resource. */
export function serveResource(appRoot: string, manifest: AppManifest, urlPath: string, response: ServerResponse): boolean {
  const rest = decodeURIComponent(urlPath.slice(RESOURCES_PATH.length));
  const slash = rest.indexOf('/');
  const resourceKey = slash === -1 ? rest : rest.slice(0, slash);
  const resourceDir = manifest.resources.get(resourceKey);
  if (resourceDir === undefined) return false;
  const root = resolve(appRoot, resourceDir);
  const relative = slash === -1 || rest.length === slash + 1 ? 'index.html' : rest.slice(slash + 1);
  const file = resolve(root, normalize(relative));
  if (file !== root && !file.startsWith(root + sep)) return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
  if (extname(file) === '.html') {
    headers['content-security-policy'] = contentSecurityPolicy(manifest);
    response.writeHead(200, headers).end(withBridgeShim(readFileSync(file, 'utf8')));
  } else {
    response.writeHead(200, headers).end(readFileSync(file));
  }
  return true;
}
