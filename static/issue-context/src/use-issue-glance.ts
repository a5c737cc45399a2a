/** The issue context panel's one read: the count of this issue's changes waiting for the Product Owner. */
import { useCallback, useEffect, useState } from 'react';
import type { IssueGlance } from '@goalkeeper/contract';
import { callResolver, type CallError } from '../../shared/resolver-client';

export type GlanceLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly glance: IssueGlance };

export function useIssueGlance(issueKey: string): { load: GlanceLoad; reload: () => void } {
  const [load, setLoad] = useState<GlanceLoad>({ phase: 'loading' });
  const reload = useCallback(() => {
    setLoad({ phase: 'loading' });
    void callResolver('getIssueGlance', { issueKey }).then((result) =>
      setLoad(result.ok ? { phase: 'ready', glance: result.value } : { phase: 'failed', error: result.error }),
    );
  }, [issueKey]);
  useEffect(reload, [reload]);
  return { load, reload };
}
