/**
 * Judges a journey's Jira calls against Atlassian's contracts and the manifest's scopes: the
 * operations called with the scopes each needs, every violation in words, the scopes the manifest
 * declares without need, and the README's "Scopes" table the result implies.
 */
import {
  optionKind,
  optionNeedsAdmin,
  pathOf,
  type ContractOperation,
  type JiraContract,
  type RequestVerdict,
  type ScopeOption,
} from '../../sandbox/jira/contract/jira-contract';
import { TEAM_MEMBER_PHASES, type JourneyCall, type JourneyPhase } from './journey';

/** Scopes the manifest may declare for something other than a REST call. */
export const SCOPES_WITHOUT_REST_CALLS: Readonly<Record<string, string>> = {
  // Forge storage (@forge/kvs): https://developer.atlassian.com/platform/forge/runtime-reference/storage-api/
  'storage:app': 'Forge storage',
};

/** One operation the app called (or, when undocumented, one method and path), with every call to it. */
export interface OperationUse {
  /** `GET /rest/api/3/issue/{issueIdOrKey}`, or the concrete path when no operation matches. */
  readonly key: string;
  readonly operation: ContractOperation | undefined;
  readonly verdict: RequestVerdict;
  readonly phases: readonly JourneyPhase[];
  readonly calls: number;
  /** What the stand-in answered, e.g. [200] or [403]. */
  readonly statuses: readonly (number | null)[];
}

export function operationsCalled(calls: readonly JourneyCall[], contract: JiraContract, declaredScopes: readonly string[]): OperationUse[] {
  const uses = new Map<string, { verdict: RequestVerdict; phases: Set<JourneyPhase>; calls: number; statuses: Set<number | null> }>();
  for (const call of calls) {
    const verdict = contract.judge(call.method, call.path, declaredScopes);
    const key = `${verdict.method} ${verdict.operation?.path ?? pathOf(call.path)}`;
    const use = uses.get(key) ?? { verdict, phases: new Set<JourneyPhase>(), calls: 0, statuses: new Set<number | null>() };
    use.phases.add(call.phase);
    use.calls++;
    use.statuses.add(call.status);
    uses.set(key, use);
  }
  return [...uses.entries()]
    .map(([key, use]) => ({
      key,
      operation: use.verdict.operation,
      verdict: use.verdict,
      phases: [...use.phases],
      calls: use.calls,
      statuses: [...use.statuses],
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const describeOption = (option: ScopeOption): string =>
  `[${option.scopes.join(', ') || 'no scope'}] (${optionKind(option)}${option.state ? `, ${option.state}` : ''})`;
const where = (use: OperationUse): string =>
  `called from ${use.phases.join(', ')}; ${use.calls} call(s), Jira answered ${use.statuses.map((status) => status ?? 'nothing').join('/')}`;

/** Every rule a call breaks, one sentence each; empty when the app may run on a real site as it is. */
export function contractViolations(uses: readonly OperationUse[]): string[] {
  const violations: string[] = [];
  const team = new Set<JourneyPhase>(TEAM_MEMBER_PHASES);
  for (const use of uses) {
    const { verdict, operation } = use;
    const name = operation ? `${use.key} (${operation.operationId})` : use.key;
    if (!operation) {
      violations.push(
        `undocumented: ${name} is in neither of Atlassian's Jira REST API contracts; Jira refuses it ("OAuth 2.0 is not enabled for method") — ${where(use)}`,
      );
      continue;
    }
    if (!verdict.oauthEnabled)
      violations.push(
        `not enabled for OAuth 2.0: ${name} lists no OAuth 2.0 scope option in the ${operation.api} contract — ${where(use)}`,
      );
    if (verdict.deprecated) violations.push(`deprecated: ${name} is marked deprecated in the ${operation.api} contract — ${where(use)}`);
    const onTeamPath = use.phases.filter((phase) => team.has(phase));
    const adminNeeded = verdict.needsAdminScope || (verdict.coveringOption !== undefined && optionNeedsAdmin(verdict.coveringOption));
    if (adminNeeded && onTeamPath.length > 0) {
      violations.push(
        `admin scope on a team member's path: ${name} needs ${operation.options.map(describeOption).join(' or ')} — on ${onTeamPath.join(', ')}; ${where(use)}`,
      );
    }
    if (verdict.oauthEnabled && !verdict.coveringOption) {
      violations.push(
        `not covered by manifest.yml permissions.scopes: ${name} needs one of ${operation.options.map(describeOption).join(' or ')} — ${where(use)}`,
      );
    }
  }
  return violations;
}

/** For each declared scope, the operations whose covering option uses it. */
export function operationsByScope(uses: readonly OperationUse[], declaredScopes: readonly string[]): Map<string, string[]> {
  const byScope = new Map<string, string[]>(declaredScopes.map((scope) => [scope, []]));
  for (const use of uses) {
    for (const scope of use.verdict.coveringOption?.scopes ?? []) byScope.get(scope)?.push(use.key);
  }
  return byScope;
}

/** Declared scopes no call needs and no non-REST use justifies: least privilege says drop them. */
export function unneededScopes(uses: readonly OperationUse[], declaredScopes: readonly string[]): string[] {
  const byScope = operationsByScope(uses, declaredScopes);
  return declaredScopes.filter((scope) => byScope.get(scope)!.length === 0 && !(scope in SCOPES_WITHOUT_REST_CALLS));
}

/** The list for the closing note: each operation with the scopes it is called with. */
export function operationList(uses: readonly OperationUse[]): string {
  return uses
    .map((use) => {
      const scopes = use.verdict.coveringOption ? describeOption(use.verdict.coveringOption) : 'NOT COVERED';
      const id = use.operation ? use.operation.operationId : 'UNDOCUMENTED';
      const flags = [use.verdict.deprecated ? 'DEPRECATED' : '', use.verdict.needsAdminScope ? 'ADMIN-ONLY' : ''].filter(Boolean).join(' ');
      return `${use.key}  ${id}  ${scopes}${flags ? `  ${flags}` : ''}  [${use.phases.join(', ')}]  answered ${use.statuses.map((status) => status ?? 'nothing').join('/')}`;
    })
    .join('\n');
}

export interface ReadmeScopeRow {
  readonly scope: string;
  readonly operations: readonly string[];
}

/** The rows of the first table under README.md's "## Scopes": the scope and the `METHOD /path` operations it lists. */
export function readmeScopeRows(readme: string): ReadmeScopeRow[] {
  const start = readme.indexOf('\n## Scopes');
  if (start === -1) throw new Error('README.md has no "## Scopes" section');
  const next = readme.indexOf('\n## ', start + 1);
  const lines = readme.slice(start, next === -1 ? undefined : next).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table = lines.slice(first).filter((line, index, all) => all.slice(0, index + 1).every((each) => each.startsWith('|')));
  return table.slice(2).map((line) => {
    const cells = line.split(' | ');
    const scope = (cells[0] ?? '')
      .replace(/^\|\s*/, '')
      .replace(/`/g, '')
      .trim();
    const operations = [...line.matchAll(/`((?:GET|POST|PUT|DELETE|PATCH) \/[^`]+)`/g)].map((match) => match[1]!);
    return { scope, operations };
  });
}

/** The "Operations" cell the README should show for a scope. */
export function operationsCell(operations: readonly string[]): string {
  return operations.length === 0 ? '—' : operations.map((operation) => `\`${operation}\``).join(', ');
}
