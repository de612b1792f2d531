import type { CampaignMember } from '@contract/campaigns';
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconAlarm, IconMail, IconMapPin, IconPhoneCall } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityFormModal } from '@web/features/activities/activity-form-modal.component';
import { ActivityLogModal } from '@web/features/activities/activity-log-modal.component';
import { LazyComposeModal } from '@web/features/mail/mail-launchers.component';
import { campaignKeys } from './campaign-keys';

type Open = 'call' | 'email' | 'visit' | 'reminder' | null;

/**
 * One click from a member's row: log a call, write an e-mail, schedule a visit or set a
 * reminder. Each is an ordinary activity of the account linked to the campaign, so it shows on
 * the member's timeline, in the bell, the reminders page and the calendar.
 */
export function MemberActions({ member }: { member: CampaignMember }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  // What was logged or scheduled is the member's last or next activity now.
  const close = () => {
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: campaignKeys.members(member.campaignId) });
  };
  const actions = [
    { key: 'call', icon: IconPhoneCall },
    { key: 'email', icon: IconMail },
    { key: 'visit', icon: IconMapPin },
    { key: 'reminder', icon: IconAlarm },
  ] as const;
  return (
    <>
      <Group gap={4} wrap="nowrap">
        {actions.map(({ key, icon: Icon }) => (
          <Tooltip key={key} label={t(`campaigns:member.action.${key}`)} withinPortal>
            <ActionIcon variant="light" size="lg" aria-label={`${t(`campaigns:member.action.${key}`)} · ${member.account.name}`} onClick={() => setOpen(key)}>
              <Icon size={18} />
            </ActionIcon>
          </Tooltip>
        ))}
      </Group>
      {open === 'call' && <ActivityLogModal accountId={member.account.id} campaignId={member.campaignId} onClose={close} />}
      {open === 'email' && <LazyComposeModal target={{ accountId: member.account.id, campaignId: member.campaignId, to: member.account.email ? [member.account.email] : [] }} onClose={close} />}
      {(open === 'visit' || open === 'reminder') && (
        <ActivityFormModal
          opened
          onClose={close}
          accountId={member.account.id}
          campaignId={member.campaignId}
          initialType={open === 'visit' ? 'visit' : 'task'}
          withReminder={open === 'reminder'}
        />
      )}
    </>
  );
}
