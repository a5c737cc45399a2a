/**
 * The parts of Jira's JSON that Goalkeeper reads, as zod shapes: anything else Jira sends is
 * ignored, and an answer that lacks what we rely on fails loudly instead of becoming `undefined`.
 * Shapes follow Atlassian's REST v3 and agile 1.0 reference.
 */
import { z } from 'zod';

const named = z.object({ name: z.string() });

export const sprintShape = z.object({
  id: z.number(),
  state: z.enum(['active', 'future', 'closed']),
  name: z.string(),
  goal: z.string().nullish(),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  completeDate: z.string().nullish(),
  originBoardId: z.number(),
});
export type SprintJson = z.infer<typeof sprintShape>;

/** Issue fields; `looseObject` keeps the custom fields (story points) we look up by id. */
export const issueFieldsShape = z.looseObject({
  summary: z.string().nullish(),
  status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }).nullish(),
  issuetype: z.object({ id: z.string().nullish(), name: z.string(), subtask: z.boolean(), hierarchyLevel: z.number().nullish() }).nullish(),
  created: z.string().nullish(),
  // Jira's system dates (issue `fields` are a free-form map in Atlassian's platform OpenAPI, which
  // names `resolutiondate` among the system date fields and not `statuscategorychangedate`; Jira
  // Cloud returns both when asked for them, as the stand-in does).
  statuscategorychangedate: z.string().nullish(),
  resolutiondate: z.string().nullish(),
  priority: named.nullish(),
  labels: z.array(z.string()).nullish(),
  parent: z
    .object({
      key: z.string(),
      fields: z
        .object({
          summary: z.string().nullish(),
          issuetype: z.object({ name: z.string(), hierarchyLevel: z.number().nullish() }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  project: z.object({ id: z.string(), key: z.string() }).nullish(),
  // A sub-task's reference carries its summary and status, status category included (Jira's issue
  // JSON, `fields.subtasks[].fields.status.statusCategory`; Atlassian's OpenAPI types `fields` as a
  // free-form map, so the shape is the one Jira Cloud returns and the stand-in renders).
  subtasks: z
    .array(
      z.object({
        key: z.string(),
        fields: z
          .object({ summary: z.string().nullish(), status: z.object({ statusCategory: z.object({ key: z.string() }) }).nullish() })
          .nullish(),
      }),
    )
    .nullish(),
  // Jira Software's own fields, present on the agile API's issues.
  sprint: sprintShape.nullish(),
  closedSprints: z.array(sprintShape).nullish(),
  flagged: z.boolean().nullish(),
  epic: z.object({ key: z.string() }).nullish(),
});
export type IssueFieldsJson = z.infer<typeof issueFieldsShape>;

export const issueShape = z.object({ id: z.string(), key: z.string(), fields: issueFieldsShape });
export type IssueJson = z.infer<typeof issueShape>;

export const sprintIssuesPageShape = z.object({ startAt: z.number(), total: z.number(), issues: z.array(issueShape) });
export const searchPageShape = z.object({ issues: z.array(issueShape), nextPageToken: z.string().nullish() });
export const bulkFetchShape = z.object({ issues: z.array(issueShape) });

export const boardShape = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  location: z.object({ projectKey: z.string().nullish(), projectId: z.number().nullish() }).nullish(),
});
export type BoardJson = z.infer<typeof boardShape>;

export const boardPageShape = z.object({ values: z.array(boardShape), total: z.number().nullish(), isLast: z.boolean().nullish() });
export const sprintPageShape = z.object({ values: z.array(sprintShape), isLast: z.boolean().nullish() });

export const permissionGrantsShape = z.object({
  projectPermissions: z.array(
    z.object({ permission: z.string(), issues: z.array(z.number()).nullish(), projects: z.array(z.number()).nullish() }),
  ),
});
export type PermissionGrantsJson = z.infer<typeof permissionGrantsShape>;

/** GET /rest/api/3/mypermissions: permission key → whether the caller holds it in the context asked. */
export const myPermissionsShape = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean().nullish() })),
});

export const projectShape = z.object({
  id: z.string(),
  key: z.string(),
  issueTypes: z.array(z.object({ id: z.string(), name: z.string(), subtask: z.boolean() })).nullish(),
});

/** GET /project/{key}/role: role name → URL ending in the role id. */
export const projectRolesShape = z.record(z.string(), z.string());

export const projectRoleShape = z.object({
  name: z.string(),
  actors: z.array(z.object({ type: z.string(), actorUser: z.object({ accountId: z.string() }).nullish() })).nullish(),
});

export const userPageShape = z.object({
  values: z.array(z.object({ accountId: z.string(), accountType: z.string().nullish(), displayName: z.string().nullish() })),
  total: z.number().nullish(),
  isLast: z.boolean().nullish(),
});

