import { Anchor, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ImportProgressBar } from './import-progress-bar.component';
import { ImportStatusBadge } from './import-status-badge.component';
import { useImports } from './use-imports';

/** Every import the user may see, with live status and progress. */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const imports = useImports();
  const compact = useMediaQuery('(max-width: 48em)') ?? false;
  const items = imports.data?.items ?? [];
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('imports:list.title')}</Title>
        <Button component={Link} to="/imports/new" leftSection={<IconFileImport size={16} />}>
          {t('imports:action.new')}
        </Button>
      </Group>
      <ErrorAlert error={imports.error} />
      {imports.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">{t('imports:list.empty')}</Text>
      ) : compact ? (
        <Stack gap="sm">
          {items.map((imp) => (
            <Card key={imp.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/imports/${imp.id}`} fw={500} truncate>{imp.fileName}</Anchor>
                <ImportStatusBadge status={imp.status} />
              </Group>
              <Text size="xs" c="dimmed" mb={6}>{date(imp.createdAt)} · {t('imports:counts.short', { created: imp.created, updated: imp.updated, failed: imp.failed })}</Text>
              <ImportProgressBar imp={imp} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports:field.file')}</Table.Th>
              <Table.Th>{t('imports:field.status')}</Table.Th>
              <Table.Th w={200}>{t('imports:field.progress')}</Table.Th>
              <Table.Th>{t('imports:field.result')}</Table.Th>
              <Table.Th>{t('imports:field.author')}</Table.Th>
              <Table.Th>{t('imports:field.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((imp) => (
              <Table.Tr key={imp.id}>
                <Table.Td><Anchor component={Link} to={`/imports/${imp.id}`}>{imp.fileName}</Anchor></Table.Td>
                <Table.Td><ImportStatusBadge status={imp.status} /></Table.Td>
                <Table.Td><ImportProgressBar imp={imp} /></Table.Td>
                <Table.Td>{t('imports:counts.short', { created: imp.created, updated: imp.updated, failed: imp.failed })}</Table.Td>
                <Table.Td>{imp.createdBy?.name ?? '—'}</Table.Td>
                <Table.Td>{date(imp.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
