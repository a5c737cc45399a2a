/**
 * The work left against what the team is expected to finish: goal-critical and total points
 * against the capacity at the view's one confidence (P50, confidence-wording.ts), then the
 * ranked items with the capacity line drawn where the backend's forecast puts it.
 */
import type { ReadySprintView } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { RankedItems } from './RankedItems';

export function CapacityVsWork({ state }: { state: ReadySprintView }) {
  const { t } = useGadgetI18n();
  const figures = state.risk.before;
  const capacity = figures.p50Points;
  const shortfall = figures.goalCriticalPointsLeft - capacity;
  const rows: readonly { readonly label: string; readonly points: number; readonly kind: 'work' | 'capacity' }[] = [
    { label: t('capacity.goalCriticalLeft'), points: figures.goalCriticalPointsLeft, kind: 'work' },
    { label: t('capacity.totalLeft'), points: figures.totalPointsLeft, kind: 'work' },
    { label: t('capacity.expected'), points: capacity, kind: 'capacity' },
  ];
  const scale = Math.max(1, ...rows.map((row) => row.points));
  return (
    <section className="gk-section" aria-labelledby="gk-capacity-heading">
      <h3 id="gk-capacity-heading">{t('capacity.heading')}</h3>
      <dl className="gk-capacity">
        {rows.map((row) => (
          <div key={row.label} className={`gk-capacity__row gk-capacity__row--${row.kind}`}>
            <dt>{row.label}</dt>
            <dd>
              <span className="gk-capacity__figure">{t('shared.points.count', { count: row.points })}</span>
              <span className="gk-capacity__bar" aria-hidden="true">
                <span className="gk-capacity__fill" style={{ width: `${(row.points / scale) * 100}%` }} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p>{shortfall > 0 ? t('capacity.shortfall', { count: shortfall }) : t('capacity.fits')}</p>
      <RankedItems items={state.ranked} />
    </section>
  );
}
