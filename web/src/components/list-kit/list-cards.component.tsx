import { Checkbox, Group, Paper } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { LoadingMore, type Paging, type TickBoxes } from './list-table.component';
import { useFillHeight } from './use-fill-height';
import { useLoadMoreOnScroll } from './use-load-more-on-scroll';

type Props<T> = Paging & {
  items: T[];
  rowKey: (item: T) => string;
  /** One card's content; the kit adds its frame and checkbox. */
  card: (item: T) => ReactNode;
  /** Every card's height in px, frame and gap included (virtualised: they are all alike). */
  cardHeight: number;
  selection?: TickBoxes<T>;
  testId?: string;
};

/** A list at phone width: one compact card per row, virtualised like the table, nothing scrolling sideways. */
export function ListCards<T>({ items, rowKey, card, cardHeight, selection, testId, hasNextPage, isFetchingNextPage, fetchNextPage }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ref, height } = useFillHeight<HTMLDivElement>();
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => cardHeight, overscan: 6 });
  const virtualItems = virtualizer.getVirtualItems();
  useLoadMoreOnScroll({ lastVisibleIndex: virtualItems.at(-1)?.index ?? 0, loadedCount: items.length, hasNextPage, isFetchingNextPage, fetchNextPage });

  return (
    <div ref={ref}>
      <div ref={scrollRef} style={{ height, overflow: 'auto' }} data-testid={testId}>
        <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((virtualItem) => {
            const item = items[virtualItem.index];
            if (item === undefined) return null;
            const id = rowKey(item);
            return (
              <div
                key={id}
                role="listitem"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: cardHeight, transform: `translateY(${virtualItem.start}px)`, paddingBottom: 8 }}
              >
                <Paper withBorder p="sm" h="100%" style={{ overflow: 'hidden' }}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    {selection && <Checkbox mt={2} aria-label={selection.rowLabel(item)} checked={selection.rows.isSelected(id)} onChange={() => selection.rows.toggle(id)} />}
                    <div style={{ flex: 1, minWidth: 0 }}>{card(item)}</div>
                  </Group>
                </Paper>
              </div>
            );
          })}
        </div>
        {isFetchingNextPage && <LoadingMore />}
      </div>
    </div>
  );
}
