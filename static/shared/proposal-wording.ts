/** How a proposal's change, reason and estimate read, in the user's language, in every app. */
import type { Change, ChangeKind, RankTarget, ReasonCategory } from '@goalkeeper/contract';
import type { SharedKey } from './i18n/shared-messages';
import type { Translator } from './i18n/translator';

type SharedTranslator = Translator<SharedKey>;

export const KIND_LABELS: Readonly<Record<ChangeKind, SharedKey>> = {
  add: 'shared.kind.add',
  remove: 'shared.kind.remove',
  defer: 'shared.kind.defer',
  rerank: 'shared.kind.rerank',
  priority: 'shared.kind.priority',
  estimate: 'shared.kind.estimate',
  split: 'shared.kind.split',
  swap: 'shared.kind.swap',
  tweak: 'shared.kind.tweak',
};

/** Every reason category, in the order forms offer them. */
export const REASON_LABELS: Readonly<Record<ReasonCategory, SharedKey>> = {
  'stakeholder-request': 'shared.reason.stakeholder-request',
  defect: 'shared.reason.defect',
  dependency: 'shared.reason.dependency',
  'estimate-learned': 'shared.reason.estimate-learned',
  compliance: 'shared.reason.compliance',
  other: 'shared.reason.other',
};

export function describeChange({ t, formatNumber }: SharedTranslator, issueKey: string, change: Change): string {
  const key = issueKey;
  switch (change.kind) {
    case 'add':
      return t('shared.change.add', { key });
    case 'remove':
      return t('shared.change.remove', { key });
    case 'defer':
      return t('shared.change.defer', { key });
    case 'rerank':
      return describeRank(t, key, change.target);
    case 'priority':
      return t('shared.change.priority', { key, priority: change.priorityName });
    case 'estimate':
      return t('shared.change.estimate', { key, points: formatNumber(change.points) });
    case 'split':
      return t('shared.change.split', { key, count: change.parts.length });
    case 'swap':
      return t('shared.change.swap', { key, out: change.outIssueKey });
    case 'tweak':
      return t('shared.change.tweak', { key });
  }
}

function describeRank(t: SharedTranslator['t'], key: string, target: RankTarget): string {
  switch (target.position) {
    case 'top':
      return t('shared.change.rerank.top', { key });
    case 'bottom':
      return t('shared.change.rerank.bottom', { key });
    case 'before':
      return t('shared.change.rerank.before', { key, target: target.issueKey });
    case 'after':
      return t('shared.change.rerank.after', { key, target: target.issueKey });
  }
}

export function pointsLabel({ t }: SharedTranslator, points: number | null): string {
  return points === null ? t('shared.points.none') : t('shared.points.count', { count: points });
}
