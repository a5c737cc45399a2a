/**
 * Atlassian's Jira REST API contracts, asked about one concrete request: which documented
 * operation it is, whether it is deprecated, which OAuth 2.0 scope options allow it, whether
 * every option needs an admin scope, and whether the app's declared scopes cover an option.
 *
 * Source: the index generated from Atlassian's OpenAPI documents for the Jira Cloud platform and
 * Jira Software Cloud REST APIs (see contract-index.ts and jira-operations.json).
 */
import { readFileSync } from 'node:fs';
import { CONTRACT_INDEX_FILE, type ContractIndex, type ContractOperation, type ScopeOption } from './contract-index';

export type { ContractOperation, ScopeOption } from './contract-index';

/**
 * Admin scopes, the rule this project applies (Atlassian publishes no machine-readable flag):
 * - classic `manage:jira-configuration` ("Manage Jira global settings": Jira administration,
 *   effective only for Jira administrators) and `manage:jira-project` ("Manage project settings":
 *   project administration), per "Jira scopes for OAuth 2.0 (3LO) and Forge apps",
 *   https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/;
 * - any granular scope whose resource carries the `.admin` qualifier, e.g.
 *   `read:board-scope.admin:jira-software`, which "Jira Software scopes for OAuth 2.0 (3LO) and
 *   Forge apps" (https://developer.atlassian.com/cloud/jira/software/scopes-for-oauth-2-3LO-and-forge-apps/)
 *   ties to project admin permissions.
 * `manage:jira-webhook` is not an admin scope: it registers the app's own dynamic webhooks.
 */
export const ADMIN_CLASSIC_SCOPES: readonly string[] = ['manage:jira-configuration', 'manage:jira-project'];

export function isAdminScope(scope: string): boolean {
  if (ADMIN_CLASSIC_SCOPES.includes(scope)) return true;
  const [, resource] = scope.split(':');
  return resource !== undefined && resource.split('.').slice(1).includes('admin');
}

/** Classic scopes name a product area (`read:jira-work`); granular ones an action, a resource and a product (`read:sprint:jira-software`). */
export function scopeKind(scope: string): 'classic' | 'granular' {
  return scope.split(':').length > 2 ? 'granular' : 'classic';
}

export function optionKind(option: ScopeOption): 'classic' | 'granular' | 'none' {
  if (option.scopes.length === 0) return 'none';
  return option.scopes.every((scope) => scopeKind(scope) === 'classic') ? 'classic' : 'granular';
}

export function optionNeedsAdmin(option: ScopeOption): boolean {
  return option.scopes.some(isAdminScope);
}

/** An option is covered when the app declares every scope in it. */
export function optionCoveredBy(option: ScopeOption, declared: readonly string[]): boolean {
  return option.scopes.every((scope) => declared.includes(scope));
}

/** What the contract says about one request, for one set of declared scopes. */
export interface RequestVerdict {
  readonly method: string;
  /** The request's path without its query. */
  readonly path: string;
  /** Undefined when the operation is in neither document. */
  readonly operation: ContractOperation | undefined;
  readonly documented: boolean;
  /** Documented with at least one OAuth 2.0 option; Jira refuses the rest to Forge apps. */
  readonly oauthEnabled: boolean;
  readonly deprecated: boolean;
  /** Every option needs an admin scope: no way to call it without administering Jira or a project. */
  readonly needsAdminScope: boolean;
  /** The first option the declared scopes cover, if any. */
  readonly coveringOption: ScopeOption | undefined;
}

interface CompiledTemplate {
  readonly operation: ContractOperation;
  /** Literal segments as text, `{parameter}` segments as null. */
  readonly segments: readonly (string | null)[];
}

function compile(operation: ContractOperation): CompiledTemplate {
  const segments = operation.path.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? null : segment));
  return { operation, segments };
}

function matches(template: CompiledTemplate, segments: readonly string[]): boolean {
  return template.segments.every((expected, index) => {
    const actual = segments[index] ?? '';
    return expected === null ? actual !== '' : expected === actual;
  });
}

/** Positive when `a` is more specific: the first segment where one is literal and the other a parameter decides. */
function moreSpecific(a: CompiledTemplate, b: CompiledTemplate): number {
  for (let index = 0; index < a.segments.length; index++) {
    const aLiteral = a.segments[index] !== null;
    const bLiteral = b.segments[index] !== null;
    if (aLiteral !== bLiteral) return aLiteral ? 1 : -1;
  }
  return 0;
}

export class JiraContract {
  private readonly bySegmentCount = new Map<number, CompiledTemplate[]>();

  constructor(readonly index: ContractIndex) {
    for (const operation of index.operations) {
      const template = compile(operation);
      const group = this.bySegmentCount.get(template.segments.length) ?? [];
      group.push(template);
      this.bySegmentCount.set(template.segments.length, group);
    }
  }

  /**
   * The operation a concrete request calls: among the templates that match the path segment by
   * segment and have the request's method, the most specific one, so that
   * `POST /rest/api/3/issue/bulkfetch` is `bulkFetchIssues`, not an operation on `/issue/{issueIdOrKey}`.
   */
  match(method: string, pathWithQuery: string): ContractOperation | undefined {
    const path = pathOf(pathWithQuery);
    const segments = path.split('/');
    const candidates = (this.bySegmentCount.get(segments.length) ?? []).filter(
      (template) => template.operation.method === method.toUpperCase() && matches(template, segments),
    );
    candidates.sort((a, b) => moreSpecific(b, a));
    return candidates[0]?.operation;
  }

  judge(method: string, pathWithQuery: string, declaredScopes: readonly string[]): RequestVerdict {
    const operation = this.match(method, pathWithQuery);
    const options = operation?.options ?? [];
    return {
      method: method.toUpperCase(),
      path: pathOf(pathWithQuery),
      operation,
      documented: operation !== undefined,
      oauthEnabled: options.length > 0,
      deprecated: operation?.deprecated ?? false,
      needsAdminScope: options.length > 0 && options.every(optionNeedsAdmin),
      coveringOption: options.find((option) => optionCoveredBy(option, declaredScopes)),
    };
  }
}

export function pathOf(pathWithQuery: string): string {
  const query = pathWithQuery.indexOf('?');
  return query === -1 ? pathWithQuery : pathWithQuery.slice(0, query);
}

let committed: JiraContract | undefined;

/** The contract from the committed index (sandbox/jira/contract/jira-operations.json), read once. */
export function jiraContract(): JiraContract {
  committed ??= new JiraContract(JSON.parse(readFileSync(CONTRACT_INDEX_FILE, 'utf8')) as ContractIndex);
  return committed;
}
