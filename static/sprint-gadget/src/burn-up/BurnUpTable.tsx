/** The burn-up's data as a table: every step of the scope line, with the change and its rationale. */
import type { ReadySprintView } from '@goalkeeper/contract';
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
                <th scope="row">{story.what}</th>
                <td>{story.moved}</td>
                <td>{story.scopeAfter}</td>
                <td>{story.route}</td>
                <td className="gk-user-text">{story.rationale ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
