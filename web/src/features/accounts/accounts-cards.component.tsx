import type { AccountListItem, OverviewCounter } from '@contract/accounts';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import type { Paging, TickBoxes } from '@web/components/list-kit/list-table.component';
import { useListItems } from '@web/features/lists/use-lists';
import { AccountAvatar } from './account-avatar.component';
import { counterText } from './counter-value';
import { ownerNames } from './owner-names';
import { StageBadge } from './stage-badge.component';

type Props = Paging & {
  items: AccountListItem[];
  counters?: OverviewCounter[];
  selection?: TickBoxes<AccountListItem>;
};

/** The accounts list at phone width: one compact card per account, still virtualised. */
export function AccountsCards({ items, counters = [], selection, ...paging }: Props) {
  const { t } = useTranslation();
  const industries = useListItems('industry');
  return (
    <ListCards
      items={items}
      rowKey={(item) => item.id}
      cardHeight={104}
      selection={selection}
      testId="accounts-cards"
      {...paging}
      card={(item) => (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <AccountAvatar account={item} />
              <Anchor component={Link} to={`/accounts/${item.id}`} fw={600} truncate>
                {item.name}
              </Anchor>
            </Group>
            <div style={{ flexShrink: 0 }}>
              <StageBadge stage={item.stage} />
            </div>
          </Group>
          <Text size="sm" truncate>{[item.email, item.phone].filter(Boolean).join(' · ') || '—'}</Text>
          <Text size="xs" c="dimmed" truncate>
            {[
              [item.city, item.country].filter(Boolean).join(', '),
              industries.label(item.industry),
              ownerNames(item.owners),
              ...counters.map((key) => `${t(`company:counters.${key}`)}: ${counterText(item.overview[key])}`),
            ].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      )}
    />
  );
}
