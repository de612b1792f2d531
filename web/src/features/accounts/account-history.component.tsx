import type { TimelineEntry } from '@contract/accounts';
import { Button, Center, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowRight, IconCalendarEvent, IconCircleCheck, IconInbox, IconLink, IconPaperclip, IconPencil, IconPhoto, IconPlus, IconRestore, IconTag, IconTrash, IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { useHistoryValues } from '@web/features/activities/use-history-values';
import { useListItems } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { emptyValue, formatChangeValue } from './change-value';
import { useTimeline } from './use-timeline';

const icons: Record<string, typeof IconPencil> = {
  created: IconPlus,
  updated: IconPencil,
  discarded: IconTrash,
  restored: IconRestore,
  owners_changed: IconUsers,
  contact_added: IconLink,
  contact_updated: IconLink,
  contact_removed: IconLink,
  document_added: IconPaperclip,
  document_deleted: IconPaperclip,
  logo_changed: IconPhoto,
  activity_created: IconCalendarEvent,
  activity_updated: IconCalendarEvent,
  activity_done: IconCircleCheck,
  activity_logged: IconCircleCheck,
  activity_cancelled: IconCalendarEvent,
  request_created: IconInbox,
  request_updated: IconInbox,
  qualified: IconCircleCheck,
  unqualified: IconRestore,
  relationship_added: IconLink,
  relationship_removed: IconLink,
  tag_added: IconTag,
  tag_removed: IconTag,
};

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const history = useHistoryValues();
  const stages = useListItems('account_stage');
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const channels = useListItems('contact_channel');
  const teams = useTeams();
  const characteristics = useListItems('characteristic');
  const interestAreas = useListItems('interest_area');
  const reasons = useListItems('relationship_reason');
  // Codes (kind, list item keys) are shown as the user reads them elsewhere.
  const translate = (field: string) => (value: string) => {
    if (field === 'kind') return t(`accounts:kind.${value}`, { defaultValue: value });
    if (field === 'stage') return stages.label(value);
    if (field === 'industry') return industries.label(value);
    if (field === 'source') return sources.label(value);
    if (field === 'preferredChannel') return channels.label(value);
    if (field === 'teamId') return teams.data?.items.find((team) => team.id === value)?.name ?? value;
    if (field === 'invoiceDelivery') return t(`company:invoicing.option.${value}`, { defaultValue: value });
    if (field === 'characteristic') return characteristics.label(value);
    if (field === 'interestArea') return interestAreas.label(value);
    if (field === 'relationshipReason') return reasons.label(value);
    if (field === 'interestKind') return t(`links:interestKind.${value}`, { defaultValue: value });
    return value;
  };
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.at)} · {entry.actor?.name ?? t('accounts:overview.system')}
      </Text>
      {entry.changes.map((change) => {
        const before = formatChangeValue(history.value(entry.entity, change.field, change.before), translate(change.field));
        const after = formatChangeValue(history.value(entry.entity, change.field, change.after), translate(change.field));
        return (
          <Group key={change.field} gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {history.field(entry.entity, change.field) ?? t(`accounts:historyField.${change.field}`, { defaultValue: change.field })}:
            </Text>
            {before !== emptyValue && (
              <>
                <Text size="sm" td="line-through" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {before}
                </Text>
                <IconArrowRight size={12} aria-label={t('accounts:history.to')} role="img" />
              </>
            )}
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {after}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Who changed what and when, newest first. */
export function AccountHistory({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(accountId);
  const history = useHistoryValues();
  if (timeline.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <ErrorAlert error={timeline.error} />
      {entries.length === 0 && <Text c="dimmed">{t('accounts:history.empty')}</Text>}
      <Timeline bulletSize={26} lineWidth={2}>
        {entries.map((entry) => {
          const Icon = icons[entry.action] ?? IconPencil;
          return (
            <Timeline.Item key={entry.id} bullet={<Icon size={14} />} title={history.action(entry.action) ?? t(`accounts:history.action.${entry.action}`, { defaultValue: entry.action })}>
              <Entry entry={entry} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {timeline.hasNextPage && (
        <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
