import type { Notification } from '@contract/notifications';
import { overdueNoticeParamsSchema } from '@contract/invoices';
import { riskLevelSchema } from '@contract/registry';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';

/** A notification's words by its kind; a kind this web does not know yet shows as a plain notice. */
function useWording(): (notification: Notification) => { text: string; tab: string | null; href?: string | null; alarming: boolean } {
  const { t } = useTranslation();
  return (notification) => {
    if (notification.kind === 'credit.risk_changed') {
      const after = riskLevelSchema.catch('unknown').parse(notification.params.levelAfter);
      const before = riskLevelSchema.catch('unknown').parse(notification.params.levelBefore);
      return {
        text: t('notifications:kind.creditRiskChanged', { before: t(`credit:level.${before}`), after: t(`credit:level.${after}`) }),
        tab: 'credit',
        alarming: after === 'high' || after === 'medium',
      };
    }
    if (notification.kind === 'quote_accepted' || notification.kind === 'quote_declined') {
      const text = (key: string) => (typeof notification.params[key] === 'string' ? notification.params[key] : '');
      const values = { number: text('number'), name: text('name'), reason: text('reason') };
      const accepted = notification.kind === 'quote_accepted';
      return {
        text: accepted ? t('notifications:kind.quoteAccepted', values) : t('notifications:kind.quoteDeclined', values),
        tab: null, href: text('quoteId') ? `/quotes/${text('quoteId')}` : null, alarming: false,
      };
    }
    if (notification.kind === 'invoice.overdue') {
      const params = overdueNoticeParamsSchema.safeParse(notification.params);
      if (params.success) {
        const { invoiceId, number, dueDate, currency, outstanding } = params.data;
        return { text: t('notifications:kind.invoiceOverdue', { number, day: formatDay(dueDate), owed: formatMoney(outstanding, currency) }), tab: null, href: `/invoices/${invoiceId}`, alarming: true };
      }
    }
    if (notification.kind === 'agreement_signed') {
      const text = (key: string) => (typeof notification.params[key] === 'string' ? notification.params[key] : '');
      return {
        text: t('notifications:kind.agreementSigned', { title: text('title'), name: text('name') }),
        tab: null, href: text('agreementId') ? `/agreements/${text('agreementId')}` : null, alarming: false,
      };
    }
    return { text: t('notifications:kind.other'), tab: null, alarming: false };
  };
}

/** One line of the bell: the account (a link), what happened, when; unread ones stand out. */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const wording = useWording()(notification);
  const Icon = wording.alarming ? IconAlertTriangle : IconInfoCircle;
  const unread = notification.readAt === null;
  const target = wording.href ?? (notification.account ? `/accounts/${notification.account.id}${wording.tab ? `?tab=${wording.tab}` : ''}` : null);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="notification" data-unread={unread}>
      <Icon size={16} color={wording.alarming ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-6)'} style={{ flexShrink: 0, marginTop: 2 }} />
      <Stack gap={0} style={{ minWidth: 0 }}>
        {notification.account && target && (
          <Anchor component={Link} to={target} size="sm" fw={unread ? 700 : 500} onClick={onOpen} truncate>
            {notification.account.name}
          </Anchor>
        )}
        <Text size="xs" fw={unread ? 600 : 400}>{wording.text}</Text>
        <Text size="xs" c="dimmed">{formatDateTime(notification.createdAt)}</Text>
      </Stack>
    </Group>
  );
}
