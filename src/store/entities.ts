/**
 * The custom entities Goalkeeper stores, declared once: manifest.yml's `app.storage.entities`
 * is generated from these declarations (`manifestStorageYaml()`), the KVS emulator is built from
 * them, and each record type below is tied to its declaration so code and manifest cannot drift.
 *
 * Each index answers one question without a scan; range attributes give the order:
 * - proposal: by issue, by sprint, by sprint + status — all in order of creation;
 * - audit-event: the trail of one proposal, in order of sequence;
 * - settings-version: the settings history of one project, in order of version;
 * - bypassed-change: the changes made around Goalkeeper in one sprint, in order of time;
 * - sprint-outcome: the closed sprints of one board, in order of closing;
 * - watched-board: every board the reconciliation visits, in order of id;
 * - account-reference: every record naming one accountId (the personal-data cycle's index).
 *
 * Short-lived markers that are only ever read by key (idempotency answers, seen events) live in
 * the key-value store with a TTL instead: they need neither an index nor a declaration.
 */
import type { AuditEvent } from '../domain/audit';
import type { Proposal, ProposalStatus } from '../domain/proposal';
import type { ProjectSettings } from '../domain/settings';
import type { BypassedChange, SprintBaseline, SprintOutcome, SprintScope } from '../domain/sprint-record';

/** The attribute types Forge custom entities support. */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/**
 * An index as manifest.yml declares it: a bare attribute name (an index of that name, ranged by
 * that attribute) or a named index with an optional partition and one range attribute.
 */
export type IndexDeclaration<Attribute extends string = string> =
  Attribute | { readonly name: string; readonly partition?: readonly Attribute[]; readonly range: readonly [Attribute] };

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

/** The committed scope at sprint start (or when Goalkeeper first met the sprint): written once. */
export interface SprintBaselineRecord {
  readonly sprintId: number;
  readonly boardId: number;
  readonly baseline: SprintBaseline;
}

/** The scope the last reconciliation saw: overwritten every time. */
export interface SprintLastSeenRecord {
  readonly sprintId: number;
  readonly boardId: number;
  readonly scope: SprintScope;
}

export interface BypassedChangeRecord {
  readonly sprintId: number;
  readonly at: string;
  /** The review guard: a change is reviewed once, so a review is conditional on this being false. */
  readonly reviewed: boolean;
  readonly change: BypassedChange;
}

export interface SprintOutcomeRecord {
  readonly sprintId: number;
  readonly boardId: number;
  readonly closedAt: string;
  /** Absent until the Product Owner records the outcome; the erasure's guard (string attributes take no null). */
  readonly recordedBy?: string;
  /** The outcome's version (absent on records from before versions): what a recording is conditional on. */
  readonly version?: number;
  readonly outcome: SprintOutcome;
}

export interface WatchedBoardRecord {
  readonly boardId: number;
}

/** What a record is, for the personal-data cycle: each kind names people in its own fields. */
export type AccountRecordKind = 'proposal' | 'settings' | 'bypassed-change' | 'sprint-outcome' | 'idempotency';

/**
 * "This record names this account." A proposal's reference covers its audit trail, a project's
 * settings reference covers the project's settings history (src/store/account-references.ts).
 */
export interface AccountReferenceRecord {
  readonly accountId: string;
  readonly recordKind: AccountRecordKind;
  readonly recordKey: string;
  /** When Goalkeeper last wrote this record naming the account (ISO). */
  readonly updatedAt: string;
}

/** Index names, shared by the declarations below and the queries that use them. */
export const PROPOSAL_INDEX = { byIssue: 'by-issue', bySprintStatus: 'by-sprint-status', bySprint: 'by-sprint' } as const;
export const AUDIT_EVENT_INDEX = { byProposal: 'by-proposal' } as const;
export const SETTINGS_VERSION_INDEX = { byProject: 'by-project' } as const;
export const BYPASSED_CHANGE_INDEX = { bySprint: 'by-sprint' } as const;
export const SPRINT_OUTCOME_INDEX = { byBoard: 'by-board' } as const;
export const WATCHED_BOARD_INDEX = { byBoard: 'by-board' } as const;
export const ACCOUNT_REFERENCE_INDEX = { byAccount: 'by-account' } as const;

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

