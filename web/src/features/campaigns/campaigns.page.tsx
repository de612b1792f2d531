import { campaignStatuses, type Campaign, type CampaignStatus } from '@contract/campaigns';
import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { formatDay } from '@web/components/format';
import { PagedList } from '@web/components/paged-list.component';
import { useCurrentUser } from '@web/features/auth/session';
import { formatPrice } from './campaign-format';
import { CampaignFormModal } from './campaign-form-modal.component';
import { CampaignStatusBadge } from './campaign-status-badge.component';
import { useCampaigns } from './use-campaigns';

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="campaign-card">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={600}>{campaign.name}</Anchor>
        <CampaignStatusBadge status={campaign.status} />
      </Group>
      <Group gap="md" mt={4} wrap="wrap">
        {campaign.product && <Text size="sm">{campaign.product}</Text>}
        {campaign.price !== null && <Text size="sm" fw={500}>{formatPrice(campaign.price, campaign.currency)}</Text>}
        <Text size="sm" c="dimmed">{t('campaigns:list.period', { from: formatDay(campaign.startsOn), to: formatDay(campaign.endsOn) })}</Text>
        {campaign.responsibles.length > 0 && <Text size="sm" c="dimmed">{campaign.responsibles.map((user) => user.name).join(', ')}</Text>}
      </Group>
    </Paper>
  );
}

/** Campaigns (seed 001), most recent first: what each promotes, its price and period, who runs it. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [status, setStatus] = useState<CampaignStatus | null>(null);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useCampaigns({ ...(status ? { status } : {}), ...(q ? { q } : {}) });

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>{t('campaigns:list.title')}</Title>
        {me.abilities.createCampaigns && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('campaigns:list.new')}</Button>}
      </Group>
      <Group gap="sm" wrap="wrap">
        <DebouncedTextInput value={q} onCommit={setQ} placeholder={t('campaigns:list.search')} aria-label={t('campaigns:list.search')} leftSection={<IconSearch size={16} />} style={{ flex: '1 1 200px' }} />
        <Select
          value={status}
          onChange={(value) => setStatus(campaignStatuses.find((candidate) => candidate === value) ?? null)}
          data={campaignStatuses.map((value) => ({ value, label: t(`campaigns:status.${value}`) }))}
          placeholder={t('campaigns:field.status')}
          aria-label={t('campaigns:field.status')}
          clearable
          style={{ flex: '0 1 180px' }}
        />
      </Group>
      <PagedList query={list} empty={t('campaigns:list.empty')} total={(count, total) => t('campaigns:list.total', { count, total })}>
        {(items) => <Stack gap="xs">{items.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} />)}</Stack>}
      </PagedList>
      {creating && <CampaignFormModal onClose={() => setCreating(false)} onSaved={(campaign) => void navigate(`/campaigns/${campaign.id}`)} />}
    </Stack>
  );
}
