import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListLookup } from '@web/features/lists/use-lists';
import { LazyBulkMailModal } from '@web/features/mail/mail-launchers.component';

/** A bulk e-mail to the campaign's members the user sees, all of them or those with the statuses picked. */
export function CampaignMailModal({ campaignId, name, onClose }: { campaignId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const [statuses, setStatuses] = useState<string[]>([]);
  return (
    <LazyBulkMailModal selection={{ campaignId, ...(statuses.length > 0 ? { statuses } : {}) }} title={t('campaigns:mail.title', { name })} onClose={onClose}>
      <MultiSelect
        label={t('campaigns:mail.statuses')} placeholder={statuses.length === 0 ? t('campaigns:mail.allStatuses') : undefined}
        data={lists.options('campaign_member_status', null)} value={statuses} onChange={setStatuses} clearable comboboxProps={{ withinPortal: true }}
      />
    </LazyBulkMailModal>
  );
}
