/**
 * P(goal) since the sprint started, one point per decision and one for now: a small line for the
 * eye (hidden from screen readers) and the same points as a list everyone can read.
 */
import type { ReadySprintView } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { describeTrendPoint } from './trend-wording';

const WIDTH = 240;
const HEIGHT = 56;
const PAD = 4;

type Trend = ReadySprintView['trend'];

/** Time runs left to right from the sprint start (or the first point); P(goal) 0..1 bottom to top. */
function sparkline(trend: Trend, sprintStart: string | null): { x: number; y: number }[] {
  const times = trend.map((point) => Date.parse(point.at));
  const first = sprintStart ? Math.min(Date.parse(sprintStart), ...times) : Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  return trend.map((point, index) => ({
    x: PAD + ((times[index]! - first) / span) * (WIDTH - 2 * PAD),
    y: PAD + (1 - Math.min(1, Math.max(0, point.pGoal))) * (HEIGHT - 2 * PAD),
  }));
}

export function PGoalTrend({ trend, sprintStart }: { trend: Trend; sprintStart: string | null }) {
  const translator = useGadgetI18n();
  const { t, formatPercent, formatDateTime } = translator;
  if (trend.length < 2) return <p className="gk-muted">{t('trend.noDecisions')}</p>;
  const points = sparkline(trend, sprintStart);
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  return (
    <div className="gk-stack gk-stack--tight">
      <h4>{t('trend.heading')}</h4>
      <p>{t('trend.summary', { from: formatPercent(first.pGoal), to: formatPercent(last.pGoal), count: trend.length - 1 })}</p>
      <svg className="gk-trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <line className="gk-trend__baseline" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
        <polyline className="gk-trend__line" points={points.map(({ x, y }) => `${x},${y}`).join(' ')} />
        {points.map(({ x, y }, index) => (
          <circle key={index} className="gk-trend__point" cx={x} cy={y} r={3} />
        ))}
      </svg>
      <details className="gk-details">
        <summary>{t('trend.points')}</summary>
        <ol className="gk-trend-points">
          {trend.map((point, index) => (
            <li key={index}>
              <span className="gk-small">{formatDateTime(point.at)}</span> {describeTrendPoint(translator, point)}: <strong>{formatPercent(point.pGoal)}</strong>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
