import { taxRateSchema, taxRatesSchema, type TaxRate, type TaxRateCreate, type TaxRateUpdate } from '@contract/products';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { catalogKeys } from './catalog-keys';

export function useTaxRates(includeInactive = false) {
  return useQuery({
    queryKey: catalogKeys.taxRates(includeInactive),
    queryFn: ({ signal }) => apiJson(taxRatesSchema, '/tax-rates', { query: { includeInactive: includeInactive ? 'true' : undefined }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** A rate's name in the user's language, with its percentage when the name does not already say it ("IGV 18%", "Reducido (10 %)"). */
export function useTaxRateLabel() {
  const { i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'es';
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (rate: Pick<TaxRate, 'labels' | 'rate'>) => {
    const name = rate.labels[language];
    const figure = percent.format(rate.rate);
    return name.includes(figure) ? name : `${name} (${figure} %)`;
  };
}

/** Options of a tax-rate select by percentage, the current one kept even when no active rate has it. */
export function useTaxRateOptions(current: number | null) {
  const rates = useTaxRates();
  const label = useTaxRateLabel();
  const items = rates.data?.items ?? [];
  const options = items.map((rate) => ({ value: String(rate.rate), label: label(rate) }));
  const seen = new Set(options.map((option) => option.value));
  const unique = options.filter((option, index) => options.findIndex((other) => other.value === option.value) === index);
  return current !== null && !seen.has(String(current)) ? [...unique, { value: String(current), label: `${current} %` }] : unique;
}

export function useSaveTaxRate(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TaxRateCreate | TaxRateUpdate) =>
      id ? apiJson(taxRateSchema, `/tax-rates/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }) : apiJson(taxRateSchema, '/tax-rates', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.allTaxRates }),
  });
}
