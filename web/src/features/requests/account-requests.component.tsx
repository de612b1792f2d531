import type { Account } from '@contract/accounts';
import { Anchor, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RequestFormModal } from './request-form-modal.component';
import { RequestsTable } from './requests-table.component';
import { useRequests } from './use-requests';

/** The account's requests, newest first; leads also open on their lead page. */
export function AccountRequests({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  const requests = useRequests({ accountId: account.id, limit: 50 });
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
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
      <ErrorAlert error={requests.error} />
      {requests.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('requests:list.emptyLead')}</Text>
      ) : (
        <RequestsTable items={items} showAccount={false} />
      )}
      {requests.hasNextPage && (
        <Button variant="default" onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
      {adding && <RequestFormModal opened accountId={account.id} onClose={add.close} />}
    </Stack>
  );
}
