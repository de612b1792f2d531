import type { BulkAction } from '@contract/bulk';
import { Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useCampaigns } from './use-campaigns';

type Props = { appliesTo: string; loading: boolean; error: unknown; onSubmit: (action: BulkAction) => void; onClose: () => void };

/** The accounts list's "add to campaign" bulk action: the ticked rows or everything matching the filter. */
export function AddToCampaignModal({ appliesTo, loading, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  // Campaigns still to run or running, most recent first: the ones worth adding people to.
  const campaigns = useCampaigns({ limit: 200 });
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const options = (campaigns.data?.pages ?? []).flatMap((page) => page.items)
    .filter((campaign) => campaign.abilities.manageMembers && (campaign.status === 'planned' || campaign.status === 'active'))
    .map((campaign) => ({ value: campaign.id, label: campaign.name }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (campaignId) onSubmit({ type: 'addToCampaign', campaignId, ...(status ? { status } : {}) });
  };
  return (
    <Modal opened onClose={onClose} title={t('bulk:action.addToCampaign')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{appliesTo}</Text>
          <Select label={t('campaigns:bulk.campaign')} data={options} value={campaignId} onChange={setCampaignId} searchable required nothingFoundMessage={t('campaigns:bulk.none')} comboboxProps={{ withinPortal: true }} />
          <ListSelect listKey="campaign_member_status" label={t('campaigns:add.status')} placeholder={t('campaigns:add.statusDefault')} value={status} onChange={setStatus} />
          <FormActions error={error} pending={loading} submitLabel={t('campaigns:add.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
