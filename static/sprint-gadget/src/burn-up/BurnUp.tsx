/** The burn-up section: the chart, its legend and summary, and the same data as a table on request. */
import type { ReadySprintView } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { BurnUpChart } from './BurnUpChart';
import { BurnUpTable } from './BurnUpTable';

export function BurnUp({ state }: { state: ReadySprintView }) {
  const { t } = useGadgetI18n();
  const { scope, donePoints } = state.burnUp;
  const committed = scope[0]?.scope ?? 0;
  const current = scope[scope.length - 1]?.scope ?? committed;
  const summary = t('burnUp.summary', { committed, scope: current, count: scope.length - 1, done: donePoints });
  return (
    <section className="gk-section" aria-labelledby="gk-burn-up-heading">
      <h3 id="gk-burn-up-heading">{t('burnUp.heading')}</h3>
      <p>{summary}</p>
      <ul className="gk-legend" aria-hidden="true">
        <li className="gk-legend__scope">{t('burnUp.legend.scope')}</li>
        <li className="gk-legend__step">{t('burnUp.legend.step')}</li>
        <li className="gk-legend__done-line">{t('burnUp.legend.doneLine')}</li>
        <li className="gk-legend__done">{t('burnUp.legend.done')}</li>
      </ul>
      <BurnUpChart state={state} summary={summary} />
      <details className="gk-details">
        <summary>{t('burnUp.table.toggle')}</summary>
        <BurnUpTable state={state} />
      </details>
    </section>
  );
}
