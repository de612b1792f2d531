import type { EmailTemplate } from '@contract/emails';
import { ActionIcon, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { TemplateModal } from './template-modal.component';
import { useDeleteTemplate, useTemplates } from './use-templates';

/** E-mail templates in Spanish and English, written by admins and managers. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<EmailTemplate | 'new' | null>(null);
  const deleting = useConfirm<EmailTemplate>();
  const items = templates.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('mail:templates.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('mail:templates.new')}</Button>
      </Group>
      <ErrorAlert error={templates.error} />
      {templates.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">{t('mail:templates.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mail:templates.name')}</Table.Th>
                <Table.Th>{t('mail:templates.languages')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('mail:templates.name')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Td>{template.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {template.es && <Badge variant="light">ES</Badge>}
                      {template.en && <Badge variant="light">EN</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('mail:templates.edit', { name: template.name })} onClick={() => setEditing(template)}><IconEdit size={18} /></ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('mail:templates.delete', { name: template.name })} onClick={() => deleting.ask(template)}><IconTrash size={18} /></ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <TemplateModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmMutationModal
        confirming={deleting}
        mutation={remove}
        title={t('mail:templates.deleteTitle')}
        message={(template) => t('mail:templates.deleteMessage', { name: template.name })}
        confirmLabel={t('common:action.delete')}
        danger
      />
    </Stack>
  );
}
