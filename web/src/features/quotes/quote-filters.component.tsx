import { majorText, minorUnits } from '@contract/money';
import { quoteSorts, quoteStatuses } from '@contract/quotes';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useUserOptions } from '@web/features/users/use-user-options';

const currencyPattern = /^[A-Za-z]{0,3}$/;

/** The quotes list's filters: status and owner in the bar's line; dates, currency, amounts behind "more filters"; account and opportunity set by links. */
export function QuoteFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const owners = useUserOptions();
  // An amount is typed in major units of the filtered currency (two decimals when none is picked) and kept in minor units.
  const currency = values.currency ?? 'EUR';
  const amount = (key: 'totalMin' | 'totalMax'): FilterField => ({
    key, type: 'text', label: t(`quotes:filter.${key}`), placeholder: '0,00',
    isAcceptable: (typed) => typed.trim() === '' || minorUnits(typed, currency) !== null,
    normalize: (typed) => (typed.trim() === '' ? '' : String(minorUnits(typed, currency) ?? '')),
    format: (minor) => majorText(Number(minor), currency),
  });
  const fields: FilterField[] = [
    { key: 'status', type: 'select', primary: true, label: t('quotes:field.status'), data: quoteStatuses.map((status) => ({ value: status, label: t(`quotes:status.${status}`) })) },
    { key: 'ownerId', type: 'select', primary: true, searchable: true, label: t('quotes:field.owner'), data: (owners.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })) },
    { key: 'issuedFrom', type: 'date', edge: 'start', asDay: true, label: t('quotes:filter.issuedFrom') },
    { key: 'issuedTo', type: 'date', edge: 'end', asDay: true, label: t('quotes:filter.issuedTo') },
    { key: 'currency', type: 'text', label: t('quotes:field.currency'), placeholder: 'EUR', maxLength: 3, isAcceptable: (typed) => currencyPattern.test(typed), normalize: (typed) => typed.toUpperCase() },
    amount('totalMin'),
    amount('totalMax'),
    { key: 'accountId', type: 'fixed', label: t('quotes:filter.account') },
    { key: 'opportunityId', type: 'fixed', label: t('quotes:filter.opportunity') },
    { key: 'decidedFrom', type: 'date', edge: 'start', label: t('quotes:filter.decidedFrom') },
    { key: 'decidedTo', type: 'date', edge: 'end', label: t('quotes:filter.decidedTo') },
    { key: 'teamId', type: 'fixed', label: t('quotes:filter.team') },
  ];
  return (
    <FilterBar
      search={{ label: t('quotes:filter.search'), placeholder: t('quotes:filter.searchPlaceholder') }}
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{ label: t('quotes:filter.sort'), value: values.sort ?? '-issueDate', data: quoteSorts.map((sort) => ({ value: sort, label: t(`quotes:sort.${sort}`) })), onChange: (sort) => onChange({ sort }) }}
    />
  );
}
