import { accountFilterParams, accountKinds, accountSorts } from '@contract/accounts';
import { Button, Collapse, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { useListItems } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { useUserOptions } from '@web/features/users/use-user-options';
import { TraitFilters } from './trait-filters.component';
import { filterKeys, type useAccountListParams } from './use-account-list-params';

type Props = ReturnType<typeof useAccountListParams> & { compact: boolean };

const countryPattern = /^([A-Za-z]{2})?$/;

export function AccountFilters({ filters, setParams, activeFilterCount, compact }: Props) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const owners = useUserOptions();
  const stages = useListItems('account_stage');
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const teams = useTeams();

  const details = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Select
        label={t('accounts:filter.kind')}
        placeholder={t('accounts:filter.any')}
        clearable
        data={accountKinds.map((kind) => ({ value: kind, label: t(`accounts:kind.${kind}`) }))}
        value={filters.kind ?? null}
        onChange={(value) => setParams({ kind: value })}
      />
      <Select
        label={t('accounts:filter.stage')}
        placeholder={t('accounts:filter.any')}
        clearable
        data={stages.options(filters.stage)}
        value={filters.stage ?? null}
        onChange={(value) => setParams({ stage: value })}
      />
      <Select
        label={t('accounts:filter.owner')}
        placeholder={t('accounts:filter.any')}
        clearable
        searchable
        data={(owners.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
        value={filters.ownerId ?? null}
        onChange={(value) => setParams({ ownerId: value })}
      />
      <Select
        label={t('accounts:filter.sort')}
        allowDeselect={false}
        data={accountSorts.map((sort) => ({ value: sort, label: t(`accounts:sort.${sort}`) }))}
        value={filters.sort}
        onChange={(value) => setParams({ sort: value })}
      />
      <DebouncedTextInput label={t('accounts:filter.city')} value={filters.city ?? ''} onCommit={(city) => setParams({ city })} />
      <DebouncedTextInput
        label={t('accounts:filter.country')}
        placeholder="ES"
        maxLength={2}
        value={filters.country ?? ''}
        isAcceptable={(value) => countryPattern.test(value)}
        onCommit={(country) => setParams({ country: country.toUpperCase() })}
      />
      <Select
        label={t('accounts:filter.industry')}
        placeholder={t('accounts:filter.any')}
        clearable
        searchable
        data={industries.options(filters.industry)}
        value={filters.industry ?? null}
        onChange={(value) => setParams({ industry: value })}
      />
      <Select
        label={t('company:team.filter')}
        placeholder={t('accounts:filter.any')}
        clearable
        data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={filters.teamId ?? null}
        onChange={(value) => setParams({ teamId: value })}
      />
      <Select
        label={t('accounts:filter.source')}
        placeholder={t('accounts:filter.any')}
        clearable
        data={sources.options(filters.source)}
        value={filters.source ?? null}
        onChange={(value) => setParams({ source: value })}
      />
      <Select
        label={t('accounts:filter.risk')}
        placeholder={t('accounts:filter.any')}
        clearable
        data={accountFilterParams.risk.options.map((risk) => ({ value: risk, label: t(`accounts:filter.riskValue.${risk}`) }))}
        value={filters.risk ?? null}
        onChange={(value) => setParams({ risk: value })}
      />
      <TraitFilters filters={filters} setParams={setParams} />
    </SimpleGrid>
  );

  const clear = () => setParams({ ...Object.fromEntries(filterKeys.map((key) => [key, null])), q: null });

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <DebouncedTextInput
          style={{ flex: 1 }}
          aria-label={t('accounts:filter.search')}
          placeholder={t('accounts:filter.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={filters.q ?? ''}
          onCommit={(q) => setParams({ q })}
        />
        {compact && (
          <Button variant="default" onClick={toggle} leftSection={<IconAdjustments size={16} />} aria-expanded={opened}>
            {activeFilterCount > 0 ? `${t('accounts:filter.title')} (${activeFilterCount})` : t('accounts:filter.title')}
          </Button>
        )}
        {(activeFilterCount > 0 || filters.q) && !compact && (
          <Button variant="subtle" onClick={clear} leftSection={<IconX size={16} />}>
            {t('accounts:filter.clear')}
          </Button>
        )}
      </Group>
      {compact ? (
        <Collapse expanded={opened}>
          <Stack gap="sm">
            {details}
            <Button variant="subtle" onClick={clear} leftSection={<IconX size={16} />}>
              {t('accounts:filter.clear')}
            </Button>
          </Stack>
        </Collapse>
      ) : (
        details
      )}
    </Stack>
  );
}
