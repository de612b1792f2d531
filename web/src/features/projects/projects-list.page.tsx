import { Button } from '@mantine/core';
import { IconFolderOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';
import { withTexts } from '@web/app/i18n';
import { ListEmpty } from '@web/components/list-kit/list-empty.component';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { ExportMenu } from '@web/features/exports/deferred-export-menu.component';
import { ProjectFormModal } from './project-form-modal.component';
import { projectFilterKeys, projectListUrl } from './project-list-url';
import { ProjectsCards, ProjectsTable } from './projects-table.component';
import { useProjects } from './use-projects';

// The filters load after the rows have shown; a placeholder of the same shape holds their place.
const ProjectFilters = deferredFilters(async () => (await withTexts(['projects', 'views'], () => import('./project-filters.component'))).ProjectFilters, { search: true, primary: 2, keys: projectFilterKeys });

/** Every project I may see, filtered and sorted from the URL, with saved views, columns and export. */
export function ProjectsListPage() {
  const { t } = useTranslation();
  const url = useListUrl(projectListUrl);
  const list = useProjects(url.text);
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const [creating, setCreating] = useState(false);
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };

  return (
    <ListFrame
      title={t('projects:list.title')}
      total={{ first: list.data?.pages[0], testId: 'projects-total', text: (count, total) => t('projects:list.total', { count, total }) }}
      actions={
        <>
          <ExportMenu path="/exports/projects" filters={url.text} compact={compact} help={t('projects:list.exportHelp')} />
          <Button leftSection={<IconPlus size={16} />} size={compact ? 'xs' : 'sm'} onClick={() => setCreating(true)}>{t('projects:action.new')}</Button>
        </>
      }
      filters={
        <ProjectFilters
          values={url.text}
          onChange={url.set}
          compact={compact}
          tools={<ViewTools list="projects" url={url} columns={projectListUrl.columns.all} label={(column) => t(`projects:column.${column}`)} compact={compact} />}
        />
      }
      error={list.error}
      pending={list.isPending}
      empty={items.length > 0 ? null : <ListEmpty ns="projects" icon={<IconFolderOff size={24} />} keys={projectFilterKeys} text={url.text} clearFilters={url.clearFilters} />}
    >
      {compact ? (
        <ProjectsCards items={items} {...paging} />
      ) : (
        <ProjectsTable items={items} visible={url.columns} sort={url.query.sort} onSort={(sort) => url.set({ sort })} {...paging} />
      )}
      {creating && <ProjectFormModal onClose={() => setCreating(false)} />}
    </ListFrame>
  );
}
