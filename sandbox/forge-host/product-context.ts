/**
 * The context Jira gives a Custom UI extension: what `view.getContext()` returns in the iframe
 * and what the resolver receives as `context`. It is built here, on the product side, from where
 * the page mounted the extension (its placement) and who is looking (the viewer) — the app can
 * neither choose nor forge it, as in Jira.
 */
import type { JiraSite } from '../jira/jira-model';
import type { UiModule } from './forge-manifest';

/** Where a page mounts an extension; the product turns it into `context.extension`. */
export type Placement =
  | { readonly kind: 'issue'; readonly issueKey: string }
  | { readonly kind: 'gadget'; readonly dashboardId: string; readonly gadgetId: string; readonly entryPoint: 'view' | 'edit' }
  | { readonly kind: 'project-settings'; readonly projectKey: string }
  | { readonly kind: 'board'; readonly boardId: number }
  | { readonly kind: 'sprint'; readonly boardId: number; readonly sprintId: number };

export interface Mount {
  readonly moduleKey: string;
  readonly placement: Placement;
}

export type ColorMode = 'light' | 'dark';

export interface Viewer {
  readonly accountId: string;
  readonly locale: string;
  readonly timezone: string;
  readonly colorMode: ColorMode;
}

export interface SiteFacts {
  readonly cloudId: string;
  readonly siteUrl: string;
  readonly appId: string;
  readonly licenseActive: boolean;
  readonly site: JiraSite;
  readonly gadgetConfiguration: (gadgetId: string) => Record<string, unknown> | undefined;
}

export const SANDBOX_ENVIRONMENT_ID = 'sandbox-environment';

/** Forge's `FullContext` (see @forge/bridge out/types.d.ts), as Jira fills it. */
export function productContext(module: UiModule, placement: Placement, viewer: Viewer, facts: SiteFacts): Record<string, unknown> {
  return {
    accountId: viewer.accountId,
    cloudId: facts.cloudId,
    siteUrl: facts.siteUrl,
    environmentId: SANDBOX_ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    localId: localIdOf(module, placement, facts.appId),
    moduleKey: module.key,
    locale: viewer.locale,
    timezone: viewer.timezone,
    theme: { colorMode: viewer.colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' },
    license: licenseDetails(facts.licenseActive),
    extension: extensionOf(module, placement, facts),
  };
}

/** The extension's id on the page; gadgets are per instance, so theirs carries the gadget id. */
function localIdOf(module: UiModule, placement: Placement, appId: string): string {
  const extensionAri = `${appId.replace('::app/', '::extension/')}/${SANDBOX_ENVIRONMENT_ID}/static/${module.key}`;
  return placement.kind === 'gadget' ? `${extensionAri}/${placement.gadgetId}` : extensionAri;
}

function licenseDetails(active: boolean): Record<string, unknown> {
  return {
    active,
    type: 'commercial',
    billingPeriod: 'MONTHLY',
    isEvaluation: false,
    ccpEntitlementId: 'sandbox-entitlement',
    ccpEntitlementSlug: 'sandbox-entitlement',
    subscriptionEndDate: null,
    supportEntitlementNumber: null,
    trialEndDate: null,
    modes: null,
  };
}

function extensionOf(module: UiModule, placement: Placement, facts: SiteFacts): Record<string, unknown> {
  const { site } = facts;
  switch (placement.kind) {
    case 'issue': {
      const issue = site.issueByKeyOrId(placement.issueKey);
      if (!issue) throw new PlacementError(`No issue ${placement.issueKey} in the sandbox`);
      const type = site.typeOf(issue);
      return {
        type: module.type,
        issue: { id: issue.id, key: issue.key, type: type.name, typeId: type.id },
        project: projectRef(site, site.projectOf(issue).key),
        isNewToIssue: false,
      };
    }
    case 'gadget':
      return {
        type: module.type,
        dashboard: { id: placement.dashboardId },
        gadget: { id: placement.gadgetId },
        gadgetConfiguration: facts.gadgetConfiguration(placement.gadgetId) ?? {},
        ...(placement.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
      };
    case 'project-settings':
      return { type: module.type, project: projectRef(site, placement.projectKey) };
    case 'board': {
      const board = site.boards.get(placement.boardId);
      if (!board) throw new PlacementError(`No board ${placement.boardId} in the sandbox`);
      return { type: module.type, board: { id: String(board.id), type: board.type } };
    }
    case 'sprint':
      return { type: module.type, board: { id: String(placement.boardId) }, sprint: { id: String(placement.sprintId) } };
  }
}

function projectRef(site: JiraSite, projectKey: string): Record<string, unknown> {
  const project = site.projectByKeyOrId(projectKey);
  if (!project) throw new PlacementError(`No project ${projectKey} in the sandbox`);
  return { id: project.id, key: project.key, type: 'software' };
}

/** A page asked to mount an extension somewhere the sandbox's Jira does not have. */
export class PlacementError extends Error {}
