/**
 * A Jira-style user picker: type a few letters of a name, choose a person from Jira's matches
 * (the `searchPeople` resolver asks Jira's own picker as the admin). Only people Jira finds can
 * be added, so a typed id that names nobody never reaches the settings; the backend checks the
 * list against Jira again on save. Keyboard: arrows move through the matches, Enter adds, Escape
 * closes (WAI-ARIA combobox with a listbox popup).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PersonFound } from '@goalkeeper/contract';
import { Loading } from '../../../shared/components/Loading';
import type { CallResult } from '../../../shared/resolver-client';
import { useSettingsI18n } from '../messages/catalogue';

/** How long typing pauses before Jira is asked: one search per word typed, not per key. */
export const PICKER_DEBOUNCE_MS = 250;

export type SearchPeople = (query: string) => Promise<CallResult<readonly PersonFound[]>>;

type Matches =
  | { readonly phase: 'idle' }
  | { readonly phase: 'searching'; readonly query: string }
  | { readonly phase: 'found'; readonly query: string; readonly people: readonly PersonFound[] }
  | { readonly phase: 'failed'; readonly query: string; readonly message: string };

export interface PeoplePickerProps {
  readonly label: string;
  readonly hint: string;
  readonly error?: string;
  readonly listed: readonly string[];
  readonly search: SearchPeople;
  readonly onPick: (person: PersonFound) => void;
}

export function PeoplePicker({ label, hint, error, listed, search, onPick }: PeoplePickerProps) {
  const { t } = useSettingsI18n();
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const errorId = useId();
  const [typed, setTyped] = useState('');
  const [matches, setMatches] = useState<Matches>({ phase: 'idle' });
  const [active, setActive] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const query = typed.trim();
    if (query === '') {
      setMatches({ phase: 'idle' });
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setMatches({ phase: 'searching', query });
      void search(query).then((result) => {
        if (ticket !== latest.current) return;
        setActive(0);
        setMatches(
          result.ok
            ? { phase: 'found', query, people: result.value.filter((person) => !listed.includes(person.accountId)) }
            : { phase: 'failed', query, message: result.error.message },
        );
      });
    }, PICKER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const options = matches.phase === 'found' ? matches.people : [];
  const open = matches.phase !== 'idle';

  function pick(person: PersonFound) {
    onPick(person);
    setTyped('');
    setMatches({ phase: 'idle' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length > 0) setActive((index) => (index + 1) % options.length);
    else if (event.key === 'ArrowUp' && options.length > 0) setActive((index) => (index - 1 + options.length) % options.length);
    else if (event.key === 'Escape') setMatches({ phase: 'idle' });
    else if (event.key === 'Enter') {
      // Enter picks the highlighted person, never saves the whole form, and never adds raw text.
      const person = options[active];
      if (person) pick(person);
    } else return;
    event.preventDefault();
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="gk-field gk-picker">
      <label className="gk-field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="gk-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? optionId(active) : undefined}
        aria-describedby={[hintId, error ? errorId : undefined].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="gk-field__hint" id={hintId}>
        {hint}
      </div>
      {error && (
        <div className="gk-field__error" id={errorId}>
          {error}
        </div>
      )}
      <ul id={listId} role="listbox" aria-label={t('people.picker.matches')} className="gk-picker__options" hidden={options.length === 0}>
        {options.map((person, index) => (
          <li
            key={person.accountId}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'gk-picker__option gk-picker__option--active' : 'gk-picker__option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(person)}
          >
            {person.displayName ?? t('people.hiddenName')}
          </li>
        ))}
      </ul>
      {matches.phase === 'searching' && <Loading label={t('people.picker.searching', { query: matches.query })} />}
      {matches.phase === 'found' && options.length === 0 && (
        <p className="gk-muted" role="status">
          {t('people.picker.none', { query: matches.query })}
        </p>
      )}
      {matches.phase === 'failed' && (
        <p className="gk-field__error" role="alert">
          {t('people.picker.failed', { message: matches.message })}
        </p>
      )}
    </div>
  );
}
