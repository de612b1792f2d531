import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';
import { PagedList } from '@web/components/paged-list.component';
import { InvoiceFormModal } from './invoice-form-modal.component';
import { InvoicesCards, InvoicesTable } from './invoices-table.component';
import { useInvoices } from './use-invoices';

/** The organization page's invoices tab: its invoices, latest issued first, and a button to add one. */
export function OrganizationInvoices({ organizationId, canCreate }: { organizationId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const compact = useCompact();
  const list = useInvoices({ organizationId, sort: '-issueDate', limit: 20 });
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };
  return (
    <Stack gap="sm" data-testid="organization-invoices">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('invoices:action.new')}</Button>
        </Group>
      )}
      <PagedList query={list} empty={t('invoices:section.empty')}>
        {(items) => (compact ? <InvoicesCards items={items} {...paging} /> : <InvoicesTable items={items} visible={['status', 'issueDate', 'dueDate', 'total', 'paid']} {...paging} />)}
      </PagedList>
      {creating && <InvoiceFormModal organizationId={organizationId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
