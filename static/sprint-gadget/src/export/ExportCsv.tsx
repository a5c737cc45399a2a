/** "Export CSV": the sprint's proposals, decisions and changes as a file a spreadsheet opens. */
import { useEffect, useState } from 'react';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import type { CallError } from '../../../shared/resolver-client';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';
import { csvFile, startDownload } from './csv-download';

interface Download {
  readonly url: string;
  readonly filename: string;
}

export function ExportCsv({ exportCsv, onAnnounce }: { exportCsv: SprintViewActions['exportCsv']; onAnnounce: (message: string) => void }) {
  const { t } = useGadgetI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [download, setDownload] = useState<Download | null>(null);

  // Each export replaces the last; the old file's memory is released with its URL.
  useEffect(
    () => () => {
      if (download) URL.revokeObjectURL(download.url);
    },
    [download],
  );

  async function run() {
    setBusy(true);
    setError(null);
    const result = await exportCsv();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const file = { url: URL.createObjectURL(csvFile(result.value.csv)), filename: result.value.filename };
    setDownload(file);
    startDownload(file.url, file.filename);
    onAnnounce(t('export.done', { filename: file.filename }));
  }

  return (
    <div className="gk-export gk-stack gk-stack--tight">
      <Button busy={busy} onClick={() => void run()}>
        {t('export.button')}
      </Button>
      {download && (
        <a className="gk-small" href={download.url} download={download.filename}>
          {t('export.again', { filename: download.filename })}
        </a>
      )}
      {error && <ErrorBanner error={error} onRetry={() => void run()} />}
    </div>
  );
}
