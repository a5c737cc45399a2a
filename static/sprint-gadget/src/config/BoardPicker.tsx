/**
 * Choosing the board: a search field and the matching Scrum boards as radio buttons (arrow keys
 * move between them, as in any radio group). The chosen board stays chosen, and named, while
 * the person searches for others.
 */
import { useId, useState } from 'react';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Field } from '../../../shared/components/Field';
import { Loading } from '../../../shared/components/Loading';
import { useGadgetI18n } from '../messages/catalogue';
import { useBoardSearch } from './use-board-search';

export interface BoardPickerProps {
  readonly selected: number | null;
  readonly onSelect: (boardId: number) => void;
  readonly error: string | null;
}

export function BoardPicker({ selected, onSelect, error }: BoardPickerProps) {
  const { t } = useGadgetI18n();
  const [query, setQuery] = useState('');
  const { search, known, retry } = useBoardSearch(query);
  const groupName = useId();
  const errorId = useId();
  const chosen = selected === null ? null : known.get(selected);
  const chosenShown = search.phase === 'ready' && search.boards.some((board) => board.id === selected);

  return (
    <fieldset className="gk-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>{t('config.board')}</legend>
      <Field label={t('config.board.search')} hint={t('config.board.search.hint')}>
        {(control) => (
          <input {...control} type="search" className="gk-input" value={query} onChange={(event) => setQuery(event.target.value)} />
        )}
      </Field>
      {selected !== null && !chosenShown && (
        <p className="gk-small">
          {chosen ? t('config.board.chosen', { board: chosen.name }) : t('config.board.chosenUnknown', { id: selected })}
        </p>
      )}
      {search.phase === 'loading' && <Loading label={t('config.board.loading')} />}
      {search.phase === 'failed' && <ErrorBanner error={search.error} onRetry={retry} focusOnShow={false} />}
      {search.phase === 'ready' && search.boards.length === 0 && (
        <p className="gk-muted">{search.query === '' ? t('config.board.none') : t('config.board.noMatch', { query: search.query })}</p>
      )}
      {search.phase === 'ready' && search.boards.length > 0 && (
        <div className="gk-board-list">
          {search.boards.map((board) => (
            <label key={board.id} className="gk-checkbox gk-board-list__option">
              <input
                type="radio"
                name={groupName}
                value={board.id}
                checked={board.id === selected}
                aria-invalid={error ? true : undefined}
                onChange={() => onSelect(board.id)}
              />
              <span>
                {board.name}
                {board.projectKey && <span className="gk-small"> · {board.projectKey}</span>}
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <div className="gk-field__error" id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
