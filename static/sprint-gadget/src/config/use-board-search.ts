/**
 * The edit view's one data hook: the Scrum boards the person can see whose name or project key
 * matches what they type, asked of the backend a moment after the typing stops. Answers for an
 * older query are dropped. Every board seen is remembered, so the chosen one keeps its name
 * when a later search leaves it out.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardSummary } from '@goalkeeper/contract';
import { callResolver, type CallError } from '../../../shared/resolver-client';

/** Long enough not to call the backend on every keystroke, short enough to feel live. */
export const BOARD_SEARCH_DEBOUNCE_MS = 300;

export type BoardSearch =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly query: string; readonly boards: readonly BoardSummary[] };

export function useBoardSearch(query: string) {
  const [search, setSearch] = useState<BoardSearch>({ phase: 'loading' });
  const [known, setKnown] = useState<ReadonlyMap<number, BoardSummary>>(new Map());
  const latest = useRef(0);

  const run = useCallback(async (text: string) => {
    const ticket = ++latest.current;
    setSearch({ phase: 'loading' });
    const trimmed = text.trim();
    const result = await callResolver('listBoards', trimmed === '' ? {} : { query: trimmed });
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setSearch({ phase: 'failed', error: result.error });
      return;
    }
    setSearch({ phase: 'ready', query: trimmed, boards: result.value });
    setKnown((previous) => new Map([...previous, ...result.value.map((board) => [board.id, board] as const)]));
  }, []);

  useEffect(() => {
    // All boards (nothing typed) come at once; a search waits for the typing to pause.
    const timer = setTimeout(() => void run(query), query.trim() === '' ? 0 : BOARD_SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, run]);

  return { search, known, retry: () => void run(query) };
}
