/**
 * The goal assessment of the change being typed, refreshed a moment after the typing stops
 * (debounced `previewProposal`) — and only when a field that can change the assessment changed
 * (assessment-key.ts): typing a tweak's note or a split part's summary asks nothing. Answers for
 * a change whose assessment key has since changed are dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { Change, CounterChange, PreviewedChange } from '@goalkeeper/contract';
import type { CallError, CallResult } from '../../../shared/resolver-client';
import { assessmentKeyOf } from './assessment-key';

/** Long enough not to call the backend on every keystroke, short enough to feel live. */
export const PREVIEW_DEBOUNCE_MS = 400;

export type LiveAssessment =
  | { readonly phase: 'idle' }
  | { readonly phase: 'pending' }
  | { readonly phase: 'ready'; readonly assessment: PreviewedChange | null }
  | { readonly phase: 'failed'; readonly error: CallError };

export function useLiveAssessment(
  change: Change | null,
  preview: (change: Change, counterChange?: CounterChange | null) => Promise<CallResult<PreviewedChange | null>>,
  delayMs: number = PREVIEW_DEBOUNCE_MS,
  /** Work picked to make room: the change and it are assessed as one. */
  counterChange: CounterChange | null = null,
): LiveAssessment {
  // The change as a value: a new object with the same content must not re-assess.
  const assessmentKey = change ? assessmentKeyOf(change) + (counterChange ? JSON.stringify(counterChange) : '') : '';
  // The preview sends the change as it is when the timer fires, summaries and note included.
  const latestChange = useRef(change);
  useEffect(() => {
    latestChange.current = change;
  });
  const [live, setLive] = useState<{ readonly key: string; readonly state: LiveAssessment }>({ key: '', state: { phase: 'idle' } });

  useEffect(() => {
    if (!assessmentKey) return;
    let current = true;
    const timer = setTimeout(() => {
      const sent = latestChange.current;
      if (!sent) return;
      void (counterChange ? preview(sent, counterChange) : preview(sent)).then((result) => {
        if (current)
          setLive({
            key: assessmentKey,
            state: result.ok ? { phase: 'ready', assessment: result.value } : { phase: 'failed', error: result.error },
          });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [assessmentKey, preview, delayMs]);

  if (!assessmentKey) return { phase: 'idle' };
  return live.key === assessmentKey ? live.state : { phase: 'pending' };
}
