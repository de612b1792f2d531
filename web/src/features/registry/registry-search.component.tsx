import type { RegistryCountryInfo, RegistrySuggestion } from '@contract/registry';
import { Group, Loader, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryFlag } from './country-flag';
import { CountryTicks } from './country-ticks.component';
import { RegistryStatusBadge } from './registry-status-badge.component';
import { useCountryTicks } from './use-country-ticks';
import { useRegistrySearch } from './use-registry-search';

type Props = {
  userId: string;
  countries: RegistryCountryInfo[];
  onChoose: (suggestion: RegistrySuggestion) => void;
  /** The suggestion being looked up (its line shows a loader). */
  choosing: RegistrySuggestion | null;
};

function SuggestionLine({ suggestion, onChoose, loading }: { suggestion: RegistrySuggestion; onChoose: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={onChoose}
      p="xs"
      aria-label={t('registry:search.choose', { name: suggestion.name, number: suggestion.number })}
      style={{ borderRadius: 'var(--mantine-radius-sm)', border: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            <span aria-hidden>{countryFlag(suggestion.country)}</span> {suggestion.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[`${suggestion.country} ${suggestion.number}`, suggestion.city, suggestion.legalForm].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {loading ? <Loader size="xs" /> : <RegistryStatusBadge status={suggestion.status} text={suggestion.statusText} />}
      </Group>
    </UnstyledButton>
  );
}

/**
 * Seed 003's search at the top of the new-company form: type a name (or an organisation number)
 * and the ticked countries' registers answer; a slow or unavailable one is skipped with a quiet note.
 */
export function RegistrySearch({ userId, countries, onChoose, choosing }: Props) {
  const { t } = useTranslation();
  const available = countries.map((info) => info.country);
  const { ticked, toggle } = useCountryTicks(userId, available);
  const [text, setText] = useState('');
  // After a choice the list folds away until the user types again.
  const [chosenText, setChosenText] = useState<string | null>(null);
  const search = useRegistrySearch(text, ticked);
  const numberOnly = ticked.length > 0 && countries.filter((info) => ticked.includes(info.country)).every((info) => !info.searchByName);
  const open = search.enabled && chosenText !== text;
  const items = open ? (search.data?.items ?? []) : [];
  const skipped = open && search.settled ? (search.data?.skipped ?? []) : [];

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={4}>{t('registry:search.title')}</Title>
          <CountryTicks available={available} ticked={ticked} onToggle={toggle} />
        </Group>
        <TextInput
          label={t('registry:search.label')}
          description={numberOnly ? t('registry:search.numberOnly') : t('registry:search.hint')}
          placeholder={numberOnly ? t('registry:search.numberPlaceholder') : t('registry:search.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          disabled={ticked.length === 0}
          autoComplete="off"
        />
        {ticked.length === 0 && <Text size="xs" c="dimmed">{t('registry:search.noneTicked')}</Text>}
        {items.length > 0 && (
          <Stack gap={6} role="list" aria-label={t('registry:search.results')}>
            {items.map((suggestion) => (
              <SuggestionLine
                key={`${suggestion.country}-${suggestion.number}`}
                suggestion={suggestion}
                loading={choosing?.country === suggestion.country && choosing.number === suggestion.number}
                onChoose={() => {
                  setChosenText(text);
                  onChoose(suggestion);
                }}
              />
            ))}
          </Stack>
        )}
        {open && search.settled && !search.isFetching && search.data && items.length === 0 && skipped.length < ticked.length && (
          <Text size="sm" c="dimmed">{t('registry:search.nothing')}</Text>
        )}
        {skipped.map((skip) => (
          <Text key={skip.country} size="xs" c="dimmed" data-testid={`registry-skipped-${skip.country}`}>
            {t(`registry:skipped.${skip.reason}`, { country: t(`registry:country.${skip.country}`) })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
