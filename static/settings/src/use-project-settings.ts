/**
 * The settings page's one data hook: the project's settings page state as the backend has it,
 * a refresh that never blanks the page (an admin's unsaved edits live below it), and saving.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditableSettings, PersonFound, SettingsPageState } from '@goalkeeper/contract';
import { callResolver, type CallError, type CallResult } from '../../shared/resolver-client';

export type SettingsLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: CallError }
  | { readonly phase: 'ready'; readonly page: SettingsPageState; readonly refreshError: CallError | null };

export interface SettingsActions {
  /** Fetches the settings again; on failure what is on screen stays, with the error beside it. */
  reload(): Promise<CallResult<SettingsPageState>>;
  /** Saves over `expectedVersion`, the version the form was based on; a newer one answers 'conflict'. */
  save(settings: EditableSettings, expectedVersion: number): Promise<CallResult<SettingsPageState>>;
  /** The user picker's search: Jira's own, asked as the person on the page. */
  searchPeople(query: string): Promise<CallResult<readonly PersonFound[]>>;
}

export function useProjectSettings(projectKey: string): { load: SettingsLoad; actions: SettingsActions } {
  const [load, setLoad] = useState<SettingsLoad>({ phase: 'loading' });
  // Only the newest answer may land: an older one arriving late must not overwrite it.
  const latest = useRef(0);

  const land = useCallback((ticket: number, result: CallResult<SettingsPageState>) => {
    if (ticket !== latest.current) return;
    setLoad((previous) => {
      if (result.ok) return { phase: 'ready', page: result.value, refreshError: null };
      return previous.phase === 'ready' ? { ...previous, refreshError: result.error } : { phase: 'failed', error: result.error };
    });
  }, []);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoad((previous) => (previous.phase === 'failed' ? { phase: 'loading' } : previous));
    const result = await callResolver('getProjectSettings', { projectKey });
    land(ticket, result);
    return result;
  }, [projectKey, land]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const actions = useMemo(
    (): SettingsActions => ({
      reload,
      async save(settings, expectedVersion) {
        const ticket = ++latest.current;
        const result = await callResolver('saveProjectSettings', { projectKey, settings, expectedVersion });
        // A failed save is the form's to explain; the page on screen is still the truth.
        if (result.ok) land(ticket, result);
        return result;
      },
      searchPeople: (query) => callResolver('searchPeople', { projectKey, query }),
    }),
    [projectKey, reload, land],
  );

  return { load, actions };
}
