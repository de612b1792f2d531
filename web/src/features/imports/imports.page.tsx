import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { ImportProgressBar } from './import-progress-bar.component';
import { ImportStatusBadge } from './import-status-badge.component';
import { useImports } from './use-imports';

/** Every import the user may see, with live status and progress. */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const imports = useImports();
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('imports:list.title')}</Title>
        <Button component={Link} to="/imports/new" leftSection={<IconFileImport size={16} />}>
          {t('imports:action.new')}
        </Button>
      </Group>
      <AdminTable
        items={imports.data?.items}
        error={imports.error}
        pending={imports.isPending}
        empty={t('imports:list.empty')}
        columns={[
          { key: 'file', header: t('imports:field.file'), cell: (imp) => <Anchor component={Link} to={`/imports/${imp.id}`}>{imp.fileName}</Anchor> },
          { key: 'entity', header: t('imports:field.entity'), cell: (imp) => t(`imports:entity.${imp.entity}`) },
          { key: 'status', header: t('imports:field.status'), cell: (imp) => <ImportStatusBadge status={imp.status} /> },
          { key: 'progress', header: t('imports:field.progress'), cell: (imp) => <Box w={200}><ImportProgressBar imp={imp} /></Box> },
          { key: 'result', header: t('imports:field.result'), cell: (imp) => t('imports:counts.short', { created: imp.created, updated: imp.updated, failed: imp.failed }) },
          { key: 'author', header: t('imports:field.author'), cell: (imp) => imp.createdBy?.name ?? '—' },
          { key: 'createdAt', header: t('imports:field.createdAt'), cell: (imp) => date(imp.createdAt) },
        ]}
        rowKey={(imp) => imp.id}
        label={t('imports:list.title')}
        card={(imp) => (
          <>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/imports/${imp.id}`} fw={500} truncate>{imp.fileName}</Anchor>
              <ImportStatusBadge status={imp.status} />
            </Group>
            <Text size="xs" c="dimmed" mb={6}>{t(`imports:entity.${imp.entity}`)} · {date(imp.createdAt)} · {t('imports:counts.short', { created: imp.created, updated: imp.updated, failed: imp.failed })}</Text>
            <ImportProgressBar imp={imp} />
          </>
        )}
      />
    </Stack>
  );
}
