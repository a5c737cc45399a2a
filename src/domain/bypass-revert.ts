/**
 * Undoing a change made directly in Jira, around Goalkeeper (issue 15): the Product Owner's one
 * action becomes an ordinary proposal of the opposite change, assessed, decided and applied like
 * any other, so the revert is on the record too.
 */
import type { Change } from './change';
import type { ScopeChange } from './scope-change';

/** The change that undoes `change`; null where Goalkeeper cannot say what "before" was (a re-rank, an estimate added to an unestimated issue). */
export function revertOf(change: Pick<ScopeChange, 'kind' | 'pointsBefore'>): Change | null {
  switch (change.kind) {
    case 'added':
      return { kind: 'remove' };
    case 'removed':
    case 'deferred':
      return { kind: 'add' };
    case 're-estimated':
      return change.pointsBefore === null ? null : { kind: 'estimate', points: change.pointsBefore };
    case 'reranked':
      return null;
  }
}
