import type { Duplicate } from '@contract/accounts';
import type { RegistryLookup } from '@contract/registry';
import { Stack } from '@mantine/core';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useCurrentUser } from '@web/features/auth/session';
import { emptyAccountValues } from '@web/features/accounts/account-form-values';
import { useDuplicates } from '@web/features/accounts/use-duplicates';
import { RegistryChoice } from './registry-choice.component';
import { RegistrySearch } from './registry-search.component';
import type { useRegistryChoice } from './use-registry-choice';
import { useRegistryCountries } from './use-registry-countries';

/** The search, the chosen company and its differences, above the new-company form; absent when no register is on. */
export function RegistryLookupSection({ registry }: { registry: ReturnType<typeof useRegistryChoice> }) {
  const me = useCurrentUser();
  const countries = useRegistryCountries();
  if (!countries.data || countries.data.length === 0) return null;
  return (
    <Stack gap="sm">
      <RegistrySearch userId={me.id} countries={countries.data} onChoose={registry.choose} choosing={registry.choosing} />
      <ErrorAlert error={registry.error} />
      {registry.chosen && (
        <RegistryChoice lookup={registry.chosen} differences={registry.differences} onAccept={registry.accept} onKeep={registry.keep} onUnlink={registry.unlink} />
      )}
    </Stack>
  );
}

/**
 * The existing duplicate check asked for the chosen company's number (the user may have typed
 * another tax id): accounts the user can see that already are this company.
 */
export function useRegistryDuplicates(chosen: RegistryLookup | null): Duplicate[] {
  const values = emptyAccountValues('organization');
  if (chosen) {
    values.taxId = chosen.company.number;
    values.addresses.visit.country = chosen.company.address?.country ?? chosen.company.country;
  }
  return useDuplicates(values).data ?? [];
}
