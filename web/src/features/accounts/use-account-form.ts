import { accountCreateSchema, accountUpdateSchema } from '@contract/accounts';
import { useForm } from '@mantine/form';
import { validatePayload } from '@web/components/form-errors';
import { toCreatePayload, toUpdatePayload, type AccountFormValues } from './account-form-values';

/** The account form, validated with the same zod schema the server uses. */
export function useAccountForm(initialValues: AccountFormValues, version: number | null) {
  return useForm<AccountFormValues>({
    initialValues,
    validate: (values) => {
      if (version === null) {
        const { payload, renamePath } = toCreatePayload(values);
        return validatePayload(accountCreateSchema, payload, renamePath);
      }
      const { payload, renamePath } = toUpdatePayload(values, version);
      return validatePayload(accountUpdateSchema, payload, renamePath);
    },
  });
}
