/**
 * The sprint view's one data hook: the whole state for a board in one resolver call, every action
 * the view offers, and a refresh after each action that changed something.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SprintViewState } from '@goalkeeper/contract';
import type { DecideRequest } from '../../shared/components/DecisionForm';
import { callResolver, type CallError, type CallResult, type PayloadOf, type ResultOf } from '../../shared/resolver-client';

export type SprintViewLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly state: SprintViewState; readonly refreshing: boolean; readonly refreshError: CallError | null };

/** What the view's components may ask of the backend; each answer is a typed result. */
export interface SprintViewActions {
  decide(request: DecideRequest): Promise<CallResult<ResultOf<'decideProposal'>>>;
  reviewBypassed(request: PayloadOf<'reviewBypassedChange'>): Promise<CallResult<ResultOf<'reviewBypassedChange'>>>;
  /** Undo a change made in Jira: it becomes a proposal (approved at once where the Product Owner may decide it). */
  revertBypassed(request: PayloadOf<'revertBypassedChange'>): Promise<CallResult<ResultOf<'revertBypassedChange'>>>;
  recordOutcome(request: PayloadOf<'recordSprintOutcome'>): Promise<CallResult<ResultOf<'recordSprintOutcome'>>>;
  exportCsv(): Promise<CallResult<ResultOf<'exportSprintCsv'>>>;
  setCapacity(request: PayloadOf<'setSprintCapacity'>): Promise<CallResult<ResultOf<'setSprintCapacity'>>>;
}

export type SprintViewAnswer = Promise<CallResult<ResultOf<'getSprintViewState'>>>;

/** The view's whole state; boot-app.tsx asks for it as soon as the Forge context names the board. */
export function loadSprintView(boardId: number, goalLabel = ''): SprintViewAnswer {
  return callResolver('getSprintViewState', goalLabel ? { boardId, goalLabels: [goalLabel] } : { boardId });
}

/** `firstAnswer`: the state already asked for at boot (SprintGadgetApp's `prefetch`), used instead of a first call. */
export function useSprintView(
  boardId: number,
  goalLabel = '',
  firstAnswer?: SprintViewAnswer,
): { load: SprintViewLoad; reload: () => Promise<void>; actions: SprintViewActions } {
  const [load, setLoad] = useState<SprintViewLoad>({ phase: 'loading' });
  // Only the newest load may land: an older answer arriving late must not overwrite it.
  const latestLoad = useRef(0);

  const land = useCallback(async (answer: SprintViewAnswer) => {
    const ticket = ++latestLoad.current;
    setLoad((previous) => (previous.phase === 'ready' ? { ...previous, refreshing: true } : { phase: 'loading' }));
    const result = await answer;
    if (ticket !== latestLoad.current) return;
    setLoad((previous) => {
      if (result.ok) return { phase: 'ready', state: result.value, refreshing: false, refreshError: null };
      // A failed refresh keeps what is on screen (and whatever is being typed) and says why.
      return previous.phase === 'ready'
        ? { ...previous, refreshing: false, refreshError: result.error }
        : { phase: 'failed', error: result.error };
    });
  }, []);
  const reload = useCallback(() => land(loadSprintView(boardId, goalLabel)), [land, boardId, goalLabel]);

  // The answer asked for at boot is for the board and label the view opened with; any other is asked for here.
  const firstAnswerFor = useRef(firstAnswer ? `${boardId}/${goalLabel}` : null);
  useEffect(() => {
    void land(firstAnswer && firstAnswerFor.current === `${boardId}/${goalLabel}` ? firstAnswer : loadSprintView(boardId, goalLabel));
  }, [land, boardId, goalLabel, firstAnswer]);

  const actions = useMemo((): SprintViewActions => {
    async function thenReload<T>(call: Promise<CallResult<T>>): Promise<CallResult<T>> {
      const result = await call;
      if (result.ok) await reload();
      return result;
    }
    return {
      decide: (request) => thenReload(callResolver('decideProposal', request)),
      reviewBypassed: (request) => thenReload(callResolver('reviewBypassedChange', request)),
      revertBypassed: (request) => thenReload(callResolver('revertBypassedChange', request)),
      recordOutcome: (request) => thenReload(callResolver('recordSprintOutcome', request)),
      exportCsv: () => callResolver('exportSprintCsv', { boardId }),
      setCapacity: (request) => thenReload(callResolver('setSprintCapacity', request)),
    };
  }, [boardId, reload]);

  return { load, reload, actions };
}
