import { defaultOpportunityColumns } from '@contract/saved-views';
import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedList } from '@web/components/paged-list.component';
import { OpportunitiesTable } from './opportunities-table.component';
import { OpportunityFormModal } from './opportunity-form-modal.component';
import { useOpportunities } from './use-opportunities';

/** The organization page's opportunities: its deals, newest first, and a button to open one on it. */
export function OrganizationOpportunities({ organizationId, canCreate }: { organizationId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useOpportunities({ organizationId, sort: '-createdAt', limit: 20 });
  return (
    <Stack gap="sm" data-testid="organization-opportunities">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('opportunities:action.new')}</Button>
        </Group>
      )}
      <PagedList query={list} empty={t('opportunities:section.empty')}>
        {(items) => <OpportunitiesTable items={items} columns={defaultOpportunityColumns.filter((column) => column !== 'organization')} />}
      </PagedList>
      {creating && <OpportunityFormModal organizationId={organizationId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
