/**
 * The floor the UI benchmark compares the issue panel with: a bare React 19 page, built with the
 * apps' own Vite configuration, that asks the Forge host for its context and calls the same
 * resolver (`getIssuePanelState`) through the same `@forge/bridge`, then shows one field of the
 * answer. No design, no i18n, no error handling: only what any Custom UI page must do.
 */
import { invoke, view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useFirstDataMark } from '../../static/shared/first-data-mark';

function BarePanel() {
  const [summary, setSummary] = useState<string | null>(null);
  useEffect(() => {
    void view
      .getContext()
      .then((context) => invoke('getIssuePanelState', { issueKey: context.extension.issue.key }))
      // Goalkeeper's resolvers answer `{ data }` (src/resolvers/resolver-boundary.ts).
      .then((answer) => setSummary((answer as { data: { issue: { summary: string } } }).data.issue.summary));
  }, []);
  useFirstDataMark(summary !== null);
  return summary === null ? <p>Loading</p> : <h1>{summary}</h1>;
}

createRoot(document.getElementById('root')!).render(<BarePanel />);
