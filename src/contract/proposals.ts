/**
 * What the issue panel and the issue context show and send about proposals: the change, its
 * assessment, its route to a decision, its audit trail, and the rules the form counts text with
 * (the same functions the resolvers validate with, so the form and the backend never disagree).
 */
export type { AllowedPriorities } from '../app/use-cases/get-allowed-priorities';
export type { IssueGlance } from '../app/use-cases/get-issue-glance';
export type { IssuePanelState, IssueSummaryView, ProductOwnerSetup } from '../app/use-cases/get-issue-panel-state';
export type { MissingPart } from '../app/support/missing-parts';
export type { PreviewedChange } from '../app/use-cases/preview-proposal';
export type { HiddenFromCaller } from '../app/support/visible-to-caller';
export type { SprintCoverage } from '../app/support/view-parts';
export type { ApprovalRoute, ProductOwnerReason } from '../domain/approval-policy';
export type { AuditAction, AuditEvent } from '../domain/audit';
export type { Change, ChangeKind, CounterChange, RankTarget, ReasonCategory, SplitPart } from '../domain/change';
export { CHANGE_KINDS, REASON_CATEGORIES, issuesNamedBy } from '../domain/change';
export { checkedInJira, type ApplyStepFacts } from '../domain/apply-step-facts';
export { counterChangeIn, type ApplyStep, type Proposal, type ProposalStatus, type SelfDecided } from '../domain/proposal';
export { measureText, rationaleRule, reasonRule, textProblem, type MeaningfulTextRule } from '../domain/meaningful-text';
export { RATIONALE_MAX_CHARS, REASON_MAX_CHARS } from '../domain/text-limits';
