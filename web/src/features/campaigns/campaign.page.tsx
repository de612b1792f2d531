import type { MemberListParams } from '@contract/campaigns';
import { Badge, Button, Group, Menu, Paper, Select, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconDownload, IconMail, IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { buildUrl } from '@web/app/api-client';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { RecordGuard } from '@web/components/record-guard.component';
import { formatDay, formatTotal } from '@web/components/format';
import { PagedList } from '@web/components/paged-list.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { useUserOptions } from '@web/features/users/use-user-options';
import { formatPrice } from './campaign-format';
import { CampaignFormModal } from './campaign-form-modal.component';
import { CampaignStatusBadge } from './campaign-status-badge.component';
import { AddMembersModal } from './add-members-modal.component';
import { CampaignMailModal } from './campaign-mail-modal.component';
import { MemberCard } from './member-card.component';
import { useCampaign } from './use-campaigns';
import { useMemberGroups, useMembers } from './use-members';

/** A campaign (seed 001): what it promotes, its period, and its members as the user sees them, with their totals. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const lists = useListLookup();
  // The member filters live in the URL, so a dashboard slice (status, responsible) opens the list it counted.
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const responsibleId = search.get('responsibleId');
  const q = search.get('q') ?? '';
  const setFilter = (key: 'status' | 'responsibleId' | 'q', value: string | null) => setSearch((current) => {
    const next = new URLSearchParams(current);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });
  const setStatus = (value: string | null) => setFilter('status', value);
  const users = useUserOptions();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [mailing, setMailing] = useState(false);
  const params: MemberListParams = { ...(status ? { status } : {}), ...(responsibleId ? { responsibleId } : {}), ...(q ? { q } : {}) };
  const members = useMembers(id, params);
  const groups = useMemberGroups(id, params);
  const exportUrl = (format: 'csv' | 'xlsx') => buildUrl(`/campaigns/${encodeURIComponent(id)}/members/export`, { ...params, format, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });

  return (
    <RecordGuard query={campaign}>
      {(data) => (
        <Stack gap="md">
          <Group justify="space-between" gap="sm" align="flex-start">
            <Stack gap={4}>
              <Group gap="sm"><Title order={2}>{data.name}</Title><CampaignStatusBadge status={data.status} /></Group>
              <Group gap="md" wrap="wrap">
                {data.product && <Text>{data.product}</Text>}
                {data.catalogProduct && <Badge variant="outline" color="gray" title={t('campaigns:field.catalogProduct')}>{data.catalogProduct.code}</Badge>}
                {data.price !== null && <Text fw={600}>{formatPrice(data.price, data.currency)}</Text>}
                <Text c="dimmed">{t('campaigns:list.period', { from: formatDay(data.startsOn), to: formatDay(data.endsOn) })}</Text>
              </Group>
              {data.responsibles.length > 0 && <Text size="sm" c="dimmed">{t('campaigns:page.responsibles', { names: data.responsibles.map((user) => user.name).join(', ') })}</Text>}
            </Stack>
            <Group gap="xs" wrap="wrap">
              {data.abilities.update && <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>{t('campaigns:page.edit')}</Button>}
              {data.abilities.manageMembers && <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>{t('campaigns:page.addMembers')}</Button>}
              <Button variant="light" leftSection={<IconMail size={16} />} onClick={() => setMailing(true)}>{t('campaigns:page.mail')}</Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="light" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>{t('campaigns:page.export')}</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component="a" href={exportUrl('csv')} download>CSV</Menu.Item>
                  <Menu.Item component="a" href={exportUrl('xlsx')} download>Excel (XLSX)</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
          {data.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Text>}
          <Paper withBorder p="xs" aria-label={t('campaigns:page.totals')} role="region">
            <Group gap="xs" wrap="wrap">
              {(groups.data?.groups ?? []).map((group) => (
                <UnstyledButton key={group.value ?? ''} onClick={() => setStatus(status === group.value ? null : group.value)} aria-pressed={status === group.value} data-testid={`total-${group.value ?? ''}`}>
                  <Badge size="lg" variant={status === group.value ? 'filled' : 'light'} color={lists.color('campaign_member_status', group.value) ?? 'gray'}>
                    {lists.label('campaign_member_status', group.value)} · {formatTotal(group.count, group.countIsEstimate)}
                  </Badge>
                </UnstyledButton>
              ))}
            </Group>
          </Paper>
          <Group gap="sm" wrap="wrap">
            <DebouncedTextInput value={q} onCommit={(value) => setFilter('q', value)} placeholder={t('campaigns:page.search')} aria-label={t('campaigns:page.search')} leftSection={<IconSearch size={16} />} style={{ flex: '1 1 200px' }} />
            <Select value={status} onChange={setStatus} data={lists.options('campaign_member_status', status)} placeholder={t('campaigns:member.status')} aria-label={t('campaigns:member.status')} clearable style={{ flex: '0 1 180px' }} />
            <Select value={responsibleId} onChange={(value) => setFilter('responsibleId', value)} data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))} placeholder={t('campaigns:member.responsibleField')} aria-label={t('campaigns:member.responsibleField')} searchable clearable style={{ flex: '0 1 200px' }} />
          </Group>
          <PagedList query={members} empty={t('campaigns:page.empty')} total={(count, total) => t('campaigns:page.total', { count, total })}>
            {(items) => <Stack gap="xs">{items.map((member) => <MemberCard key={member.id} member={member} manage={data.abilities.manageMembers} />)}</Stack>}
          </PagedList>
          {editing && <CampaignFormModal campaign={data} onClose={() => setEditing(false)} />}
          {adding && <AddMembersModal campaignId={id} onClose={() => setAdding(false)} />}
          {mailing && <CampaignMailModal campaignId={id} name={data.name} onClose={() => setMailing(false)} />}
        </Stack>
      )}
    </RecordGuard>
  );
}
