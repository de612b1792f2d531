import { campaignListSchema } from '@contract/campaigns';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';

type Props = { chosen: { id: string; name: string } | null; onChange: (campaignId: string | null) => void };

/** Which campaign the members chart counts: the most recent by start, or one searched for by name. */
export function CampaignPicker({ chosen, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const campaigns = useQuery({
    queryKey: ['dashboard', 'campaigns', q],
    queryFn: ({ signal }) => apiJson(campaignListSchema, '/campaigns', { query: { sort: '-startsOn', limit: 20, ...(q && q !== chosen?.name ? { q } : {}) }, signal }),
    staleTime: 60_000,
  });
  const options = (campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }));
  if (chosen && !options.some((option) => option.value === chosen.id)) options.unshift({ value: chosen.id, label: chosen.name });
  return (
    <Select
      aria-label={t('dashboard:campaign')}
      placeholder={t('dashboard:campaign')}
      size="xs"
      searchable
      allowDeselect={false}
      data={options}
      value={chosen?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={onChange}
      comboboxProps={{ withinPortal: true }}
      nothingFoundMessage={t('dashboard:noCampaign')}
      w={{ base: '100%', xs: 220 }}
    />
  );
}
