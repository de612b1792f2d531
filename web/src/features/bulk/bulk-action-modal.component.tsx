import type { BulkAction } from '@contract/bulk';
import { projectStatuses, type ProjectStatus } from '@contract/projects';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { OwnerSelect } from '@web/features/accounts/owner-select.component';
import { ListSelect } from '@web/features/lists/list-select.component';
import { TagSelect } from '@web/features/tags/tag-select.component';
import { bulkCountTexts } from './bulk-count-texts';

/** Actions that need the user to pick something first (discard only asks for confirmation). */
export type PickedActionType = Exclude<BulkAction['type'], 'discard' | 'addToCampaign'>;

type Props = {
  type: PickedActionType;
  count: number;
  /** The count is the list's estimated total (every account matching the filter), not ticked rows. */
  countIsEstimate: boolean;
  loading: boolean;
  error: unknown;
  onSubmit: (action: BulkAction) => void;
  onClose: () => void;
};

/** The value an action needs (a tag, a stage, owners, a characteristic or a project's name), then "apply to N". */
export function BulkActionModal({ type, count, countIsEstimate, loading, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [tagId, setTagId] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [key, setKey] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [projectName, setProjectName] = useState('');
  const [projectStatus, setProjectStatus] = useState<ProjectStatus>('planned');
  const texts = bulkCountTexts(t, count, countIsEstimate);

  const action = ((): BulkAction | null => {
    switch (type) {
      case 'addTag':
      case 'removeTag':
        return tagId ? { type, tagId } : null;
      case 'setStage':
        return stage ? { type, stage } : null;
      case 'addOwners':
      case 'removeOwners':
        return userIds.length > 0 ? { type, userIds } : null;
      case 'addCharacteristic':
        return key ? { type, key, note: note.trim() === '' ? undefined : note.trim() } : null;
      case 'createProject':
        return projectName.trim() ? { type, name: projectName.trim(), status: projectStatus } : null;
    }
  })();

  return (
    <Modal opened onClose={onClose} title={t(`bulk:action.${type}`)} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (action) onSubmit(action);
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{texts.appliesTo}</Text>
          {(type === 'addTag' || type === 'removeTag') && <TagSelect label={t('bulk:field.tag')} value={tagId} onChange={setTagId} />}
          {type === 'setStage' && <ListSelect listKey="account_stage" label={t('bulk:field.stage')} value={stage} onChange={setStage} />}
          {(type === 'addOwners' || type === 'removeOwners') && <OwnerSelect value={userIds} onChange={setUserIds} />}
          {type === 'addCharacteristic' && (
            <>
              <ListSelect listKey="characteristic" label={t('bulk:field.characteristic')} value={key} onChange={setKey} />
              <Textarea label={t('bulk:field.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} autosize minRows={2} />
            </>
          )}
          {type === 'createProject' && (
            <>
              <Text size="sm">{t('bulk:project.hint')}</Text>
              <TextInput label={t('bulk:project.name')} value={projectName} onChange={(event) => setProjectName(event.currentTarget.value)} maxLength={200} required data-autofocus />
              <Select
                label={t('bulk:project.status')}
                data={projectStatuses.map((status) => ({ value: status, label: t(`projects:status.${status}`) }))}
                value={projectStatus}
                onChange={(value) => setProjectStatus(projectStatuses.find((status) => status === value) ?? 'planned')}
                allowDeselect={false}
              />
            </>
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" disabled={!action} loading={loading}>
              {texts.apply}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
