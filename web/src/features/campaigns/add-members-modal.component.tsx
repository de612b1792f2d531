import type { AccountKind } from '@contract/accounts';
import { Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useJobProgress } from '@web/features/bulk/use-job-progress';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useSavedViews } from '@web/features/saved-views/use-saved-views';
import { TagSelect } from '@web/features/tags/tag-select.component';
import { campaignKeys } from './campaign-keys';
import { useAddMember, useAddMembers } from './use-members';

type Source = 'account' | 'tag' | 'view';
type Props = { campaignId: string; onClose: () => void };

/**
 * Adds members one by one, or every account of a tag or a saved view of the accounts list (a
 * background job, followed in a notification): only accounts the user sees; those already in
 * the campaign stay as they are. "Everything matching a filter" is the accounts list's bulk action.
 */
export function AddMembersModal({ campaignId, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source>('account');
  const [kind, setKind] = useState<AccountKind>('person');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [tagId, setTagId] = useState<string | null>(null);
  const [viewId, setViewId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const views = useSavedViews('accounts');
  const one = useAddMember(campaignId);
  const many = useAddMembers(campaignId);
  const track = useJobProgress();
  const mutation = source === 'account' ? one : many;
  const ready = source === 'account' ? accountId !== null : source === 'tag' ? tagId !== null : viewId !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const defaults = status ? { status } : {};
    if (!ready) return;
    if (source === 'account' && accountId) {
      one.mutate({ accountId, ...defaults }, { onSuccess: onClose });
      return;
    }
    const from = source === 'tag' && tagId ? { tagId } : viewId ? { viewId } : null;
    if (!from) return;
    many.mutate({ source: from, ...defaults }, {
      onSuccess: (started) => {
        onClose();
        void track(started.jobId, t('campaigns:add.progress'), started.total).then(() => queryClient.invalidateQueries({ queryKey: campaignKeys.members(campaignId) }));
      },
    });
  };

  const viewOptions = (views.data?.items ?? []).filter((view) => view.list === 'accounts').map((view) => ({ value: view.id, label: view.name }));

  return (
    <Modal opened onClose={onClose} title={t('campaigns:add.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            value={source}
            onChange={(value) => setSource(value === 'tag' || value === 'view' ? value : 'account')}
            data={[{ value: 'account', label: t('campaigns:add.account') }, { value: 'tag', label: t('campaigns:add.tag') }, { value: 'view', label: t('campaigns:add.view') }]}
            fullWidth
          />
          {source === 'account' && (
            <>
              <SegmentedControl
                value={kind}
                onChange={(value) => { setKind(value === 'organization' ? 'organization' : 'person'); setAccountId(null); }}
                data={[{ value: 'person', label: t('accounts:kind.person') }, { value: 'organization', label: t('accounts:kind.organization') }]}
              />
              <AccountPicker kind={kind} label={t('campaigns:add.account')} value={accountId} onChange={setAccountId} exclude={[]} />
            </>
          )}
          {source === 'tag' && <TagSelect label={t('campaigns:add.tag')} value={tagId} onChange={setTagId} />}
          {source === 'view' && (
            <Select label={t('campaigns:add.view')} data={viewOptions} value={viewId} onChange={setViewId} searchable nothingFoundMessage={t('campaigns:add.noViews')} comboboxProps={{ withinPortal: true }} />
          )}
          {source !== 'account' && <Text size="sm" c="dimmed">{t('campaigns:add.manyHint')}</Text>}
          <ListSelect listKey="campaign_member_status" label={t('campaigns:add.status')} placeholder={t('campaigns:add.statusDefault')} value={status} onChange={setStatus} />
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('campaigns:add.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
