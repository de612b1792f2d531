import type { EmailTemplate } from '@contract/emails';
import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { EditDeleteActions } from '@web/components/list-kit/row-actions.component';
import { TemplateModal } from './template-modal.component';
import { useDeleteTemplate, useTemplates } from './use-templates';

/** E-mail templates in Spanish and English, written by admins and managers. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<EmailTemplate | 'new' | null>(null);
  const deleting = useConfirm<EmailTemplate>();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('mail:templates.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('mail:templates.new')}</Button>
      </Group>
      <AdminTable
        items={templates.data?.items}
        error={templates.error}
        pending={templates.isPending}
        empty={t('mail:templates.empty')}
        framed
        columns={[
          { key: 'name', header: t('mail:templates.name'), cell: (template) => template.name },
          {
            key: 'languages',
            header: t('mail:templates.languages'),
            cell: (template) => (
              <Group gap={4}>
                {template.es && <Badge variant="light">ES</Badge>}
                {template.en && <Badge variant="light">EN</Badge>}
              </Group>
            ),
          },
        ]}
        rowKey={(template) => template.id}
        label={t('mail:templates.title')}
        actionsLabel={t('mail:templates.name')}
        actions={(template) => (
          <EditDeleteActions
            edit={{ label: t('mail:templates.edit', { name: template.name }), onClick: () => setEditing(template) }}
            remove={{ label: t('mail:templates.delete', { name: template.name }), onClick: () => deleting.ask(template) }}
          />
        )}
      />
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
