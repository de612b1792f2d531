import { savedViewLists, type SavedView, type ViewListKey } from '@contract/saved-views';
import { ActionIcon, Badge, Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDeviceFloppy, IconEdit, IconLayoutList, IconTrash, IconUsers, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withTexts } from '@web/app/i18n';
import { useConfirm } from '@web/components/confirm';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ToolButton } from '@web/components/tool-button.component';
import { useDeleteSavedView, useSavedViews, useUpdateSavedView } from './use-saved-views';

// Fetched when the user first saves or renames a view.
const SaveViewModal = lazy(async () => ({ default: (await withTexts(['validation', 'views'], () => import('./save-view-modal.component'))).SaveViewModal }));

export type SavedViewsMenuProps = {
  list: ViewListKey;
  activeId: string | null;
  /** The list's query as its URL spells it, and the columns shown. */
  current: { query: Readonly<Record<string, string | undefined>>; columns: readonly string[] };
  onPick: (view: SavedView | null) => void;
};

/** What a view of this list keeps of its query: the parameters its list's views accept, when set. */
function viewQuery(list: ViewListKey, query: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const keys = Object.keys(savedViewLists[list].query.shape);
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => keys.includes(entry[0]) && Boolean(entry[1])));
}

/** Picks a saved view of a list, saves the current one, and lets the owner manage theirs. */
export function SavedViewsMenu({ list, activeId, current: shown, onPick }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const views = useSavedViews(list);
  const current = { list, query: viewQuery(list, shown.query), columns: [...shown.columns] };
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const [modal, setModal] = useState<'new' | 'rename' | null>(null);
  const deleting = useConfirm<SavedView>();
  const items = views.data?.items ?? [];
  const active = items.find((view) => view.id === activeId) ?? null;

  return (
    <Group gap="xs" wrap="wrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <ToolButton icon={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />}>
            {active ? active.name : t('views:pick')}
          </ToolButton>
        </Menu.Target>
        <Menu.Dropdown>
          {items.length === 0 && <Menu.Label>{t('views:none')}</Menu.Label>}
          {items.map((view) => (
            <Menu.Item key={view.id} onClick={() => onPick(view)} rightSection={view.shared ? <IconUsers size={14} aria-label={t('views:sharedBadge')} /> : null}>
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => setModal('new')}>{t('views:saveCurrent')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {active && (
        <>
          {active.shared && <Badge variant="light" tt="none">{t('views:sharedBadge')}</Badge>}
          {active.owner && !active.abilities.update && <Text size="xs" c="dimmed">{t('views:by', { name: active.owner.name })}</Text>}
          {active.abilities.update && (
            <>
              <Button
                variant="subtle"
                size="compact-sm"
                loading={update.isPending}
                onClick={() => update.mutate({ id: active.id, version: active.version, query: current.query, columns: current.columns })}
              >
                {t('views:update')}
              </Button>
              <ActionIcon variant="subtle" aria-label={t('views:rename', { name: active.name })} onClick={() => setModal('rename')}>
                <IconEdit size={16} />
              </ActionIcon>
            </>
          )}
          {active.abilities.delete && (
            <ActionIcon variant="subtle" color="red" aria-label={t('views:delete', { name: active.name })} onClick={() => deleting.ask(active)}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
          <ActionIcon variant="subtle" color="gray" aria-label={t('views:leave')} onClick={() => onPick(null)}>
            <IconX size={16} />
          </ActionIcon>
        </>
      )}
      <ErrorAlert error={views.error ?? update.error} />
      {modal && (
        <Suspense fallback={null}>
          <SaveViewModal view={modal === 'rename' ? active : null} current={current} onSaved={(view) => modal === 'new' && onPick(view)} onClose={() => setModal(null)} />
        </Suspense>
      )}
      <ConfirmModal
        opened={deleting.subject !== null}
        onClose={() => {
          remove.reset();
          deleting.close();
        }}
        title={t('views:deleteTitle')}
        message={deleting.subject ? t('views:deleteMessage', { name: deleting.subject.name }) : ''}
        confirmLabel={t('common:action.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting.subject &&
          remove.mutate(deleting.subject.id, {
            onSuccess: () => {
              deleting.close();
              onPick(null);
            },
          })
        }
      />
    </Group>
  );
}
