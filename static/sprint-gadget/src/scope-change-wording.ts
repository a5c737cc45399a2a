/** How a change to the sprint's scope reads (in the burn-up, the bypassed list and churn), in the user's language. */
import type { ScopeChange } from '@goalkeeper/contract';
import type { GadgetTranslator } from './messages/catalogue';

/** Points a change added to (+) or took from (−) the sprint's scope. */
function scopeDelta(change: Pick<ScopeChange, 'pointsBefore' | 'pointsAfter'>): number {
  return (change.pointsAfter ?? 0) - (change.pointsBefore ?? 0);
}

export function signedPoints({ t, formatNumber }: GadgetTranslator, delta: number): string {
  return t('points.signed', { count: Math.abs(delta), value: formatNumber(delta, { signDisplay: 'exceptZero' }) });
}

/** What a change did to the scope in points; an unestimated issue moves none, which is said as such. */
export function pointsMoved(translator: GadgetTranslator, change: Pick<ScopeChange, 'pointsBefore' | 'pointsAfter'>): string {
  if (change.pointsBefore === null && change.pointsAfter === null) return translator.t('shared.points.none');
  return signedPoints(translator, scopeDelta(change));
}

function estimate(translator: GadgetTranslator, points: number | null): string {
  return points === null ? translator.t('shared.points.none') : translator.formatNumber(points);
}

export function describeScopeChange(translator: GadgetTranslator, change: ScopeChange): string {
  const key = change.issueKey;
  switch (change.kind) {
    case 'added':
      return translator.t('scopeChange.added', { key });
    case 'removed':
      return translator.t('scopeChange.removed', { key });
    case 'deferred':
      return translator.t('scopeChange.deferred', { key });
    case 're-estimated':
      return translator.t('scopeChange.reestimated', {
        key,
        before: estimate(translator, change.pointsBefore),
        after: estimate(translator, change.pointsAfter),
      });
    case 'reranked':
      return translator.t('scopeChange.reranked', { key });
  }
}
