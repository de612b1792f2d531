import type { Import } from '@contract/imports';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<Import['status'], string> = {
  draft: 'gray', queued: 'blue', running: 'blue', done: 'teal', failed: 'red', undoing: 'orange', undone: 'gray',
};

export function ImportStatusBadge({ status }: { status: Import['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" data-testid="import-status">
      {t(`imports:status.${status}`)}
    </Badge>
  );
}
