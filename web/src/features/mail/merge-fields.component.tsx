import { mergeFields } from '@contract/email-merge';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The merge fields as chips: clicking one inserts it where the cursor is. `campaign.*` only for a message sent for a campaign. */
export function MergeFieldPicker({ onPick, withCampaign = false }: { onPick: (field: string) => void; withCampaign?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{t('mail:templates.fields')}</Text>
      <Text size="xs" c="dimmed">{t('mail:templates.fieldsHelp', { example: '{{contact.firstName|cliente}}' })}</Text>
      <Group gap={4}>
        {Object.entries(mergeFields).filter(([scope]) => withCampaign || scope !== 'campaign').flatMap(([scope, fields]) => fields.map((field) => (
          <Badge
            key={`${scope}.${field}`} component="button" type="button" variant="light" style={{ cursor: 'pointer', textTransform: 'none' }}
            onMouseDown={(event) => event.preventDefault()} onClick={() => onPick(`{{${scope}.${field}}}`)}
          >
            {`${scope}.${field}`}
          </Badge>
        )))}
      </Group>
    </Stack>
  );
}
