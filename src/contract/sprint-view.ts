/**
 * What the sprint gadget shows: the sprint view, its boards, churn, scope changes, outcomes and
 * calibration. The pure functions are here because the gadget's tests build their fixtures with the
 * very rules the backend computes the view with.
 */
export type { QueuedProposal, RankedItem, ReadySprintView, SprintViewState, TrendPoint } from '../app/use-cases/get-sprint-view-state';
export type { BoardSummary } from '../app/ports';
export { revertOf } from '../domain/bypass-revert';
export { doneByDay, type DoneByDay } from '../domain/burn-up';
export { calibrationOf, MIN_SPRINTS_FOR_CALIBRATION, type Calibration } from '../domain/calibration';
export { computeChurn, scopeLine, type ScopeStep, type Tally } from '../domain/churn';
export { sprintCsv } from '../domain/csv-export';
export { scopeChangesOf, type ScopeChange } from '../domain/scope-change';
export type { SprintIssue } from '../domain/sprint';
export { outcomeVersionOf, type BypassReview, type BypassedChange, type GoalOutcome, type SprintOutcome } from '../domain/sprint-record';
