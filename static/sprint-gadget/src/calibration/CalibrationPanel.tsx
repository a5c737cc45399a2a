/**
 * Goalkeeper's own calibration on this board (issue 13): when it said 30%, 50%, 80%, how often
 * were the goals met? A bar per band for the eye (the forecast's mark beside what happened) and
 * a table with every figure, for screen readers and for anyone checking; a one-line Brier score.
 * Until enough sprints have closed with a recorded outcome, it says what it is waiting for.
 */
import { type Calibration, MIN_SPRINTS_FOR_CALIBRATION } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { ChartAndTable } from '../outcomes/ChartAndTable';

export function CalibrationPanel({ calibration }: { calibration: Calibration }) {
  const { t, formatPercent, formatNumber } = useGadgetI18n();
  const bins = calibration.bins.filter((bin) => bin.count > 0);
  return (
    <ChartAndTable
      headingId="gk-calibration-heading"
      heading={t('calibration.heading')}
      waiting={calibration.enough ? null : t('calibration.waiting', { min: MIN_SPRINTS_FOR_CALIBRATION, count: calibration.sprints })}
      summary={t('calibration.brier', {
        brier: formatNumber(calibration.brier ?? 0, { maximumFractionDigits: 3, minimumFractionDigits: 3 }),
        count: calibration.records,
        sprints: calibration.sprints,
      })}
      chartClassName="gk-calibration-chart"
      chart={bins.map((bin) => (
        <li key={bin.from} className="gk-calibration-chart__band">
          <span className="gk-calibration-chart__label">{`${formatPercent(bin.from)}–${formatPercent(bin.to)}`}</span>
          <span className="gk-calibration-chart__track">
            <span className="gk-calibration-chart__observed" style={{ width: `${Math.round((bin.observedRate ?? 0) * 100)}%` }} />
            <span className="gk-calibration-chart__said" style={{ left: `${Math.round((bin.meanForecast ?? 0) * 100)}%` }} />
          </span>
        </li>
      ))}
      columns={[t('calibration.said'), t('calibration.met'), t('calibration.rate')]}
      rows={bins.map((bin) => (
        <tr key={bin.from}>
          <th scope="row">
            {t('calibration.band', {
              said: formatPercent(bin.meanForecast ?? bin.from),
              from: formatPercent(bin.from),
              to: formatPercent(bin.to),
            })}
          </th>
          <td>{t('calibration.metOf', { met: Math.round((bin.observedRate ?? 0) * bin.count), count: bin.count })}</td>
          <td>{formatPercent(bin.observedRate ?? 0)}</td>
        </tr>
      ))}
    />
  );
}
