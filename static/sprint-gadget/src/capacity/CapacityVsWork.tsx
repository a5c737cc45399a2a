/**
 * The work left against what the team is expected to finish: goal-critical and total points
 * against the P50 and P85 capacity (the gadget's confidence first), then the ranked items with
 * the capacity line drawn where the backend's forecast puts it.
 */
import type { ForecastFigures, ReadySprintView } from '@goalkeeper/contract';
import { CONFIDENCE_LABELS } from '../confidence-wording';
import type { ForecastConfidence } from '../gadget-config';
import { useGadgetI18n } from '../messages/catalogue';
import { RankedItems } from './RankedItems';

const CAPACITY_OF: Readonly<Record<ForecastConfidence, (figures: ForecastFigures) => number>> = {
  p50: (figures) => figures.p50Points,
  p85: (figures) => figures.p85Points,
};

export function CapacityVsWork({ state, confidence }: { state: ReadySprintView; confidence: ForecastConfidence }) {
  const { t } = useGadgetI18n();
  const figures = state.risk.before;
  const capacity = CAPACITY_OF[confidence](figures);
  const other: ForecastConfidence = confidence === 'p85' ? 'p50' : 'p85';
  const shortfall = figures.goalCriticalPointsLeft - capacity;
  const rows: readonly { readonly label: string; readonly points: number; readonly kind: 'work' | 'capacity' }[] = [
    { label: t('capacity.goalCriticalLeft'), points: figures.goalCriticalPointsLeft, kind: 'work' },
    { label: t('capacity.totalLeft'), points: figures.totalPointsLeft, kind: 'work' },
    { label: t(CONFIDENCE_LABELS[confidence]), points: capacity, kind: 'capacity' },
    { label: t(CONFIDENCE_LABELS[other]), points: CAPACITY_OF[other](figures), kind: 'capacity' },
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
      <p>
        {shortfall > 0
          ? t('capacity.shortfall', { count: shortfall, confidence: t(CONFIDENCE_LABELS[confidence]) })
          : t('capacity.fits', { confidence: t(CONFIDENCE_LABELS[confidence]) })}
      </p>
      <RankedItems items={state.ranked} />
    </section>
  );
}
