import type { AgreementTemplate } from '@contract/agreement-templates';
import { ActionIcon, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { AgreementTemplateModal } from './agreement-template-modal.component';
import { useAgreementTemplates } from './use-agreement-templates';

/** Admins keep the texts agreements are generated from, in each language. */
export function AgreementTemplatesPage() {
  const { t } = useTranslation();
  const templates = useAgreementTemplates(true);
  const [editing, setEditing] = useState<AgreementTemplate | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>{t('agreements:templates.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('agreements:templates.new')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('agreements:templates.intro')}</Text>
      <AdminTable
        items={templates.data?.items}
        error={templates.error}
        pending={templates.isPending}
        empty={t('agreements:templates.empty')}
        framed
        columns={[
          { key: 'name', header: t('agreements:templates.name'), cell: (template) => <Text size="sm" fw={500}>{template.name}</Text> },
          { key: 'language', header: t('agreements:templates.language'), cell: (template) => t(`agreements:language.${template.language}`) },
          {
            key: 'active',
            header: t('agreements:templates.active'),
            cell: (template) => <Badge variant="light" color={template.active ? 'teal' : 'gray'}>{t(template.active ? 'agreements:templates.active' : 'agreements:templates.inactive')}</Badge>,
          },
        ]}
        rowKey={(template) => template.id}
        rowStyle={(template) => ({ opacity: template.active ? 1 : 0.6 })}
        label={t('agreements:templates.title')}
        actionsLabel={t('agreements:templates.actions')}
        actions={(template) => (
          <ActionIcon variant="subtle" aria-label={t('agreements:templates.editOne', { name: template.name })} onClick={() => setEditing(template)}><IconEdit size={16} /></ActionIcon>
        )}
      />
      {editing && <AgreementTemplateModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
