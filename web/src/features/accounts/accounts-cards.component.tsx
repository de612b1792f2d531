import type { AccountListItem, OverviewCounter } from '@contract/accounts';
import { Anchor, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RowSelection } from '@web/features/bulk/use-bulk-selection';
import { useListItems } from '@web/features/lists/use-lists';
import { AccountAvatar } from './account-avatar.component';
import { ownerNames } from './owner-names';
import { StageBadge } from './stage-badge.component';
import { useFillHeight } from './use-fill-height';
import { useLoadMoreOnScroll } from './use-load-more-on-scroll';

type Props = {
  items: AccountListItem[];
  counters?: OverviewCounter[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** A checkbox per card for bulk actions; none when absent. */
  selection?: RowSelection;
};

const cardHeight = 104;

/** The accounts list at phone width: one compact card per account, still virtualised. */
export function AccountsCards({ items, counters = [], hasNextPage, isFetchingNextPage, fetchNextPage, selection }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const industries = useListItems('industry');
  const { ref, height } = useFillHeight<HTMLDivElement>();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight,
    overscan: 6,
  });
  const virtualItems = virtualizer.getVirtualItems();
  useLoadMoreOnScroll({ lastVisibleIndex: virtualItems.at(-1)?.index ?? 0, loadedCount: items.length, hasNextPage, isFetchingNextPage, fetchNextPage });

  return (
    <div ref={ref}>
      <div ref={scrollRef} style={{ height, overflow: 'auto' }} data-testid="accounts-cards">
        <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((virtualItem) => {
            const item = items[virtualItem.index];
            if (!item) return null;
            const place = [item.city, item.country].filter(Boolean).join(', ');
            return (
              <div
                key={item.id}
                role="listitem"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: cardHeight, transform: `translateY(${virtualItem.start}px)`, paddingBottom: 8 }}
              >
                <Paper withBorder p="sm" h="100%">
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                        {selection && (
                          <Checkbox aria-label={t('bulk:select.row', { name: item.name })} checked={selection.isSelected(item.id)} onChange={() => selection.toggle(item.id)} />
                        )}
                        <AccountAvatar account={item} />
                        <Anchor component={Link} to={`/accounts/${item.id}`} fw={600} truncate>
                          {item.name}
                        </Anchor>
                      </Group>
                      <StageBadge stage={item.stage} />
                    </Group>
                    <Text size="sm" truncate>{[item.email, item.phone].filter(Boolean).join(' · ') || '—'}</Text>
                    <Text size="xs" c="dimmed" truncate>
                      {[
                        place,
                        industries.label(item.industry),
                        ownerNames(item.owners),
                        ...counters.map((key) => `${t(`company:counters.${key}`)}: ${item.overview[key] ?? 0}`),
                      ].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                </Paper>
              </div>
            );
          })}
        </div>
        {isFetchingNextPage && (
          <Text ta="center" size="sm" c="dimmed" py="xs">
            {t('common:status.loadingMore')}
          </Text>
        )}
      </div>
    </div>
  );
}
