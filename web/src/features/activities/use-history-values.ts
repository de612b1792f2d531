import type { ListKey } from '@contract/lists';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '@web/components/format';
import { useListLookup } from '@web/features/lists/use-lists';
import { useUserOptions } from '@web/features/users/use-user-options';

const listFields: Record<string, ListKey> = {
  'activity.type': 'activity_type',
  'request.interest': 'request_interest',
  'request.group': 'request_group',
  'request.channel': 'request_channel',
  'request.source': 'source',
  'request.status': 'request_status',
};
const instantFields = new Set(['startAt', 'endAt', 'dueAt', 'remindAt', 'requestedAt']);

const isMoney = (value: unknown): value is { amount: number; currency: string } =>
  typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value && typeof value.amount === 'number' && typeof value.currency === 'string';

/**
 * History values of activities, requests, projects and agreements as people read them: list labels, users by name,
 * dates in the user's format, yes/no. Other entities' values pass through unchanged.
 */
export function useHistoryValues(): { value: (entity: string, field: string, value: unknown) => unknown; field: (entity: string, field: string) => string | null; action: (action: string) => string | null } {
  const { t, i18n } = useTranslation();
  const lists = useListLookup();
  const users = useUserOptions();
  const userName = (id: string) => users.data?.items.find((user) => user.id === id)?.name ?? id;
  return {
    value: (entity, field, value) => {
      if (entity === 'project') {
        if (field === 'status' && typeof value === 'string') return t(`accounts:history.projectStatus.${value}`, { defaultValue: value });
        if (field === 'responsibleIds' && Array.isArray(value)) return value.map((id) => (typeof id === 'string' ? userName(id) : '')).join(', ');
        if (field === 'budget' && isMoney(value)) return formatMoney(value.amount, value.currency);
        return value;
      }
      if (entity === 'agreement') {
        if (field === 'status' && typeof value === 'string') return t(`accounts:history.agreementStatus.${value}`, { defaultValue: value });
        if (field === 'ownerId' && typeof value === 'string') return userName(value);
        if (field === 'type' && typeof value === 'string') return lists.label('agreement_type', value);
        if (field === 'value' && isMoney(value)) return formatMoney(value.amount, value.currency);
        return value;
      }
      if (entity !== 'activity' && entity !== 'request') return value;
      if (value === null || value === undefined) return value;
      const list = listFields[`${entity}.${field}`];
      if (list && typeof value === 'string') return lists.label(list, value);
      if (typeof value === 'boolean') return t(value ? 'common:yes' : 'activities:history.no');
      if (field === 'responsibleId' && typeof value === 'string') return userName(value);
      if (field === 'status' && typeof value === 'string') return t(`activities:status.${value}`, { defaultValue: value });
      if (instantFields.has(field) && typeof value === 'string') return formatDateTime(value);
      return value;
    },
    field: (entity, field) => (entity === 'activity' || entity === 'request' ? t(`activities:history.field.${field}`, { defaultValue: field }) : null),
    action: (action) => (i18n.exists(`activities:history.action.${action}`) ? t(`activities:history.action.${action}`) : null),
  };
}
