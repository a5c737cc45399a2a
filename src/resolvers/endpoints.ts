/** One endpoint per use case: its payload schema, whether it mutates, and the use case it calls. */
import { createProposal } from '../app/use-cases/create-proposal';
import { decideProposal } from '../app/use-cases/decide-proposal';
import { getAllowedPriorities } from '../app/use-cases/get-allowed-priorities';
import { getAuditTrail } from '../app/use-cases/get-audit-trail';
import { exportSprintCsv } from '../app/use-cases/export-sprint-csv';
import { getIssueGlance } from '../app/use-cases/get-issue-glance';
import { getIssuePanelState } from '../app/use-cases/get-issue-panel-state';
import { getSprintViewState } from '../app/use-cases/get-sprint-view-state';
import { listBoards } from '../app/use-cases/list-boards';
import { getProjectSettings, saveProjectSettings, searchPeople } from '../app/use-cases/project-settings';
import { recordSprintOutcome } from '../app/use-cases/record-sprint-outcome';
import { reviewBypassedChange } from '../app/use-cases/review-bypassed-change';
import { revertBypassedChange } from '../app/use-cases/revert-bypassed-change';
import { listSprintProposals } from '../app/use-cases/list-sprint-proposals';
import { previewProposal } from '../app/use-cases/preview-proposal';
import { retryApply } from '../app/use-cases/retry-apply';
import { setSprintCapacity } from '../app/use-cases/set-sprint-capacity';
import { withdrawProposal } from '../app/use-cases/withdraw-proposal';
import { defineEndpoint } from './resolver-boundary';
import {
  auditTrailSchema,
  boardRefSchema,
  boardSearchSchema,
  createProposalSchema,
  decideSchema,
  issuePanelStateSchema,
  peopleSearchSchema,
  previewSchema,
  projectRefSchema,
  proposalRefSchema,
  reviewBypassSchema,
  revertBypassSchema,
  saveSettingsSchema,
  sprintCapacitySchema,
  sprintViewSchema,
  sprintOutcomeSchema,
  sprintProposalsSchema,
  withdrawSchema,
} from '../contract/payload-schemas';

export const endpoints = {
  getIssuePanelState: defineEndpoint({ schema: issuePanelStateSchema, mutates: false, run: getIssuePanelState }),
  // The issue context panel's count of changes waiting for the Product Owner.
  getIssueGlance: defineEndpoint({ schema: issuePanelStateSchema, mutates: false, run: getIssueGlance }),
  previewProposal: defineEndpoint({ schema: previewSchema, mutates: false, run: previewProposal }),
  // The re-prioritise form asks for the issue's allowed priorities only when it opens.
  getAllowedPriorities: defineEndpoint({ schema: issuePanelStateSchema, mutates: false, run: getAllowedPriorities }),
  createProposal: defineEndpoint({ schema: createProposalSchema, mutates: true, run: createProposal }),
  decideProposal: defineEndpoint({ schema: decideSchema, mutates: true, run: decideProposal }),
  withdrawProposal: defineEndpoint({ schema: withdrawSchema, mutates: true, run: withdrawProposal }),
  retryApply: defineEndpoint({ schema: proposalRefSchema, mutates: true, run: retryApply }),
  listSprintProposals: defineEndpoint({ schema: sprintProposalsSchema, mutates: false, run: listSprintProposals }),
  getAuditTrail: defineEndpoint({ schema: auditTrailSchema, mutates: false, run: getAuditTrail }),
  getSprintViewState: defineEndpoint({ schema: sprintViewSchema, mutates: false, run: getSprintViewState }),
  exportSprintCsv: defineEndpoint({ schema: boardRefSchema, mutates: false, run: exportSprintCsv }),
  listBoards: defineEndpoint({ schema: boardSearchSchema, mutates: false, run: listBoards }),
  reviewBypassedChange: defineEndpoint({ schema: reviewBypassSchema, mutates: true, run: reviewBypassedChange }),
  // Undo a change made directly in Jira: it becomes a proposal (approved at once where the Product Owner may decide it).
  revertBypassedChange: defineEndpoint({ schema: revertBypassSchema, mutates: true, run: revertBypassedChange }),
  recordSprintOutcome: defineEndpoint({ schema: sprintOutcomeSchema, mutates: true, run: recordSprintOutcome }),
  // The team's capacity for the rest of the sprint, from the gadget.
  setSprintCapacity: defineEndpoint({ schema: sprintCapacitySchema, mutates: true, run: setSprintCapacity }),
  getProjectSettings: defineEndpoint({ schema: projectRefSchema, mutates: false, run: getProjectSettings }),
  saveProjectSettings: defineEndpoint({ schema: saveSettingsSchema, mutates: true, run: saveProjectSettings }),
  // The settings page's user picker (Jira's own, asked as the caller); reading, so it works without a licence too.
  searchPeople: defineEndpoint({ schema: peopleSearchSchema, mutates: false, run: searchPeople }),
};

export type EndpointName = keyof typeof endpoints;
