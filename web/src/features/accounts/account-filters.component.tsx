import { accountFilterParams, accountKinds, accountSorts } from '@contract/accounts';
import { majorText, minorUnits } from '@contract/money';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useListItems } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { useUserOptions } from '@web/features/users/use-user-options';
import { useQuoteSettings } from '@web/features/quotes/use-quote-settings';
import { useTraitFilterFields } from './use-trait-filter-fields';

const countryPattern = /^([A-Za-z]{2})?$/;
const currencyPattern = /^[A-Za-z]{0,3}$/;
const countPattern = /^\d{0,7}$/;

/** The accounts list's filters: kind, stage and owner in the bar's line, the others behind "more filters". */
export function AccountFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const owners = useUserOptions();
  const stages = useListItems('account_stage');
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const teams = useTeams();
  const traits = useTraitFilterFields(values);
  // An amount is typed in major units of its currency (the base currency unless one is picked) and kept in minor units.
  const settings = useQuoteSettings();
  const currency = values.invoicedCurrency ?? settings.data?.baseCurrency ?? 'EUR';
  const fields: FilterField[] = [
    { key: 'kind', type: 'select', primary: true, label: t('accounts:filter.kind'), data: accountKinds.map((kind) => ({ value: kind, label: t(`accounts:kind.${kind}`) })) },
    { key: 'stage', type: 'select', primary: true, label: t('accounts:filter.stage'), data: stages.options(values.stage) },
    { key: 'ownerId', type: 'select', primary: true, label: t('accounts:filter.owner'), searchable: true, data: (owners.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })) },
    { key: 'city', type: 'text', label: t('accounts:filter.city') },
    { key: 'country', type: 'text', label: t('accounts:filter.country'), placeholder: 'ES', maxLength: 2, isAcceptable: (value) => countryPattern.test(value), normalize: (value) => value.toUpperCase() },
    { key: 'industry', type: 'select', label: t('accounts:filter.industry'), searchable: true, data: industries.options(values.industry) },
    { key: 'teamId', type: 'select', label: t('company:team.filter'), data: (teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })) },
    { key: 'source', type: 'select', label: t('accounts:filter.source'), data: sources.options(values.source) },
    { key: 'risk', type: 'select', label: t('accounts:filter.risk'), data: accountFilterParams.risk.options.map((risk) => ({ value: risk, label: t(`accounts:filter.riskValue.${risk}`) })) },
    ...traits,
    { key: 'createdFrom', type: 'date', edge: 'start', label: t('accounts:filter.createdFrom') },
    { key: 'createdTo', type: 'date', edge: 'end', label: t('accounts:filter.createdTo') },
    { key: 'openTasksAbove', type: 'text', label: t('accounts:filter.openTasksAbove'), placeholder: '0', maxLength: 7, isAcceptable: (typed) => countPattern.test(typed.trim()), normalize: (typed) => typed.trim() },
    {
      key: 'invoicedAbove', type: 'text', label: `${t('accounts:filter.invoicedAbove')} (${currency})`, placeholder: '0,00',
      isAcceptable: (typed) => typed.trim() === '' || minorUnits(typed, currency) !== null,
      normalize: (typed) => (typed.trim() === '' ? '' : String(minorUnits(typed, currency) ?? '')),
      format: (minor) => majorText(Number(minor), currency),
    },
    { key: 'invoicedCurrency', type: 'text', label: t('accounts:filter.invoicedCurrency'), placeholder: 'EUR', maxLength: 3, isAcceptable: (typed) => currencyPattern.test(typed), normalize: (typed) => typed.toUpperCase() },
    { key: 'parentId', type: 'fixed', label: t('accounts:filter.parent') },
  ];
  return (
    <FilterBar
      search={{ label: t('accounts:filter.search'), placeholder: t('accounts:filter.searchPlaceholder') }}
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{
        label: t('accounts:filter.sort'),
        value: values.sort ?? 'name',
        data: accountSorts.map((sort) => ({ value: sort, label: t(`accounts:sort.${sort}`) })),
        onChange: (sort) => onChange({ sort }),
      }}
    />
  );
}
