/**
 * Churn, honestly: every figure of the backend's ChurnFigures, in points and issues, with where
 * the committed scope comes from. Bypassed changes that nobody watched read "not tracked" —
 * never 0, which would claim nothing happened around Goalkeeper.
 */
import type { ReadySprintView, ReasonCategory, Tally } from '@goalkeeper/contract';
import { REASON_LABELS } from '../../../shared/proposal-wording';
import { useGadgetI18n, type GadgetTranslator } from '../messages/catalogue';
import type { GadgetKey } from '../messages/en';
import { signedPoints } from '../scope-change-wording';

const BASELINE: Readonly<Record<ReadySprintView['baselineSource'], GadgetKey>> = {
  'sprint-start': 'churn.baseline.sprint-start',
  'first-seen': 'churn.baseline.first-seen',
  changelog: 'churn.baseline.changelog',
  reconstructed: 'churn.baseline.reconstructed',
};

/** The reasons in the order forms offer them, then the changes nobody gave a reason for. */
const REASON_ORDER: readonly (ReasonCategory | 'bypassed')[] = [...(Object.keys(REASON_LABELS) as ReasonCategory[]), 'bypassed'];

function reasonLabel(translator: GadgetTranslator, reason: ReasonCategory | 'bypassed'): string {
  return reason === 'bypassed' ? translator.t('churn.reason.bypassed') : translator.t(REASON_LABELS[reason]);
}

export function Churn({ state }: { state: ReadySprintView }) {
  const translator = useGadgetI18n();
  const { t, formatPercent, formatDateTime } = translator;
  const { churn } = state;
  const movements: readonly [string, Tally][] = [
    [t('churn.added'), churn.added],
    [t('churn.removed'), churn.removed],
    [t('churn.deferred'), churn.deferred],
    [t('churn.reestimatedUp'), churn.reestimatedUp],
    [t('churn.reestimatedDown'), churn.reestimatedDown],
  ];
  const reasons = REASON_ORDER.flatMap((reason) => {
    const tally = churn.byReason[reason];
    return tally ? [[reasonLabel(translator, reason), tally] as const] : [];
  });
  return (
    <section className="gk-section" aria-labelledby="gk-churn-heading">
      <h3 id="gk-churn-heading">{t('churn.heading')}</h3>
      <p className="gk-small">
        {t(BASELINE[state.baselineSource], { date: state.baselineTakenAt ? formatDateTime(state.baselineTakenAt) : '' })}
      </p>
      <table className="gk-table">
        <caption className="gk-visually-hidden">{t('churn.scope.caption')}</caption>
        <TallyHead first={t('churn.scope.column')} />
        <tbody>
          <tr>
            <th scope="row">{t('churn.committed')}</th>
            {churn.committed ? <TallyCells tally={churn.committed} /> : <td colSpan={2}>{t('churn.noBaseline')}</td>}
          </tr>
          {movements.map(([label, tally]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <TallyCells tally={tally} />
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="gk-meta">
        <div className="gk-meta__pair">
          <dt>{t('churn.gross')}</dt>
          <dd>
            <strong>{churn.grossChurn === null ? t('churn.gross.none') : formatPercent(churn.grossChurn)}</strong>{' '}
            <span className="gk-small">{t('churn.gross.formula')}</span>
          </dd>
        </div>
        <div className="gk-meta__pair">
          <dt>{t('churn.net')}</dt>
          <dd>
            <strong>{signedPoints(translator, churn.netChange)}</strong>
          </dd>
        </div>
      </dl>

      <h4>{t('churn.byReason')}</h4>
      {reasons.length === 0 ? (
        <p className="gk-muted">{t('churn.noChanges')}</p>
      ) : (
        <table className="gk-table">
          <caption className="gk-visually-hidden">{t('churn.byReason')}</caption>
          <TallyHead first={t('churn.reason.column')} />
          <tbody>
            {reasons.map(([label, tally]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <TallyCells tally={tally} />
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>{t('churn.byRoute')}</h4>
      <table className="gk-table">
        <caption className="gk-visually-hidden">{t('churn.byRoute')}</caption>
        <TallyHead first={t('churn.route.column')} />
        <tbody>
          <tr>
            <th scope="row">{t('churn.throughGoalkeeper')}</th>
            <TallyCells tally={churn.throughGoalkeeper} />
          </tr>
          <tr>
            <th scope="row">{t('churn.bypassed')}</th>
            {churn.bypassed === 'not-tracked' ? (
              <td colSpan={2}>
                <strong>{t('churn.notTracked')}</strong> <span className="gk-small">{t('churn.notTracked.why')}</span>
              </td>
            ) : (
              <TallyCells tally={churn.bypassed} />
            )}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function TallyHead({ first }: { first: string }) {
  const { t } = useGadgetI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('churn.points')}</th>
        <th scope="col">{t('churn.issues')}</th>
      </tr>
    </thead>
  );
}

function TallyCells({ tally }: { tally: Tally }) {
  const { formatNumber } = useGadgetI18n();
  return (
    <>
      <td>{formatNumber(tally.points)}</td>
      <td>{formatNumber(tally.count)}</td>
    </>
  );
}