/** GET /rest/api/3/user/picker answers FoundUsers: `{ header, total, users: UserPickerUser[] }` (Atlassian's platform OpenAPI, findUsersForPicker). */
export const foundUsersShape = z.object({
  users: z.array(z.object({ accountId: z.string(), accountType: z.string().nullish(), displayName: z.string().nullish() })),
});

export const jqlParseShape = z.object({ queries: z.array(z.object({ query: z.string(), errors: z.array(z.string()).nullish() })) });

export const createdIssueShape = z.object({ id: z.string(), key: z.string() });

/** An issue read with `fields=comment`: its comments' ADF bodies. */
export const issueCommentsShape = z.object({
  key: z.string(),
  fields: z.object({
    comment: z
      .object({ comments: z.array(z.object({ id: z.string().nullish(), body: z.unknown(), created: z.string().nullish() })) })
      .nullish(),
  }),
});

/** GET …/properties/{propertyKey}: an EntityProperty (Atlassian's platform OpenAPI). */
export const entityPropertyShape = z.object({ key: z.string(), value: z.unknown() });

/**
 * An issue as team history reads it from POST /rest/api/3/search/jql (operation
 * searchAndReconsileIssuesUsingJqlPost): status category, when it last changed category, the
 * resolution date, creation, and (looked up by id) the Sprint and estimation fields.
 */
export const historyIssueShape = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    status: z.object({ statusCategory: z.object({ key: z.string() }) }).nullish(),
    issuetype: z.object({ subtask: z.boolean() }).nullish(),
    created: z.string().nullish(),
    statuscategorychangedate: z.string().nullish(),
    resolutiondate: z.string().nullish(),
  }),
});
export type HistoryIssueJson = z.infer<typeof historyIssueShape>;
export const historySearchPageShape = z.object({ issues: z.array(historyIssueShape), nextPageToken: z.string().nullish() });
/** POST /rest/api/3/issue/bulkfetch (bulkFetchIssues) answering the history fields: `issues`, each as `historyIssueShape`. */
export const historyBulkFetchShape = z.object({ issues: z.array(historyIssueShape) });
/** POST /rest/api/3/search/jql asked for ids only (`fields: ['id']`, "The default is `id`"): each issue's id, and the next page's token. */
export const issueIdPageShape = z.object({ issues: z.array(z.object({ id: z.string() })), nextPageToken: z.string().nullish() });

/** The Sprint field's value on the platform API: the sprints the issue is in (closed ones stay). */
export const sprintFieldValueShape = z.array(z.object({ id: z.number() })).nullish();

const changeItemShape = z.object({
  fieldId: z.string().nullish(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});
export type ChangeItemJson = z.infer<typeof changeItemShape>;

/** POST /rest/api/3/changelog/bulkfetch (operation getBulkChangelogs): oldest change first, per issue. */
export const bulkChangelogShape = z.object({
  // A history's `id` and `author` (Changelog in Atlassian's platform OpenAPI) name the change and who made it.
  issueChangeLogs: z.array(
    z.object({
      issueId: z.string(),
      changeHistories: z.array(
        z.object({
          id: z.string().nullish(),
          author: z.object({ accountId: z.string().nullish() }).nullish(),
          created: z.string(),
          items: z.array(changeItemShape),
        }),
      ),
    }),
  ),
  nextPageToken: z.string().nullish(),
});
export type BulkChangelogJson = z.infer<typeof bulkChangelogShape>;

/** GET /rest/api/3/field (operation getFields): every field of the site with its type. */
export const fieldListShape = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().nullish(),
    schema: z.object({ type: z.string(), custom: z.string().nullish() }).nullish(),
  }),
);
export type FieldJson = z.infer<typeof fieldListShape>[number];

/** GET /rest/api/3/project/{projectIdOrKey} (operation getProject): whether the project is team-managed. */
export const projectStyleShape = z.object({ simplified: z.boolean().nullish(), style: z.string().nullish() });

/** GET /rest/api/3/issue/{issueIdOrKey}/editmeta (operation getEditIssueMeta): the fields the edit screen offers. */
export const editMetaShape = z.object({ fields: z.record(z.string(), z.object({ allowedValues: z.array(z.unknown()).nullish() })) });
export const priorityValueShape = z.object({ name: z.string() });

/**
 * GET /rest/api/3/serverInfo (operation getServerInfo; schema ServerInformation in Atlassian's
 * platform OpenAPI): `serverTimeZone` is "the default timezone of the Jira server", an IANA name.
 */
export const serverInfoShape = z.looseObject({ serverTimeZone: z.string().nullish() });
