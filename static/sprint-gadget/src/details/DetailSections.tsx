/**
 * Everything beyond the first screen, one click away: a row of disclosure buttons (WAI-ARIA
 * disclosure pattern: a button with `aria-expanded` and `aria-controls`), each opening its
 * section below the row. Several may be open at once; which ones is remembered per board.
 */
import type { ReactNode } from 'react';
import { useGadgetI18n } from '../messages/catalogue';
import type { DetailSection, RememberedSections } from './remembered-sections';

export interface DetailSectionContent {
  readonly id: DetailSection;
  readonly label: string;
  readonly content: () => ReactNode;
}

export function DetailSections({ sections, remembered }: { sections: readonly DetailSectionContent[]; remembered: RememberedSections }) {
  const { t } = useGadgetI18n();
  return (
    <div className="gk-stack">
      <ul className="gk-details-bar" aria-label={t('details.label')}>
        {sections.map(({ id, label }) => {
          const expanded = remembered.open.has(id);
          return (
            <li key={id}>
              <button
                type="button"
                id={`gk-detail-button-${id}`}
                className="gk-details-bar__button"
                aria-expanded={expanded}
                aria-controls={`gk-detail-${id}`}
                onClick={() => remembered.toggle(id)}
              >
                <span className="gk-details-bar__chevron" aria-hidden="true" />
                {label}
              </button>
            </li>
          );
        })}
      </ul>
      {sections.map(({ id, content }) => (
        <div key={id} id={`gk-detail-${id}`} className="gk-details-panel" hidden={!remembered.open.has(id)}>
          {remembered.open.has(id) && content()}
        </div>
      ))}
    </div>
  );
}
