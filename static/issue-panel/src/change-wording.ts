/** How a change and its reason read in the panel, in the user's language. */
import type { Change, ChangeKind, ReasonCategory } from '../../../src/domain/change';
import type { PanelKey } from './messages/en';
import type { PanelTranslator } from './messages/catalogue';

export const KIND_LABELS: Readonly<Record<ChangeKind, PanelKey>> = {
  add: 'kind.add',
  remove: 'kind.remove',
  defer: 'kind.defer',
  rerank: 'kind.rerank',
  priority: 'kind.priority',
  estimate: 'kind.estimate',
  split: 'kind.split',
  swap: 'kind.swap',
  tweak: 'kind.tweak',
};

/** Every reason category, in the order the form offers them. */
export const REASON_LABELS: Readonly<Record<ReasonCategory, PanelKey>> = {
  'stakeholder-request': 'reason.stakeholder-request',
  defect: 'reason.defect',
  dependency: 'reason.dependency',
  'estimate-learned': 'reason.estimate-learned',
  compliance: 'reason.compliance',
  other: 'reason.other',
};

export function describeChange({ t, formatNumber }: PanelTranslator, issueKey: string, change: Change): string {
  const key = issueKey;
  switch (change.kind) {
    case 'add':
      return t('change.add', { key });
    case 'remove':
      return t('change.remove', { key });
    case 'defer':
      return t('change.defer', { key });
    case 'rerank':
      switch (change.target.position) {
        case 'top':
          return t('change.rerank.top', { key });
        case 'bottom':
          return t('change.rerank.bottom', { key });
        case 'before':
          return t('change.rerank.before', { key, target: change.target.issueKey });
        case 'after':
          return t('change.rerank.after', { key, target: change.target.issueKey });
      }
    // eslint-disable-next-line no-fallthrough -- the inner switch is exhaustive
    case 'priority':
      return t('change.priority', { key, priority: change.priorityName });
    case 'estimate':
      return t('change.estimate', { key, points: formatNumber(change.points) });
    case 'split':
      return t('change.split', { key, count: change.parts.length });
    case 'swap':
      return t('change.swap', { key, out: change.outIssueKey });
    case 'tweak':
      return t('change.tweak', { key });
  }
}

export function pointsLabel({ t }: PanelTranslator, points: number | null): string {
  return points === null ? t('points.none') : t('points.count', { count: points });
}
