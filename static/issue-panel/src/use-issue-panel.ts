/**
 * The issue panel's one data hook: the whole initial state in one resolver call, every action
 * the panel offers, and a refresh after each action that changed something.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Change, CounterChange, IssuePanelState } from '@goalkeeper/contract';
import { callResolver, type CallError, type CallResult, type PayloadOf, type ResultOf } from '../../shared/resolver-client';

export type PanelLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly state: IssuePanelState; readonly refreshError: CallError | null };

export type CreateRequest = Omit<PayloadOf<'createProposal'>, 'issueKey'>;

/** What the panel's components may ask of the backend; each answer is a typed result. */
export interface PanelActions {
  /** With a counter-change picked from a suggestion, the pair is assessed as one. */
  preview(change: Change, counterChange?: CounterChange | null): Promise<CallResult<ResultOf<'previewProposal'>>>;
  create(request: CreateRequest): Promise<CallResult<ResultOf<'createProposal'>>>;
  decide(request: PayloadOf<'decideProposal'>): Promise<CallResult<ResultOf<'decideProposal'>>>;
  withdraw(request: PayloadOf<'withdrawProposal'>): Promise<CallResult<ResultOf<'withdrawProposal'>>>;
  retry(request: PayloadOf<'retryApply'>): Promise<CallResult<ResultOf<'retryApply'>>>;
  auditTrail(request: PayloadOf<'getAuditTrail'>): Promise<CallResult<ResultOf<'getAuditTrail'>>>;
  /** The priorities the issue allows, asked only when the re-prioritise form opens. */
  allowedPriorities(): Promise<CallResult<ResultOf<'getAllowedPriorities'>>>;
}

export type PanelStateAnswer = Promise<CallResult<ResultOf<'getIssuePanelState'>>>;

/** The panel's whole state; boot-app.tsx asks for it as soon as the Forge context names the issue. */
export function loadPanelState(issueKey: string): PanelStateAnswer {
  return callResolver('getIssuePanelState', { issueKey });
}

/** `firstAnswer`: the state already asked for at boot (IssuePanelApp's `prefetch`), used instead of a first call. */
export function useIssuePanel(
  issueKey: string,
  firstAnswer?: PanelStateAnswer,
): { load: PanelLoad; reload: () => Promise<void>; actions: PanelActions } {
  const [load, setLoad] = useState<PanelLoad>({ phase: 'loading' });
  // Only the newest load may land: an older answer arriving late must not overwrite it.
  const latestLoad = useRef(0);

  const land = useCallback(async (answer: PanelStateAnswer) => {
    const ticket = ++latestLoad.current;
    const result = await answer;
    if (ticket !== latestLoad.current) return;
    setLoad((previous) => {
      if (result.ok) return { phase: 'ready', state: result.value, refreshError: null };
      // A failed refresh keeps what is on screen (and whatever is being typed) and says why.
      return previous.phase === 'ready' ? { ...previous, refreshError: result.error } : { phase: 'failed', error: result.error };
    });
  }, []);
  const reload = useCallback(() => land(loadPanelState(issueKey)), [land, issueKey]);

  // The answer asked for at boot is for this issue only; any other issue is asked for here.
  const firstAnswerFor = useRef(firstAnswer ? issueKey : null);
  useEffect(() => {
    void land(firstAnswer && firstAnswerFor.current === issueKey ? firstAnswer : loadPanelState(issueKey));
  }, [land, issueKey, firstAnswer]);

  const actions = useMemo((): PanelActions => {
    async function thenReload<T>(call: Promise<CallResult<T>>): Promise<CallResult<T>> {
      const result = await call;
      if (result.ok) await reload();
      return result;
    }
    return {
      preview: (change, counterChange) =>
        callResolver('previewProposal', { issueKey, change, ...(counterChange ? { counterChange } : {}) }),
      create: (request) => thenReload(callResolver('createProposal', { ...request, issueKey })),
      decide: (request) => thenReload(callResolver('decideProposal', request)),
      withdraw: (request) => thenReload(callResolver('withdrawProposal', request)),
      retry: (request) => thenReload(callResolver('retryApply', request)),
      auditTrail: (request) => callResolver('getAuditTrail', request),
      allowedPriorities: () => callResolver('getAllowedPriorities', { issueKey }),
    };
  }, [issueKey, reload]);

  return { load, reload, actions };
}
