import { accountCreateSchema, accountUpdateSchema } from '@contract/accounts';
import { checkTaxId } from '@contract/tax-id';
import { useForm } from '@mantine/form';
import { i18next } from '@web/app/i18n';
import { validatePayload, type FormErrorMap } from '@web/components/form-errors';
import { toCreatePayload, toUpdatePayload, type AccountFormValues } from './account-form-values';

/** The country the tax id is checked against: the server's rule (visiting address, else postal). */
export function accountCountry(values: AccountFormValues): string | null {
  const { visit, postal } = values.addresses;
  const main = visit.city.trim() || visit.country.trim() ? visit : postal;
  return main.country.trim().toUpperCase() || null;
}

function taxIdError(values: AccountFormValues): FormErrorMap {
  const taxId = values.taxId.trim();
  if (!taxId || checkTaxId(taxId, accountCountry(values)).valid) return {};
  return { taxId: i18next.t('validation:taxId') };
}

/** The account form, validated with the same zod schema and tax id rules the server uses. */
export function useAccountForm(initialValues: AccountFormValues, version: number | null) {
  return useForm<AccountFormValues>({
    initialValues,
    validate: (values) => {
      if (version === null) {
        const { payload, renamePath } = toCreatePayload(values);
        return { ...taxIdError(values), ...validatePayload(accountCreateSchema, payload, renamePath) };
      }
      const { payload, renamePath } = toUpdatePayload(values, version);
      return { ...taxIdError(values), ...validatePayload(accountUpdateSchema, payload, renamePath) };
    },
  });
}
