import { duplicateListSchema } from '@contract/accounts';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import type { AccountFormValues } from './account-form-values';
import { accountCountry } from './use-account-form';

/** What the duplicate check is asked: only the identifying fields, trimmed, blanks left out. */
function checkQuery(values: AccountFormValues): string {
  const params = new URLSearchParams();
  const taxId = values.taxId.trim();
  if (taxId.length >= 3) params.set('taxId', taxId);
  const country = accountCountry(values);
  if (country && /^[A-Z]{2}$/.test(country)) params.set('country', country);
  for (const email of values.emails.map((value) => value.trim()).filter((value) => value.includes('@'))) params.append('email', email);
  for (const phone of values.phones.map((value) => value.trim()).filter((value) => value.replace(/\D/g, '').length >= 6)) params.append('phone', phone);
  return params.has('taxId') || params.has('email') || params.has('phone') ? params.toString() : '';
}

/** Visible accounts that share the form's tax id, e-mail or phone, asked once typing pauses (an edited account is not its own duplicate). */
export function useDuplicates(values: AccountFormValues, excludeId?: string) {
  const asked = checkQuery(values);
  const [query] = useDebouncedValue(asked && excludeId ? `${asked}&excludeId=${encodeURIComponent(excludeId)}` : asked, 400);
  return useQuery({
    queryKey: ['accounts', 'duplicates', query],
    queryFn: ({ signal }) => apiJson(duplicateListSchema, `/accounts/duplicates?${query}`, { signal }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
    select: (data) => (query === '' ? [] : data.items),
    staleTime: 10_000,
  });
}
