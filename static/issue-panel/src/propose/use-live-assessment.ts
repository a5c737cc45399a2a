/**
 * The goal assessment of the change being typed, refreshed a moment after the typing stops
 * (debounced `previewProposal`). Answers for a change that has since been edited are dropped.
 */
import { useEffect, useState } from 'react';
import type { Assessment } from '../../../../src/domain/assessment';
import type { Change } from '../../../../src/domain/change';
import type { CallError, CallResult } from '../../../shared/resolver-client';

/** Long enough not to call the backend on every keystroke, short enough to feel live. */
export const PREVIEW_DEBOUNCE_MS = 400;

export type LiveAssessment =
  | { readonly phase: 'idle' }
  | { readonly phase: 'pending' }
  | { readonly phase: 'ready'; readonly assessment: Assessment | null }
  | { readonly phase: 'failed'; readonly error: CallError };

export function useLiveAssessment(
  change: Change | null,
  preview: (change: Change) => Promise<CallResult<Assessment | null>>,
  delayMs: number = PREVIEW_DEBOUNCE_MS,
): LiveAssessment {
  // The change as a value: a new object with the same content must not re-assess.
  const changeKey = change ? JSON.stringify(change) : '';
  const [live, setLive] = useState<{ readonly key: string; readonly state: LiveAssessment }>({ key: '', state: { phase: 'idle' } });

  useEffect(() => {
    if (!changeKey) return;
    let current = true;
    const timer = setTimeout(() => {
      void preview(JSON.parse(changeKey) as Change).then((result) => {
        if (current) setLive({ key: changeKey, state: result.ok ? { phase: 'ready', assessment: result.value } : { phase: 'failed', error: result.error } });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [changeKey, preview, delayMs]);

  if (!changeKey) return { phase: 'idle' };
  return live.key === changeKey ? live.state : { phase: 'pending' };
}
