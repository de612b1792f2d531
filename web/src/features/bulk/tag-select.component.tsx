import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTags } from '@web/features/tags/use-tags';

/** Picks one existing tag by name. */
export function TagSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const tags = useTags();
  const data = (tags.data?.pages.flatMap((page) => page.items) ?? []).map((tag) => ({ value: tag.id, label: tag.name }));
  return (
    <Select
      label={t('bulk:field.tag')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('common:status.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      data-autofocus
    />
  );
}
