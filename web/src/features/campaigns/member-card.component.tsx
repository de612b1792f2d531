import type { CampaignMember } from '@contract/campaigns';
import { convertedMemberStatus } from '@contract/campaigns';
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTargetArrow, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { notifications } from '@web/components/notifications';
import { ListSelect } from '@web/features/lists/list-select.component';
import { MemberActions } from './member-actions.component';
import { MemberEditModal } from './member-edit-modal.component';
import { useConvertMember, useRemoveMember, useUpdateMember } from './use-members';

type Props = { member: CampaignMember; manage: boolean };

/** A member's row: contact data, status, responsible, last and next activity, mail, and the one-click work. */
export function MemberCard({ member, manage }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMember(member.campaignId);
  const convert = useConvertMember(member.campaignId);
  const remove = useRemoveMember(member.campaignId);
  const [editing, setEditing] = useState(false);
  const { mail } = member;
  return (
    <Paper withBorder p="sm" data-testid="member-row">
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/accounts/${member.account.id}`} fw={600}>{member.account.name}</Anchor>
          <Group gap="sm" wrap="wrap">
            {member.account.email && <Anchor href={`mailto:${member.account.email}`} size="sm">{member.account.email}</Anchor>}
            {member.account.phone && <Anchor href={`tel:${member.account.phone}`} size="sm">{member.account.phone}</Anchor>}
          </Group>
        </Stack>
        <MemberActions member={member} />
      </Group>
      <Group gap="sm" mt="xs" wrap="wrap" align="center">
        <ListSelect
          listKey="campaign_member_status"
          size="xs"
          clearable={false}
          aria-label={t('campaigns:member.status')}
          value={member.status}
          onChange={(status) => status && update.mutate({ id: member.id, version: member.version, status })}
          style={{ width: 170 }}
        />
        {member.responsible && <Text size="xs" c="dimmed">{t('campaigns:member.responsible', { name: member.responsible.name })}</Text>}
        <Tooltip label={t('campaigns:member.edit')} withinPortal>
          <ActionIcon variant="subtle" aria-label={`${t('campaigns:member.edit')} · ${member.account.name}`} onClick={() => setEditing(true)}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
        {member.status === convertedMemberStatus && !member.opportunityId && (
          <Button size="xs" variant="light" leftSection={<IconTargetArrow size={14} />} loading={convert.isPending}
            onClick={() => convert.mutate({ id: member.id }, { onSuccess: () => notifications.show({ message: t('campaigns:member.converted'), color: 'green' }) })}>
            {t('campaigns:member.convert')}
          </Button>
        )}
        {member.opportunityId && <Anchor component={Link} to={`/opportunities/${member.opportunityId}`} size="xs">{t('campaigns:member.opportunity')}</Anchor>}
        {manage && (
          <Tooltip label={t('campaigns:member.remove')} withinPortal>
            <ActionIcon variant="subtle" color="red" aria-label={`${t('campaigns:member.remove')} · ${member.account.name}`} loading={remove.isPending} onClick={() => remove.mutate(member.id)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {member.note && <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }} data-testid="member-note">{member.note}</Text>}
      <Group gap="md" mt={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('campaigns:member.last')}: {member.lastActivity ? `${formatDateTime(member.lastActivity.at)} · ${member.lastActivity.subject}` : '—'}
        </Text>
        <Text size="xs" c="dimmed" data-testid="member-next">
          {t('campaigns:member.next')}: {member.nextActivity ? `${formatDateTime(member.nextActivity.at)} · ${member.nextActivity.subject}` : '—'}
        </Text>
        <Text size="xs" c="dimmed" data-testid="member-mail">{t('campaigns:member.mail', { sent: mail.sent, failed: mail.failed, opened: mail.opened })}</Text>
        {mail.unsubscribed && <Badge size="xs" color="red" variant="light">{t('campaigns:member.unsubscribed')}</Badge>}
      </Group>
      <ErrorAlert error={update.error ?? convert.error ?? remove.error} />
      {editing && <MemberEditModal member={member} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
