/**
 * The burn-up's data as tables: every step of the scope line, with the change and its rationale,
 * and the done line's points done by the end of each working day.
 */
import type { ReadySprintView } from '@goalkeeper/contract';
import { WithIssueLinks } from '../../../shared/components/IssueLink';
import { useGadgetI18n } from '../messages/catalogue';
import { storyOf } from './scope-step-wording';

export function BurnUpTable({ state }: { state: ReadySprintView }) {
  const translator = useGadgetI18n();
  const { t } = translator;
  return (
    <div className="gk-table-scroll">
      <table className="gk-table">
        <caption>{t('burnUp.table.caption', { sprint: state.sprint.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('burnUp.table.when')}</th>
            <th scope="col">{t('burnUp.table.change')}</th>
            <th scope="col">{t('burnUp.table.moved')}</th>
            <th scope="col">{t('burnUp.table.scope')}</th>
            <th scope="col">{t('burnUp.table.route')}</th>
            <th scope="col">{t('burnUp.table.rationale')}</th>
          </tr>
        </thead>
        <tbody>
          {state.burnUp.scope.map((step, index) => {
            const story = storyOf(translator, step, state);
            return (
              <tr key={step.change?.id ?? `start-${index}`}>
                <td>{story.when}</td>
                <th scope="row">
                  <WithIssueLinks text={story.what} issueKeys={step.change ? [step.change.issueKey] : []} />
                </th>
                <td>{story.moved}</td>
                <td>{story.scopeAfter}</td>
                <td>{story.route}</td>
                <td className="gk-user-text">{story.rationale ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <DoneByDayTable state={state} />
    </div>
  );
}

/** A day is a UTC date (src/domain/burn-up.ts): shown from its noon, so the reader's time zone names the same date. */
const middayOf = (date: string) => `${date}T12:00:00.000Z`;

function DoneByDayTable({ state }: { state: ReadySprintView }) {
  const { t, formatDate, formatNumber } = useGadgetI18n();
  const days = state.burnUp.doneByDay;
  if (days.length === 0) return null;
  const today = state.burnUp.now.slice(0, 10);
  return (
    <table className="gk-table">
      <caption>{t('burnUp.daily.caption', { sprint: state.sprint.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('burnUp.daily.day')}</th>
          <th scope="col">{t('burnUp.daily.done')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.date}>
            <th scope="row">
              {day.date === today ? t('burnUp.daily.today', { date: formatDate(middayOf(day.date)) }) : formatDate(middayOf(day.date))}
            </th>
            <td>{formatNumber(day.donePoints)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
