import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedList } from '@web/components/paged-list.component';
import { useCompact } from '@web/components/list-kit/use-compact';
import { AgreementFormModal } from './agreement-form-modal.component';
import { AgreementsCards, AgreementsTable } from './agreements-table.component';
import { useAgreements } from './use-agreements';

/** A company's agreements tab, or a project's: newest first, and a button to start one there. */
export function RelatedAgreements({ organizationId, projectId, canCreate }: { organizationId: string; projectId?: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const compact = useCompact();
  const list = useAgreements(projectId ? { projectId, sort: '-createdAt', limit: 20 } : { organizationId, sort: '-createdAt', limit: 20 });
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };
  return (
    <Stack gap="sm" data-testid="related-agreements">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('agreements:action.new')}</Button>
        </Group>
      )}
      <PagedList query={list} empty={t('agreements:section.empty')}>
        {(items) => (compact ? <AgreementsCards items={items} {...paging} /> : <AgreementsTable items={items} visible={['type', 'status', 'owner', 'endOn', 'value']} {...paging} />)}
      </PagedList>
      {creating && <AgreementFormModal organizationId={organizationId} projectId={projectId ?? null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
