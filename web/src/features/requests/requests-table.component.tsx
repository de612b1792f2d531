import type { Request } from '@contract/requests';
import { defaultRequestColumns } from '@contract/saved-views';
import { ActionIcon } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordsTable } from '@web/components/list-kit/records-table.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { RequestCard, requestRowStyle, useRequestColumns } from './request-columns';
import { RequestFormModal } from './request-form-modal.component';

/** A request's edit button, and the form it opens (one at a time). */
export function useRequestEditing() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Request | null>(null);
  const button = (request: Request) => (
    <ActionIcon variant="subtle" color="gray" aria-label={t('requests:action.edit')} onClick={() => setEditing(request)}>
      <IconEdit size={16} />
    </ActionIcon>
  );
  const modal = editing && <RequestFormModal key={editing.id} opened accountId={editing.account.id} request={editing} onClose={() => setEditing(null)} />;
  return { button, modal };
}

/** A lead's requests with their status colour; cards at phone width. */
export function RequestsTable({ items, showAccount = true }: { items: Request[]; showAccount?: boolean }) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const editing = useRequestEditing();
  const columns = useRequestColumns(defaultRequestColumns.filter((column) => showAccount || column !== 'lead'));
  return (
    <>
      <RecordsTable
        items={items}
        columns={columns}
        rowKey={(item) => item.id}
        label={t('requests:list.title')}
        actions={editing.button}
        actionsLabel={t('requests:list.actions')}
        card={(request) => <RequestCard request={request} showAccount={showAccount} />}
        rowStyle={requestRowStyle(lists)}
      />
      {editing.modal}
    </>
  );
}
