import type { ReactNode } from 'react';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '@web/features/users/use-user-options';

type Props = {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: ReactNode;
  /** Names of current owners, shown even if they are no longer active users. */
  known?: { id: string; name: string }[];
};

export function OwnerSelect({ value, onChange, error, known = [] }: Props) {
  const { t } = useTranslation();
  const options = useUserOptions();
  const users = options.data?.items ?? [];
  const data = users
    .filter((user) => user.active || value.includes(user.id))
    .map((user) => ({ value: user.id, label: user.active ? user.name : `${user.name} (${t('accounts:owners.inactive')})` }));
  for (const owner of known) {
    if (!data.some((item) => item.value === owner.id)) data.push({ value: owner.id, label: owner.name });
  }
  return (
    <MultiSelect
      label={t('accounts:field.owners')}
      placeholder={value.length === 0 ? t('accounts:owners.placeholder') : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error}
      nothingFoundMessage={t('common:status.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
