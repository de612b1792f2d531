import type { TimelineEntry } from '@contract/accounts';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle, IconArrowMerge, IconArrowRight, IconBuildingBank, IconCalendarEvent, IconShieldCheck, IconCircleCheck, IconInbox, IconLink, IconPaperclip, IconPencil, IconPhoto, IconPlus, IconRestore, IconTag, IconTrash, IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@web/components/format';
import { useHistoryValues } from '@web/features/activities/use-history-values';
import { emptyValue, formatChangeValue } from './change-value';
import { useFieldValueLabel } from './use-field-value-label';

export const historyIcons: Record<string, typeof IconPencil> = {
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
  merged: IconArrowMerge,
  merged_into: IconArrowMerge,
  merge_undone: IconRestore,
  risk_changed: IconAlertTriangle,
  monitoring_changed: IconShieldCheck,
  registry_linked: IconBuildingBank,
};

// The other side of a link is shown as `related` (its name now, and a link to it) instead.
const linkNameFields = new Set(['person', 'organization', 'relatedAccount']);

/** An action as the history titles it. */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  const history = useHistoryValues();
  return (action) => history.action(action) ?? t(`accounts:history.action.${action}`, { defaultValue: action });
}

/**
 * One entry: when and who, the other account of a link, and each changed field from → to. Inside
 * an expanded batch (`inBatch`) the batch already says when, who and what wrote it.
 */
export function HistoryEntry({ entry, inBatch = false }: { entry: TimelineEntry; inBatch?: boolean }) {
  const { t } = useTranslation();
  const history = useHistoryValues();
  const valueLabel = useFieldValueLabel();
  const translate = (field: string) => (value: string) => valueLabel(field, value);
  const changes = entry.related ? entry.changes.filter((change) => !linkNameFields.has(change.field)) : entry.changes;
  return (
    <Stack gap={4}>
      {!inBatch && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.at)} · {entry.actor?.name ?? t('accounts:overview.system')}
          </Text>
          {entry.batch && (
            <Badge size="xs" variant="light" color="gray">
              {t(`accounts:history.fromBatch.${entry.batch.kind}`)}
            </Badge>
          )}
        </Group>
      )}
      {entry.related && (
        <Anchor component={Link} to={`/accounts/${entry.related.id}`} size="sm" fw={600}>
          {entry.related.name}
        </Anchor>
      )}
      {changes.map((change) => {
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
