import { Button } from '@mantine/core';
import { IconFileOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withTexts } from '@web/app/i18n';
import { ListEmpty } from '@web/components/list-kit/list-empty.component';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { useCompact } from '@web/components/list-kit/use-compact';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { ExportMenu } from '@web/features/exports/deferred-export-menu.component';
import { AgreementFormModal } from './agreement-form-modal.component';
import { agreementFilterKeys, agreementListUrl } from './agreement-list-url';
import { AgreementsCards, AgreementsTable } from './agreements-table.component';
import { useAgreements } from './use-agreements';

// The filters load after the rows have shown; a placeholder of the same shape holds their place.
const AgreementFilters = deferredFilters(async () => (await withTexts(['agreements', 'views'], () => import('./agreement-filters.component'))).AgreementFilters, { search: true, primary: 2, keys: agreementFilterKeys });

/** Every agreement I may see, filtered and sorted from the URL, with saved views, columns and export. */
export function AgreementsListPage() {
  const { t } = useTranslation();
  const url = useListUrl(agreementListUrl);
  const list = useAgreements(url.text);
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const [creating, setCreating] = useState(false);
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };

  return (
    <ListFrame
      title={t('agreements:list.title')}
      total={{ first: list.data?.pages[0], testId: 'agreements-total', text: (count, total) => t('agreements:list.total', { count, total }) }}
      actions={
        <>
          <ExportMenu path="/exports/agreements" filters={url.text} compact={compact} help={t('agreements:list.exportHelp')} />
          <Button leftSection={<IconPlus size={16} />} size={compact ? 'xs' : 'sm'} onClick={() => setCreating(true)}>{t('agreements:action.new')}</Button>
        </>
      }
      filters={
        <AgreementFilters
          values={url.text}
          onChange={url.set}
          compact={compact}
          tools={<ViewTools list="agreements" url={url} columns={agreementListUrl.columns.all} label={(column) => t(`agreements:column.${column}`)} compact={compact} />}
        />
      }
      error={list.error}
      pending={list.isPending}
      empty={items.length > 0 ? null : <ListEmpty ns="agreements" icon={<IconFileOff size={24} />} keys={agreementFilterKeys} text={url.text} clearFilters={url.clearFilters} />}
    >
      {compact ? (
        <AgreementsCards items={items} {...paging} />
      ) : (
        <AgreementsTable items={items} visible={url.columns} sort={url.query.sort} onSort={(sort) => url.set({ sort })} {...paging} />
      )}
      {creating && <AgreementFormModal onClose={() => setCreating(false)} />}
    </ListFrame>
  );
}
