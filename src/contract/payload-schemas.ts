/**
 * Payload schemas: the only shape a resolver accepts. Unknown keys are stripped (a client that
 * sends `status`, `decidedBy` or `accountId` is ignored, not trusted); text is bounded so no
 * record can approach Forge's value size limit.
 */
import { z } from 'zod';
import { CHANGE_KINDS, REASON_CATEGORIES, type Change, type ChangeKind } from '../domain/change';
import { perChangeKind } from '../domain/change-kinds';
import { describeTextProblem, measureText, reasonRule, textProblem, type MeaningfulTextRule } from '../domain/meaningful-text';
import { PROPOSAL_STATUSES } from '../domain/proposal';
import { MAX_DAYS_OFF } from '../domain/sprint-record';
import {
  DEFAULT_OPEN_PROPOSALS_PER_PERSON,
  DEFAULT_POLICY_EDITORS,
  DEFAULT_SOLE_PRODUCT_OWNER_RULE,
  OPEN_PROPOSALS_PER_PERSON_MAX,
  OPEN_PROPOSALS_PER_PERSON_MIN,
  POLICY_EDITORS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  SOLE_PRODUCT_OWNER_RULES,
} from '../domain/settings';
import {
  MAX_POINTS,
  RATIONALE_MAX_CHARS,
  REASON_MAX_CHARS,
  SPLIT_MAX_PARTS,
  SPLIT_SUMMARY_MAX_CHARS,
  TWEAK_NOTE_MAX_CHARS,
} from '../domain/text-limits';

/** Jira issue keys: project key (letter first; letters, digits, underscore), dash, number. */
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,14}$/, 'Expected a Jira issue key such as ONB-12.');
const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Expected an id.');
const boardIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const pointsSchema = z.number().finite().min(0).max(MAX_POINTS);
const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const boundedText = (max: number) => z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);

/**
 * Text that must mean something (src/domain/meaningful-text.ts): cleaned of invisible characters,
 * counted in visible characters, with letters or digits and no filler. What is stored is the
 * cleaned text; the form counts with the same rule while the person types.
 */
const meaningful = (rule: MeaningfulTextRule, what: string) =>
  // Twice the limit before cleaning: invisible characters are stripped, not counted, but still bounded.
  z
    .string()
    .max(rule.maxChars * 2, `At most ${rule.maxChars} characters.`)
    .transform((raw, context) => {
      const measure = measureText(raw);
      const problem = textProblem(measure, rule);
      if (problem !== null) context.addIssue({ code: 'custom', message: describeTextProblem(problem, what, rule) });
      return measure.text;
    });

const rankTargetSchema = z.discriminatedUnion('position', [
  z.object({ position: z.literal('before'), issueKey: issueKeySchema }),
  z.object({ position: z.literal('after'), issueKey: issueKeySchema }),
  z.object({ position: z.literal('top') }),
  z.object({ position: z.literal('bottom') }),
]);

/**
 * One schema per change kind, each bound to its member of the `Change` type: a kind missing here (or
 * one `Change` does not have), or a field the type and the schema disagree on, does not compile.
 */
const CHANGE_SCHEMAS = {
  add: z.object({ kind: z.literal('add') }),
  remove: z.object({ kind: z.literal('remove') }),
  defer: z.object({ kind: z.literal('defer') }),
  rerank: z.object({ kind: z.literal('rerank'), target: rankTargetSchema }),
  priority: z.object({ kind: z.literal('priority'), priorityName: boundedText(60) }),
  estimate: z.object({ kind: z.literal('estimate'), points: pointsSchema }),
  split: z.object({
    kind: z.literal('split'),
    parts: z
      .array(z.object({ summary: boundedText(SPLIT_SUMMARY_MAX_CHARS), points: pointsSchema }))
      .min(2, 'A split needs at least two parts.')
      .max(SPLIT_MAX_PARTS),
  }),
  swap: z.object({ kind: z.literal('swap'), outIssueKey: issueKeySchema }),
  tweak: z.object({ kind: z.literal('tweak'), note: meaningful(reasonRule(TWEAK_NOTE_MAX_CHARS), 'The note') }),
} satisfies { readonly [K in ChangeKind]: z.ZodType<Extract<Change, { readonly kind: K }>, unknown> };

