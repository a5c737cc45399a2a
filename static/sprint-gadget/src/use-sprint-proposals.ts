/** The sprint view's one data hook: the board's active-sprint proposals, reloadable. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { callResolver, type CallError, type ResultOf } from '../../shared/resolver-client';

export type SprintProposalsLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly proposals: ResultOf<'listSprintProposals'> };

export function useSprintProposals(boardId: number): { load: SprintProposalsLoad; reload: () => Promise<void> } {
  const [load, setLoad] = useState<SprintProposalsLoad>({ phase: 'loading' });
  const latestLoad = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latestLoad.current;
    setLoad({ phase: 'loading' });
    const result = await callResolver('listSprintProposals', { boardId });
    if (ticket !== latestLoad.current) return;
    setLoad(result.ok ? { phase: 'ready', proposals: result.value } : { phase: 'failed', error: result.error });
  }, [boardId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { load, reload };
}
