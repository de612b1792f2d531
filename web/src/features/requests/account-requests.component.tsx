import type { Account } from '@contract/accounts';
import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedList } from '@web/components/paged-list.component';
import { RequestFormModal } from './request-form-modal.component';
import { RequestsTable } from './requests-table.component';
import { useRequests } from './use-requests';

/** The account's requests, newest first; leads also open on their lead page. */
export function AccountRequests({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  const requests = useRequests({ accountId: account.id, limit: 50 });
  return (
    <Stack gap="sm">
      <Group>
        {account.abilities.update && (
          <Button leftSection={<IconPlus size={16} />} onClick={add.open}>
            {t('requests:action.add')}
          </Button>
        )}
        {account.stage === 'lead' && (
          <Anchor component={Link} to={`/leads/${account.id}`} size="sm">
            {t('leads:openLeadPage')}
          </Anchor>
        )}
      </Group>
      <PagedList query={requests} empty={t('requests:list.emptyLead')}>
        {(items) => <RequestsTable items={items} showAccount={false} />}
      </PagedList>
      {adding && <RequestFormModal opened accountId={account.id} onClose={add.close} />}
    </Stack>
  );
}