type ChangeKindSchema = (typeof CHANGE_SCHEMAS)[ChangeKind];
export const changeSchema = z.discriminatedUnion(
  'kind',
  CHANGE_KINDS.map((kind) => CHANGE_SCHEMAS[kind]) as [ChangeKindSchema, ...ChangeKindSchema[]],
) satisfies z.ZodType<Change, unknown>;

/** Most issues one counter-change names: the suggestions name a handful; Jira moves at most 50 issues per call. */
export const COUNTER_CHANGE_MAX_ISSUES = 20;

/** Work to make room with: its issue keys are validated like any issue key (and checked against the sprint by the use case). */
export const counterChangeSchema = z.object({
  kind: z.enum(['defer', 'rank-below-goal']),
  issueKeys: z
    .array(issueKeySchema)
    .min(1, 'Name at least one issue.')
    .max(COUNTER_CHANGE_MAX_ISSUES, `At most ${COUNTER_CHANGE_MAX_ISSUES} issues.`),
});

export const reasonSchema = z.object({ category: z.enum(REASON_CATEGORIES), text: meaningful(reasonRule(REASON_MAX_CHARS), 'The reason') });

export const issuePanelStateSchema = z.object({ issueKey: issueKeySchema });
export const previewSchema = z.object({ issueKey: issueKeySchema, change: changeSchema, counterChange: counterChangeSchema.optional() });
export const createProposalSchema = z.object({
  issueKey: issueKeySchema,
  change: changeSchema,
  reason: reasonSchema,
  acknowledgeThreat: z.boolean().default(false),
  counterChange: counterChangeSchema.optional(),
  idempotencyKey: idSchema.optional(),
});
export const decideSchema = z.object({
  proposalId: idSchema,
  verdict: z.enum(['approve', 'reject']),
  // Length rules live in the domain (the minimum is a setting); this only bounds the payload.
  rationale: z.string().max(RATIONALE_MAX_CHARS * 2),
  expectedVersion: versionSchema,
  /** "Approve if ONB-55 is deferred": only with an approval (the use case says so otherwise). */
  condition: counterChangeSchema.optional(),
  /** The only Product Owner's note on deciding their own proposal; its rules live in the domain too. */
  selfDecisionNote: z
    .string()
    .max(RATIONALE_MAX_CHARS * 2)
    .optional(),
});
export const withdrawSchema = z.object({ proposalId: idSchema, expectedVersion: versionSchema });
export const proposalRefSchema = z.object({ proposalId: idSchema });
export const auditTrailSchema = z.object({ proposalId: idSchema, cursor: z.string().max(2_000).optional() });
export const sprintProposalsSchema = z.object({ boardId: boardIdSchema, status: z.enum(PROPOSAL_STATUSES).optional() });
export const applyJobSchema = z.object({ proposalId: idSchema, attempt: z.number().int().min(1) });
export const reconcileJobSchema = z.object({ boardId: boardIdSchema });

export const boardRefSchema = z.object({ boardId: boardIdSchema });
export const sprintViewSchema = z.object({
  boardId: boardIdSchema,
  goalLabels: z.array(z.string().trim().min(1).max(255).regex(/^\S+$/)).max(20).optional(),
});
export const boardSearchSchema = z.object({ query: z.string().max(200).optional() });

const labelSchema = z.string().trim().min(1).max(255).regex(/^\S+$/, 'Jira labels have no spaces.');
const accountIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'Expected an Atlassian accountId.');
const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'Expected a Jira project key such as ONB.');
const probability = z.number().finite().min(0).max(1);
const goalCriticalSchema = z.object({
  labels: z.array(labelSchema).max(20),
  epicKeys: z.array(issueKeySchema).max(50),
  flaggedIssueKeys: z.array(issueKeySchema).max(200),
  jql: z
    .string()
    .trim()
    .max(2_000)
    .transform((jql) => (jql === '' ? null : jql))
    .nullable(),
});
const thresholdsSchema = z
  .object({ threatBelow: probability, threatDrop: probability, cautionBelow: probability, cautionDrop: probability })
  .refine((t) => t.cautionBelow >= t.threatBelow, { message: 'Caution must start at or above the threat level.', path: ['cautionBelow'] })
  .refine((t) => t.cautionDrop <= t.threatDrop, { message: 'A caution drop must be no larger than a threat drop.', path: ['cautionDrop'] });
const workingDaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .transform((days) => [...new Set(days)].sort());
const historySprintsSchema = z.number().int().min(1).max(20);
const requirement = z.enum(['product-owner', 'auto']);

export const editableSettingsSchema = z.object({
  productOwners: z.object({
    roleName: z.string().trim().min(1).max(255).nullable(),
    accountIds: z
      .array(accountIdSchema)
      .max(20)
      .transform((ids) => [...new Set(ids)]),
  }),
  policy: z.object({
    byKind: z.object(perChangeKind(() => requirement)),
    goalCriticalRerankNeedsProductOwner: z.boolean(),
    /** Optional so a page from before issue 13 still saves (as on, the default). */
    threatNeedsProductOwner: z.boolean().default(true),
    allowSelfApproval: z.boolean(),
    /** Optional so a page from before the rule existed still saves (as the default). */
    soleProductOwner: z.enum(SOLE_PRODUCT_OWNER_RULES).default(DEFAULT_SOLE_PRODUCT_OWNER_RULE),
    minRationaleChars: z.number().int().min(1).max(500),
  }),
  goalCritical: goalCriticalSchema,
  thresholds: thresholdsSchema,
  workingDays: workingDaysSchema,
  historySprints: historySprintsSchema,
  commentOnDecision: z.boolean(),
  /** Optional so a page from before retention existed still saves (as "keep"). */
  retentionDays: z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS).nullable().default(null),
  /** Optional so a page from before the limit existed still saves (as the default). */
  openProposalsPerPerson: z
    .number()
    .int()
    .min(OPEN_PROPOSALS_PER_PERSON_MIN)
    .max(OPEN_PROPOSALS_PER_PERSON_MAX)
    .default(DEFAULT_OPEN_PROPOSALS_PER_PERSON),
  /** Optional so a page from before the setting existed still saves (as administrators only). */
  policyEditors: z.enum(POLICY_EDITORS).default(DEFAULT_POLICY_EDITORS),
  boardOverrides: z
    .record(
      z.string().regex(/^[1-9][0-9]{0,15}$/),
      z.object({
        goalCritical: goalCriticalSchema.optional(),
        thresholds: thresholdsSchema.optional(),
        workingDays: workingDaysSchema.optional(),
        historySprints: historySprintsSchema.optional(),
      }),
    )
    .refine((overrides) => Object.keys(overrides).length <= 50, 'At most 50 board overrides.'),
});

export const projectRefSchema = z.object({ projectKey: projectKeySchema });
/** A user-picker search: a few letters of a name or an email address (Jira's picker takes any text). */
export const peopleSearchSchema = z.object({
  projectKey: projectKeySchema,
  query: z.string().trim().min(1, 'Type a few letters of a name.').max(100),
});
export const saveSettingsSchema = z.object({
  projectKey: projectKeySchema,
  settings: editableSettingsSchema,
  expectedVersion: z.number().int().min(0),
});
export const reviewBypassSchema = z.object({
  changeId: z.string().min(1).max(300),
  verdict: z.enum(['accepted', 'noted']),
  note: z.string().max(RATIONALE_MAX_CHARS * 2),
});
export const revertBypassSchema = z.object({ changeId: z.string().min(1).max(300), note: z.string().max(RATIONALE_MAX_CHARS * 2) });
export const sprintOutcomeSchema = z.object({
  boardId: boardIdSchema,
  sprintId: boardIdSchema,
  outcome: z.enum(['met', 'partly', 'not-met']),
  note: z.string().trim().max(RATIONALE_MAX_CHARS),
  expectedVersion: versionSchema,
});
export const sprintCapacitySchema = z.object({
  boardId: boardIdSchema,
  sprintId: boardIdSchema,
  availability: probability,
  daysOff: z.number().int('Whole days.').min(0).max(MAX_DAYS_OFF),
});
