import { opportunitySorts, type OpportunityFilters as Filters } from '@contract/opportunities';
import { defaultOpportunityColumns, opportunityColumns, type OpportunityColumn } from '@contract/saved-views';
import { Button, Group, Select, Stack, Title } from '@mantine/core';
import { IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useRowSelection } from '@web/components/list-kit/use-row-selection';
import { PagedList } from '@web/components/paged-list.component';
import { ExportMenu } from '@web/features/exports/export-menu.component';
import { SavedViewsMenu } from '@web/features/saved-views/saved-views-menu.component';
import { OpportunitiesTable } from './opportunities-table.component';
import { OpportunityBulkBar } from './opportunity-bulk-bar.component';
import { OpportunityFilters } from './opportunity-filters.component';
import { OpportunityFormModal } from './opportunity-form-modal.component';
import { queryText, useOpportunityListParams } from './use-opportunity-params';
import { useOpportunities } from './use-opportunities';

const isColumn = (value: string): value is OpportunityColumn => opportunityColumns.some((column) => column === value);

/** Every opportunity I may see, filtered and sorted from the URL, with saved views, a bulk bar and export. */
export function OpportunitiesListPage() {
  const { t } = useTranslation();
  const { query, get, set } = useOpportunityListParams();
  const [, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const columns = get('cols') ? get('cols').split(',').filter(isColumn) : defaultOpportunityColumns;
  const list = useOpportunities({ ...query, limit: 50 });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const first = list.data?.pages[0];
  const { limit: _limit, cursor: _cursor, sort: _sort, ...filters } = query;
  const filterOnly: Filters = filters;
  const selection = useRowSelection(filterOnly, useMemo(() => items.map((item) => item.id), [items]), first?.total ?? 0);
  const text = queryText(query);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Title order={2}>{t('opportunities:list.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to={`/opportunities/board${window.location.search}`} variant="default" leftSection={<IconLayoutKanban size={16} />}>
            {t('opportunities:list.board')}
          </Button>
          <ExportMenu path="/exports/opportunities" filters={text} compact help={t('opportunities:list.exportHelp')} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('opportunities:action.new')}</Button>
        </Group>
      </Group>
      <Group justify="space-between" gap="xs">
        <SavedViewsMenu
          list="opportunities"
          activeId={get('view') || null}
          current={{ query: text, columns }}
          onPick={(view) => setParams(view ? new URLSearchParams({ ...view.query, cols: view.columns.join(','), view: view.id }) : new URLSearchParams(text), { replace: true })}
        />
        <Select
          aria-label={t('opportunities:filter.sort')}
          allowDeselect={false}
          data={opportunitySorts.map((value) => ({ value, label: t(`opportunities:sort.${value}`) }))}
          value={query.sort}
          onChange={(value) => set('sort', value)}
          w={220}
        />
      </Group>
      <OpportunityFilters get={get} set={set} withStage />
      {selection.selection && (
        <OpportunityBulkBar
          count={selection.ids.size}
          total={first?.total ?? 0}
          totalIsEstimate={first?.totalIsEstimate ?? false}
          allMatching={selection.allMatching}
          ids={selection.ids}
          selection={selection.selection}
          filters={text}
          onSelectAllMatching={selection.selectAllMatching}
          onClear={selection.clear}
        />
      )}
      <PagedList query={list} empty={t('opportunities:list.empty')} total={(count, total) => t('opportunities:list.total', { count, total })}>
        {(rows) => <OpportunitiesTable items={rows} columns={columns} selection={selection.rows} />}
      </PagedList>
      {creating && <OpportunityFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
