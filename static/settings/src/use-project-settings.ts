/** The settings page's one data hook: the project's Goalkeeper settings as the backend has them. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { callResolver, type CallError, type ResultOf } from '../../shared/resolver-client';

export type SettingsLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly page: ResultOf<'getProjectSettings'> };

export function useProjectSettings(projectKey: string): { load: SettingsLoad; reload: () => Promise<void> } {
  const [load, setLoad] = useState<SettingsLoad>({ phase: 'loading' });
  const latestLoad = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latestLoad.current;
    setLoad({ phase: 'loading' });
    const result = await callResolver('getProjectSettings', { projectKey });
    if (ticket !== latestLoad.current) return;
    setLoad(result.ok ? { phase: 'ready', page: result.value } : { phase: 'failed', error: result.error });
  }, [projectKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { load, reload };
}
