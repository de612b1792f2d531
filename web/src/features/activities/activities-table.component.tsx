import type { Activity } from '@contract/activities';
import { ActionIcon, Anchor, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconDots, IconEdit, IconLock, IconMail, IconTargetArrow, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@web/components/format';
import { accountPath } from '@web/features/accounts/account-path';
import { useListLookup } from '@web/features/lists/use-lists';
import { LazyEmailDetailsModal } from '@web/features/mail/email-details-launcher.component';
import { ActivityDoneModal } from './activity-done-modal.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { ActivityStatusBadge } from './activity-status-badge.component';

const rowColors = { scheduled: 'var(--mantine-color-blue-0)', done: 'var(--mantine-color-teal-0)', cancelled: 'var(--mantine-color-gray-1)', overdue: 'var(--mantine-color-red-0)' };

export const isOverdue = (activity: Activity): boolean => activity.status === 'scheduled' && Date.parse(activity.dueAt) < Date.now();

type Props = { items: Activity[]; showAccount?: boolean; showOpportunity?: boolean; numbered?: boolean; dateField?: 'startAt' | 'remindAt' };

/** Activities as rows coloured by status (overdue ones in red), with their actions. */
export function ActivitiesTable({ items, showAccount = true, showOpportunity = true, numbered = false, dateField = 'startAt' }: Props) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const [finishing, setFinishing] = useState<{ activity: Activity; outcome: 'done' | 'cancel' } | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" aria-label={t('activities:list.title')}>
          <Table.Thead>
            <Table.Tr>
              {numbered && <Table.Th w={40}>#</Table.Th>}
              <Table.Th>{t(dateField === 'remindAt' ? 'activities:field.remindAt' : 'activities:field.startAt')}</Table.Th>
              <Table.Th>{t('activities:field.type')}</Table.Th>
              <Table.Th>{t('activities:field.subject')}</Table.Th>
              {showAccount && <Table.Th>{t('activities:field.account')}</Table.Th>}
              <Table.Th>{t('activities:field.responsible')}</Table.Th>
              <Table.Th>{t('activities:field.status')}</Table.Th>
              <Table.Th>{t('activities:field.result')}</Table.Th>
              <Table.Th w={48}>
                <VisuallyHidden>{t('activities:list.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((activity, index) => {
              const overdue = isOverdue(activity);
              return (
                <Table.Tr key={activity.id} style={{ background: rowColors[overdue ? 'overdue' : activity.status] }} data-status={overdue ? 'overdue' : activity.status}>
                  {numbered && <Table.Td>{index + 1}</Table.Td>}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(dateField === 'remindAt' ? activity.remindAt : activity.startAt)}</Table.Td>
                  <Table.Td>{lists.label('activity_type', activity.type)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {activity.private && <IconLock size={14} aria-label={t('activities:field.private')} role="img" />}
                      <Text size="sm">{activity.subject}</Text>
                      {/* On the organization's page its deals' activities say which deal they work on. */}
                      {showOpportunity && activity.opportunityId && (
                        <ActionIcon component={Link} to={`/opportunities/${activity.opportunityId}`} variant="subtle" size="sm" aria-label={t('activities:list.opportunity')}>
                          <IconTargetArrow size={14} />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                  {showAccount && (
                    <Table.Td>
                      <Anchor component={Link} to={accountPath(activity.account)} size="sm">
                        {activity.account.name}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td>{activity.responsible.name}</Table.Td>
                  <Table.Td>
                    <ActivityStatusBadge status={activity.status} overdue={overdue} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {activity.result}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('activities:list.actionsFor', { subject: activity.subject })}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {activity.type === 'email' && (
                          <Menu.Item leftSection={<IconMail size={14} />} onClick={() => setReading(activity.id)}>
                            {t('activities:action.viewEmail')}
                          </Menu.Item>
                        )}
                        {activity.status === 'scheduled' && (
                          <>
                            <Menu.Item leftSection={<IconCheck size={14} />} onClick={() => setFinishing({ activity, outcome: 'done' })}>
                              {t('activities:action.markDone')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconX size={14} />} onClick={() => setFinishing({ activity, outcome: 'cancel' })}>
                              {t('activities:action.cancelActivity')}
                            </Menu.Item>
                          </>
                        )}
                        <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setEditing(activity)}>
                          {t('activities:action.edit')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ActivityDoneModal activity={finishing?.activity ?? null} outcome={finishing?.outcome ?? 'done'} onClose={() => setFinishing(null)} />
      {reading && <LazyEmailDetailsModal activityId={reading} onClose={() => setReading(null)} />}
      {editing && <ActivityFormModal key={editing.id} opened activity={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
