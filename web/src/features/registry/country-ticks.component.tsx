import type { RegistryCountry } from '@contract/registry';
import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryFlag } from './country-flag';

/** Seed 003's flag ticks: untick a country to stop searching its register. */
export function CountryTicks({ available, ticked, onToggle }: { available: RegistryCountry[]; ticked: RegistryCountry[]; onToggle: (country: RegistryCountry) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} role="group" aria-label={t('registry:search.countries')}>
      {available.map((country) => (
        <Chip key={country} size="xs" checked={ticked.includes(country)} onChange={() => onToggle(country)} aria-label={t(`registry:country.${country}`)}>
          <span aria-hidden>{countryFlag(country)}</span> {country}
        </Chip>
      ))}
    </Group>
  );
}
