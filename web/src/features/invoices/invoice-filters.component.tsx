import { invoiceSorts, invoiceStatuses } from '@contract/invoices';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';

/** The invoices list's filters: status and currency in the bar's line; an organization, an owner or a team only from a link (its page, the dashboard). */
export function InvoiceFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const fields: FilterField[] = [
    { key: 'status', type: 'select', primary: true, label: t('invoices:field.status'), data: invoiceStatuses.map((status) => ({ value: status, label: t(`invoices:status.${status}`) })) },
    { key: 'currency', type: 'select', primary: true, label: t('invoices:field.currency'), data: ['EUR', 'USD', 'PEN', 'GBP', 'NOK', 'SEK', 'DKK'].map((code) => ({ value: code, label: code })) },
    { key: 'issuedFrom', type: 'date', edge: 'start', asDay: true, label: t('invoices:filter.issuedFrom') },
    { key: 'issuedTo', type: 'date', edge: 'end', asDay: true, label: t('invoices:filter.issuedTo') },
    { key: 'billed', type: 'check', label: t('invoices:filter.billed') },
    { key: 'organizationId', type: 'fixed', label: t('invoices:field.organization') },
    // Set by the dashboard's links: whose companies a chart counted.
    { key: 'ownerId', type: 'fixed', label: t('invoices:filter.owner') },
    { key: 'teamId', type: 'fixed', label: t('invoices:filter.team') },
  ];
  return (
    <FilterBar
      search={{ label: t('invoices:filter.search'), placeholder: t('invoices:filter.searchPlaceholder') }}
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{
        label: t('invoices:filter.sort'),
        value: values.sort ?? '-issueDate',
        data: invoiceSorts.map((sort) => ({ value: sort, label: t(`invoices:sort.${sort}`) })),
        onChange: (sort) => onChange({ sort }),
      }}
    />
  );
}
