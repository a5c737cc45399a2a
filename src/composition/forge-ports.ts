/**
 * Wires the production adapters for one invocation. Built per call on purpose: one warm Forge
 * runtime serves several Jira sites, so nothing may survive in module scope between calls.
 */
import { randomUUID } from 'node:crypto';
import type { Ports } from '../app/ports';
import { assessChange } from '../domain/goal-risk';
import { createApplyQueue } from '../queues/apply-queue';
import { createReconcileQueue } from '../queues/reconcile-queue';
import { createPersonalDataReporting } from '../events/personal-data-trigger';
import { createJiraAdapter, type JiraAdapterOptions } from '../jira/jira-adapter';
import { createClosedSprintHistoryStore } from '../store/closed-sprint-history-store';
import { createIssueClaimStore } from '../store/issue-claim-store';
import { createKeptJiraConfigStore } from '../store/kept-jira-config-store';
import { createPersonalDataStore } from '../store/personal-data-store';
import { createProposalStore } from '../store/proposal-store';
import { createSettingsRepository } from '../store/settings-repository';
import { createSprintRecordStore } from '../store/sprint-record-store';
import { createSprintSnapshotStore } from '../store/sprint-snapshot-store';

export interface ForgePortsOptions {
  /** The Jira client's sleep and jitter; production leaves them to real time (src/jira/jira-client.ts). */
  readonly jira?: JiraAdapterOptions;
}

export function createForgePorts(options: ForgePortsOptions = {}): Ports {
  return {
    jira: createJiraAdapter({ kept: createKeptJiraConfigStore(), ...options.jira }),
    proposals: createProposalStore(),
    settings: createSettingsRepository(),
    sprints: createSprintRecordStore(),
    personalData: createPersonalDataStore(),
    privacy: createPersonalDataReporting(),
    clock: { now: () => new Date() },
    ids: { next: () => randomUUID() },
    applyQueue: createApplyQueue(),
    reconcileQueue: createReconcileQueue(),
    issueClaims: createIssueClaimStore(),
    sprintHistories: createClosedSprintHistoryStore(),
    sprintSnapshots: createSprintSnapshotStore(),
    assess: assessChange,
  };
}
