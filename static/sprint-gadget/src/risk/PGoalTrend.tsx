/**
 * P(goal) since the sprint started, one point per decision and one for now: a small line for the
 * eye (hidden from screen readers; the first screen says the same in words) and, in the decisions
 * section, every point as a list everyone can read.
 */
import type { ReadySprintView } from '@goalkeeper/contract';
import { WithIssueLinks } from '../../../shared/components/IssueLink';
import { useGadgetI18n } from '../messages/catalogue';
import { describeTrendPoint } from './trend-wording';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

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

export function PGoalSparkline({ trend, sprintStart }: { trend: Trend; sprintStart: string | null }) {
  if (trend.length < 2) return null;
  const points = sparkline(trend, sprintStart);
  const last = points[points.length - 1]!;
  return (
    <svg className="gk-trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
      <line className="gk-trend__baseline" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
      <polyline className="gk-trend__line" points={points.map(({ x, y }) => `${x},${y}`).join(' ')} />
      <circle className="gk-trend__point" cx={last.x} cy={last.y} r={3} />
    </svg>
  );
}

/** Every point of the trend, in words, with the issue each decision was about linked. */
export function PGoalTrend({ trend }: { trend: Trend }) {
  const translator = useGadgetI18n();
  const { t, formatPercent, formatDateTime } = translator;
  if (trend.length < 2) return <p className="gk-muted">{t('trend.noDecisions')}</p>;
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  return (
    <section className="gk-section" aria-labelledby="gk-trend-heading">
      <h3 id="gk-trend-heading">{t('trend.heading')}</h3>
      <p>{t('trend.summary', { from: formatPercent(first.pGoal), to: formatPercent(last.pGoal), count: trend.length - 1 })}</p>
      <ol className="gk-trend-points">
        {trend.map((point, index) => (
          <li key={index}>
            <span className="gk-small">{formatDateTime(point.at)}</span>{' '}
            <WithIssueLinks text={describeTrendPoint(translator, point)} issueKeys={point.kind === 'decision' ? [point.issueKey] : []} />:{' '}
            <strong>{formatPercent(point.pGoal)}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}
