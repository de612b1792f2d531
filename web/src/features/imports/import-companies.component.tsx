import type { Import } from '@contract/imports';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTotal } from '@web/components/format';
import { useImportCompanies } from './use-import-companies';

/** The result's companies: those the import created for its people, each a link to the company. */
export function ImportCompanies({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const finished = imp.status === 'done' || imp.status === 'failed';
  const companies = useImportCompanies(imp.id, finished && imp.mapping.some((target) => target === 'company' || target === 'companyTaxId'));
  const first = companies.data?.pages[0];
  const items = companies.data?.pages.flatMap((page) => page.items) ?? [];
  if (!first || items.length === 0) return null;
  return (
    <Stack gap={4} data-testid="import-companies">
      <Text size="sm" fw={600}>{t('imports:companies.title', { count: first.total, total: formatTotal(first.total, first.totalIsEstimate) })}</Text>
      <Group gap="xs">
        {items.map((company) => (
          <Anchor key={company.id} component={Link} to={`/accounts/${company.id}`} size="sm">{company.name}</Anchor>
        ))}
      </Group>
      {companies.hasNextPage && (
        <Button variant="subtle" size="compact-sm" onClick={() => void companies.fetchNextPage()} loading={companies.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
