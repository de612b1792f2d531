import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountFormValues } from './account-form-values';

type Props = {
  form: UseFormReturnType<AccountFormValues>;
  field: 'emails' | 'phones';
  max?: number;
};

/** A list of e-mails or phones: one input per row, add and remove rows. */
export function ListField({ form, field, max = 10 }: Props) {
  const { t } = useTranslation();
  const rows = form.values[field];
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t(`accounts:field.${field}`)}
      </Text>
      {rows.map((_value, index) => (
        <Group key={form.key(`${field}.${index}`)} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            style={{ flex: 1 }}
            type={field === 'emails' ? 'email' : 'tel'}
            aria-label={`${t(`accounts:field.${field}Item`)} ${index + 1}`}
            {...form.getInputProps(`${field}.${index}`)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t(`accounts:action.remove.${field}`)}
            onClick={() => form.removeListItem(field, index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {rows.length < max && (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem(field, '')}
          style={{ alignSelf: 'flex-start' }}
        >
          {t(`accounts:action.add.${field}`)}
        </Button>
      )}
    </Stack>
  );
}
