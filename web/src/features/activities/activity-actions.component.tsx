import type { Activity } from '@contract/activities';
import { ActionIcon, Menu } from '@mantine/core';
import { IconCheck, IconDots, IconEdit, IconMail, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyEmailDetailsModal } from '@web/features/mail/email-details-launcher.component';
import { ActivityDoneModal } from './activity-done-modal.component';
import { ActivityFormModal } from './activity-form-modal.component';

type Handlers = { onFinish: (outcome: 'done' | 'cancel') => void; onEdit: () => void; onRead: () => void };

/** A row's menu: read its e-mail, mark it done or cancel it while scheduled, edit it. */
function ActivityMenu({ activity, onFinish, onEdit, onRead }: { activity: Activity } & Handlers) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('activities:list.actionsFor', { subject: activity.subject })}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {activity.type === 'email' && (
          <Menu.Item leftSection={<IconMail size={14} />} onClick={onRead}>
            {t('activities:action.viewEmail')}
          </Menu.Item>
        )}
        {activity.status === 'scheduled' && (
          <>
            <Menu.Item leftSection={<IconCheck size={14} />} onClick={() => onFinish('done')}>
              {t('activities:action.markDone')}
            </Menu.Item>
            <Menu.Item leftSection={<IconX size={14} />} onClick={() => onFinish('cancel')}>
              {t('activities:action.cancelActivity')}
            </Menu.Item>
          </>
        )}
        <Menu.Item leftSection={<IconEdit size={14} />} onClick={onEdit}>
          {t('activities:action.edit')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Every activity list's row actions: `menu` for a row, `modals` once beside the rows (one dialog open at a time). */
export function useActivityActions() {
  const [finishing, setFinishing] = useState<{ activity: Activity; outcome: 'done' | 'cancel' } | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const menu = (activity: Activity) => (
    <ActivityMenu activity={activity} onFinish={(outcome) => setFinishing({ activity, outcome })} onEdit={() => setEditing(activity)} onRead={() => setReading(activity.id)} />
  );
  const modals = (
    <>
      <ActivityDoneModal activity={finishing?.activity ?? null} outcome={finishing?.outcome ?? 'done'} onClose={() => setFinishing(null)} />
      {reading && <LazyEmailDetailsModal activityId={reading} onClose={() => setReading(null)} />}
      {editing && <ActivityFormModal key={editing.id} opened activity={editing} onClose={() => setEditing(null)} />}
    </>
  );
  return { menu, modals };
}
