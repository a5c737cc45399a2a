/** The goal-critical items by status: the words and numbers carry it, the bar only helps the eye. */
import type { ReadySprintView } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';

type Status = keyof ReadySprintView['goalItems'];

const STATUSES: readonly Status[] = ['done', 'inProgress', 'todo'];

export function GoalItems({ items }: { items: ReadySprintView['goalItems'] }) {
  const { t } = useGadgetI18n();
  const total = items.done + items.inProgress + items.todo;
  if (total === 0) return <p className="gk-muted">{t('goalItems.none')}</p>;
  const labels: Readonly<Record<Status, string>> = {
    done: t('goalItems.done', { count: items.done }),
    inProgress: t('goalItems.inProgress', { count: items.inProgress }),
    todo: t('goalItems.todo', { count: items.todo }),
  };
  return (
    <div className="gk-goal-items-line">
      <span className="gk-small">{t('goalItems.heading', { count: total })}</span>
      <ul className="gk-goal-items gk-small">
        {STATUSES.map((status) => (
          <li key={status} className={`gk-goal-items__${status}`}>
            {labels[status]}
          </li>
        ))}
      </ul>
      <span className="gk-goal-bar" aria-hidden="true">
        {STATUSES.filter((status) => items[status] > 0).map((status) => (
          <span key={status} className={`gk-goal-bar__${status}`} style={{ flexGrow: items[status] }} />
        ))}
      </span>
    </div>
  );
}
