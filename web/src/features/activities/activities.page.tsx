import { activityColumns } from '@contract/saved-views';
import { Button, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar, IconCalendarEvent, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withTexts } from '@web/app/i18n';
import { EmptyState } from '@web/components/empty-state.component';
import { activeFilterCount } from '@web/components/list-kit/filter-fields';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ListTable } from '@web/components/list-kit/list-table.component';
import { useCompact } from '@web/components/list-kit/use-compact';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { useActivityActions } from './activity-actions.component';
import { ActivityCard, activityRowAttributes, activityRowStyle, useActivityColumns } from './activity-columns';
import { ActivityFormModal } from './activity-form-modal.component';
import { activityFilterKeys, activityListUrl } from './activity-list-url';
import { activityListQuery } from './use-activities';

const ActivityFilters = deferredFilters(
  async () => (await withTexts(['company', 'views'], () => import('./activity-filters.component'))).ActivityFilters,
  { search: false, primary: 3, keys: activityFilterKeys },
);

/** All the activities I may see: filters, sort, columns and saved view in the URL; cards at phone width. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const url = useListUrl(activityListUrl);
  const list = useInfiniteQuery(activityListQuery(url.text));
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const actions = useActivityActions();
  const columns = useActivityColumns({ visible: url.columns });
  const [creating, create] = useDisclosure(false);
  const filtered = activeFilterCount(activityFilterKeys, url.text) > 0;
  // Nothing yet and nothing filtered: the empty state's button replaces the header's.
  const none = !list.isPending && !list.error && items.length === 0 && !filtered;
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };

  return (
    <>
      <ListFrame
        title={t('activities:list.title')}
        total={{ first: list.data?.pages[0], testId: 'activities-total', text: (count, total) => t('activities:list.total', { count, total }) }}
        actions={
          <>
            <Button component={Link} to="/calendar" variant="default" leftSection={<IconCalendar size={16} />} size={compact ? 'xs' : 'sm'}>
              {t('activities:calendar.title')}
            </Button>
            {!none && (
              <Button leftSection={<IconPlus size={16} />} onClick={create.open} size={compact ? 'xs' : 'sm'}>
                {t('activities:action.new')}
              </Button>
            )}
          </>
        }
        filters={
          <ActivityFilters
            values={url.text}
            onChange={url.set}
            compact={compact}
            tools={<ViewTools list="activities" url={url} columns={activityColumns} label={(column) => t(`activities:field.${column}`)} compact={compact} />}
          />
        }
        error={list.error}
        pending={list.isPending}
        empty={
          items.length > 0 ? null : filtered ? (
            <EmptyState
              icon={<IconFilterOff size={24} />}
              title={t('activities:list.empty')}
              action={<Button variant="light" onClick={() => url.replace({ sort: url.text.sort }, url.columns, null)}>{t('views:filters.clear')}</Button>}
            />
          ) : (
            <EmptyState icon={<IconCalendarEvent size={24} />} title={t('activities:list.none')} message={t('activities:list.noneHint')} action={<Button variant="light" onClick={create.open}>{t('activities:action.new')}</Button>} />
          )
        }
      >
        {compact ? (
          <ListCards items={items} rowKey={(item) => item.id} cardHeight={100} testId="activities-cards" card={(activity) => <ActivityCard activity={activity} actions={actions.menu(activity)} />} {...paging} />
        ) : (
          <ListTable
            items={items}
            columns={[...columns, { key: 'actions', header: <VisuallyHidden>{t('activities:list.actions')}</VisuallyHidden>, width: 48, cell: actions.menu }]}
            rowKey={(item) => item.id}
            label={t('activities:list.title')}
            sort={url.query.sort}
            onSort={(sort) => url.set({ sort })}
            rowStyle={activityRowStyle}
            rowAttributes={activityRowAttributes}
            testId="activities-table"
            {...paging}
          />
        )}
      </ListFrame>
      {actions.modals}
      {creating && <ActivityFormModal opened onClose={create.close} />}
    </>
  );
}
