/**
 * The sprint's items in rank order with the capacity line drawn through them: above it what the
 * forecast expects to be done by the sprint end (at P50, as the backend computes the line), below
 * it what is not. The line is a list item of its own and each item below it says so too, so the
 * split is heard as well as seen.
 */
import type { RankedItem, SprintIssue } from '@goalkeeper/contract';
import { IssueLink } from '../../../shared/components/IssueLink';
import { Lozenge } from '../../../shared/components/Lozenge';
import { useGadgetI18n } from '../messages/catalogue';
import type { GadgetKey } from '../messages/en';

const STATUS: Readonly<Record<SprintIssue['statusCategory'], GadgetKey>> = {
  done: 'ranked.status.done',
  'in-progress': 'ranked.status.in-progress',
  todo: 'ranked.status.todo',
};

export function RankedItems({ items }: { items: readonly RankedItem[] }) {
  const { t } = useGadgetI18n();
  if (items.length === 0) return <p className="gk-muted">{t('ranked.empty')}</p>;
  const lineAt = items.findIndex((item) => !item.aboveCapacityLine);
  return (
    <div className="gk-stack gk-stack--tight">
      <h4>{t('ranked.heading', { count: items.length })}</h4>
      <ul className="gk-ranked">
        {items.map((item, index) => (
          <RankedRow key={item.key} item={item} lineBefore={index === lineAt} />
        ))}
        {lineAt === -1 && <CapacityLine text={t('ranked.line.allFit')} />}
      </ul>
    </div>
  );
}

function CapacityLine({ text }: { text: string }) {
  return (
    <li className="gk-capacity-line">
      <span>{text}</span>
    </li>
  );
}

function RankedRow({ item, lineBefore }: { item: RankedItem; lineBefore: boolean }) {
  const { t } = useGadgetI18n();
  const below = !item.aboveCapacityLine;
  return (
    <>
      {lineBefore && <CapacityLine text={t('ranked.line')} />}
      <li className={below ? 'gk-ranked__item gk-ranked__item--below' : 'gk-ranked__item'}>
        <span className="gk-ranked__key">
          <IssueLink issueKey={item.key} />
        </span>
        <span className="gk-user-text gk-ranked__summary">{item.summary}</span>
        <span className="gk-ranked__meta gk-small">
          {item.points === null ? t('shared.points.none') : t('shared.points.count', { count: item.points })}
          {' · '}
          {t(STATUS[item.statusCategory])}
          {below && ` · ${t('ranked.belowLine')}`}
        </span>
        {item.goalCritical && <Lozenge appearance="new">{t('ranked.goalCritical')}</Lozenge>}
      </li>
    </>
  );
}
