/** A Forge context as Jira hands it to a Custom UI app, for the seed's developer Dana, with the extension (placement) under test. */
import type { ForgeContext } from '../forge-host';
import { DANA_DEVELOPER } from './people';

export function forgeContext(extension: Readonly<Record<string, unknown>>): ForgeContext {
  return {
    accountId: DANA_DEVELOPER,
    cloudId: 'goalkeeper-sandbox-site',
    extension,
    environmentId: 'sandbox',
    environmentType: 'DEVELOPMENT',
    localId: 'test-extension',
    locale: 'en-US',
    moduleKey: 'goalkeeper-test-module',
    siteUrl: 'https://goalkeeper-sandbox.atlassian.net',
    timezone: 'Europe/Berlin',
  };
}
