/**
 * The custom entities Goalkeeper stores, declared once: manifest.yml's `app.storage.entities`
 * is generated from these declarations (`manifestStorageYaml()`), the KVS emulator is built from
 * them, and each record type below is tied to its declaration so code and manifest cannot drift.
 *
 * Each index answers one question without a scan; range attributes give the order:
 * - proposal: by issue, by sprint, by sprint + status — all in order of creation;
 * - audit-event: the trail of one proposal, in order of sequence;
 * - settings-version: the settings history of one project, in order of version.
 */
import type { AuditEvent } from '../domain/audit';
import type { Proposal, ProposalStatus } from '../domain/proposal';
import type { ProjectSettings } from '../domain/settings';

/** The attribute types Forge custom entities support. */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/**
 * An index as manifest.yml declares it: a bare attribute name (an index of that name, ranged by
 * that attribute) or a named index with an optional partition and one range attribute.
 */
export type IndexDeclaration<Attribute extends string = string> =
  | Attribute
  | { readonly name: string; readonly partition?: readonly Attribute[]; readonly range: readonly [Attribute] };

export interface EntityDeclaration<Attribute extends string = string> {
  readonly name: string;
  readonly attributes: { readonly [A in Attribute]: { readonly type: AttributeType } };
  readonly indexes?: readonly IndexDeclaration<Attribute>[];
}

/** A proposal with the fields its indexes need lifted beside it (Forge indexes top-level attributes only). */
export interface ProposalRecord {
  readonly issueKey: string;
  readonly projectKey: string;
  readonly sprintId: number;
  readonly status: ProposalStatus;
  readonly createdAt: string;
  /** The optimistic-concurrency guard: every update is conditional on it. */
  readonly version: number;
  readonly proposal: Proposal;
}

export interface AuditEventRecord {
  readonly proposalId: string;
  readonly sequence: number;
  readonly event: AuditEvent;
}

/** The settings in force for one project. */
export interface SettingsRecord {
  readonly projectKey: string;
  readonly version: number;
  readonly settings: ProjectSettings;
}

/** One saved version of a project's settings: who changed what, and when. */
export interface SettingsVersionRecord {
  readonly projectKey: string;
  readonly version: number;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly changedFields: readonly string[];
  readonly settings: ProjectSettings;
}

/** Index names, shared by the declarations below and the queries that use them. */
export const PROPOSAL_INDEX = { byIssue: 'by-issue', bySprintStatus: 'by-sprint-status', bySprint: 'by-sprint' } as const;
export const AUDIT_EVENT_INDEX = { byProposal: 'by-proposal' } as const;
export const SETTINGS_VERSION_INDEX = { byProject: 'by-project' } as const;

export const PROPOSAL_ENTITY = {
  name: 'proposal',
  attributes: {
    issueKey: { type: 'string' },
    projectKey: { type: 'string' },
    sprintId: { type: 'integer' },
    status: { type: 'string' },
    createdAt: { type: 'string' },
    version: { type: 'integer' },
    proposal: { type: 'any' },
  },
  indexes: [
    { name: PROPOSAL_INDEX.byIssue, partition: ['issueKey'], range: ['createdAt'] },
    { name: PROPOSAL_INDEX.bySprintStatus, partition: ['sprintId', 'status'], range: ['createdAt'] },
    { name: PROPOSAL_INDEX.bySprint, partition: ['sprintId'], range: ['createdAt'] },
  ],
} as const satisfies EntityDeclaration<keyof ProposalRecord>;

export const AUDIT_EVENT_ENTITY = {
  name: 'audit-event',
  attributes: {
    proposalId: { type: 'string' },
    sequence: { type: 'integer' },
    event: { type: 'any' },
  },
  indexes: [{ name: AUDIT_EVENT_INDEX.byProposal, partition: ['proposalId'], range: ['sequence'] }],
} as const satisfies EntityDeclaration<keyof AuditEventRecord>;

export const SETTINGS_ENTITY = {
  name: 'settings',
  attributes: {
    projectKey: { type: 'string' },
    version: { type: 'integer' },
    settings: { type: 'any' },
  },
} as const satisfies EntityDeclaration<keyof SettingsRecord>;

export const SETTINGS_VERSION_ENTITY = {
  name: 'settings-version',
  attributes: {
    projectKey: { type: 'string' },
    version: { type: 'integer' },
    changedBy: { type: 'string' },
    changedAt: { type: 'string' },
    changedFields: { type: 'any' },
    settings: { type: 'any' },
  },
  indexes: [{ name: SETTINGS_VERSION_INDEX.byProject, partition: ['projectKey'], range: ['version'] }],
} as const satisfies EntityDeclaration<keyof SettingsVersionRecord>;

/** Everything manifest.yml must declare under `app.storage.entities`, in manifest order. */
export const STORAGE_ENTITIES: readonly EntityDeclaration[] = [PROPOSAL_ENTITY, AUDIT_EVENT_ENTITY, SETTINGS_ENTITY, SETTINGS_VERSION_ENTITY];

/**
 * The `storage:` block to paste under `app:` in manifest.yml (two-space indented, as it sits
 * there). Generated rather than hand-written so the manifest can be checked against the code.
 */
export function manifestStorageYaml(entities: readonly EntityDeclaration[] = STORAGE_ENTITIES): string {
  const lines = ['  storage:', '    entities:'];
  for (const entity of entities) {
    lines.push(`      - name: ${entity.name}`, '        attributes:');
    for (const [attribute, { type }] of Object.entries(entity.attributes)) {
      lines.push(`          ${attribute}:`, `            type: ${type}`);
    }
    if (entity.indexes) {
      lines.push('        indexes:');
      for (const index of entity.indexes) lines.push(...indexYaml(index));
    }
  }
  return `${lines.join('\n')}\n`;
}

function indexYaml(index: IndexDeclaration): string[] {
  if (typeof index === 'string') return [`          - ${index}`];
  const list = (label: string, attributes: readonly string[]) => [`            ${label}:`, ...attributes.map((attribute) => `              - ${attribute}`)];
  return [`          - name: ${index.name}`, ...(index.partition ? list('partition', index.partition) : []), ...list('range', index.range)];
}
