/**
 * The scopes the app declares in manifest.yml (`permissions.scopes`): what Jira lets the app's
 * OAuth 2.0 calls reach, so what the stand-in enforces and what the contract test checks against.
 * Manifest reference: https://developer.atlassian.com/platform/forge/manifest-reference/permissions/
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const MANIFEST_FILE = join(__dirname, '..', '..', '..', 'manifest.yml');

export class ManifestScopesError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: permissions.scopes ${reason}`);
    this.name = 'ManifestScopesError';
  }
}

/** Reads `permissions.scopes`; a manifest without a list of strings there is a typed error, not "no scopes". */
export function readManifestScopes(file: string = MANIFEST_FILE): readonly string[] {
  const manifest = parse(readFileSync(file, 'utf8')) as { permissions?: { scopes?: unknown } } | null;
  const scopes = manifest?.permissions?.scopes;
  if (!Array.isArray(scopes) || !scopes.every((scope): scope is string => typeof scope === 'string')) {
    throw new ManifestScopesError(file, 'is missing or not a list of scope names');
  }
  return scopes;
}
