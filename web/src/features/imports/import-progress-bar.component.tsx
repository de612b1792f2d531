import type { Import } from '@contract/imports';
import { Progress } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const importPercent = (imp: Import): number =>
  imp.status === 'done' || imp.status === 'undone' ? 100 : imp.rowsTotal ? Math.min(100, Math.round((imp.rowsDone / imp.rowsTotal) * 100)) : 0;

export function ImportProgressBar({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const busy = imp.status === 'queued' || imp.status === 'running' || imp.status === 'undoing';
  return (
    <Progress
      value={importPercent(imp)}
      animated={busy}
      color={imp.status === 'failed' ? 'red' : 'teal'}
      aria-label={t('imports:progress.label', { percent: importPercent(imp) })}
    />
  );
}