export const SPRINT_BASELINE_ENTITY = {
  name: 'sprint-baseline',
  attributes: {
    sprintId: { type: 'integer' },
    boardId: { type: 'integer' },
    baseline: { type: 'any' },
  },
} as const satisfies EntityDeclaration<keyof SprintBaselineRecord>;

export const SPRINT_LAST_SEEN_ENTITY = {
  name: 'sprint-last-seen',
  attributes: {
    sprintId: { type: 'integer' },
    boardId: { type: 'integer' },
    scope: { type: 'any' },
  },
} as const satisfies EntityDeclaration<keyof SprintLastSeenRecord>;

export const BYPASSED_CHANGE_ENTITY = {
  name: 'bypassed-change',
  attributes: {
    sprintId: { type: 'integer' },
    at: { type: 'string' },
    reviewed: { type: 'boolean' },
    change: { type: 'any' },
  },
  indexes: [{ name: BYPASSED_CHANGE_INDEX.bySprint, partition: ['sprintId'], range: ['at'] }],
} as const satisfies EntityDeclaration<keyof BypassedChangeRecord>;

export const SPRINT_OUTCOME_ENTITY = {
  name: 'sprint-outcome',
  attributes: {
    sprintId: { type: 'integer' },
    boardId: { type: 'integer' },
    closedAt: { type: 'string' },
    recordedBy: { type: 'string' },
    version: { type: 'integer' },
    outcome: { type: 'any' },
  },
  indexes: [{ name: SPRINT_OUTCOME_INDEX.byBoard, partition: ['boardId'], range: ['closedAt'] }],
} as const satisfies EntityDeclaration<keyof SprintOutcomeRecord>;

export const WATCHED_BOARD_ENTITY = {
  name: 'watched-board',
  attributes: {
    boardId: { type: 'integer' },
  },
  indexes: [{ name: WATCHED_BOARD_INDEX.byBoard, range: ['boardId'] }],
} as const satisfies EntityDeclaration<keyof WatchedBoardRecord>;

export const ACCOUNT_REFERENCE_ENTITY = {
  name: 'account-reference',
  attributes: {
    accountId: { type: 'string' },
    recordKind: { type: 'string' },
    recordKey: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  // Ranged by accountId without a partition: one index lists one account's records (equalTo) and,
  // read whole, every account Goalkeeper holds, already grouped.
  indexes: [{ name: ACCOUNT_REFERENCE_INDEX.byAccount, range: ['accountId'] }],
} as const satisfies EntityDeclaration<keyof AccountReferenceRecord>;

/** Everything manifest.yml must declare under `app.storage.entities`, in manifest order. */
export const STORAGE_ENTITIES: readonly EntityDeclaration[] = [
  PROPOSAL_ENTITY,
  AUDIT_EVENT_ENTITY,
  SETTINGS_ENTITY,
  SETTINGS_VERSION_ENTITY,
  SPRINT_BASELINE_ENTITY,
  SPRINT_LAST_SEEN_ENTITY,
  BYPASSED_CHANGE_ENTITY,
  SPRINT_OUTCOME_ENTITY,
  WATCHED_BOARD_ENTITY,
  ACCOUNT_REFERENCE_ENTITY,
];

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
  const list = (label: string, attributes: readonly string[]) => [
    `            ${label}:`,
    ...attributes.map((attribute) => `              - ${attribute}`),
  ];
  return [`          - name: ${index.name}`, ...(index.partition ? list('partition', index.partition) : []), ...list('range', index.range)];
}
