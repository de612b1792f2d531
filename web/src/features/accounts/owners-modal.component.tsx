import type { Account } from '@contract/accounts';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { OwnerSelect } from './owner-select.component';
import { StaleVersionAlert } from './stale-version-alert.component';
import { useSetOwners } from './use-set-owners';

type Props = { account: Account; opened: boolean; onClose: () => void; onReload: () => Promise<unknown> };

export function OwnersModal({ account, opened, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [ownerIds, setOwnerIds] = useState(() => account.owners.map((owner) => owner.id));
  const setOwners = useSetOwners(account.id);
  const [reloading, setReloading] = useState(false);

  const close = () => {
    setOwners.reset();
    setOwnerIds(account.owners.map((owner) => owner.id));
    onClose();
  };

  const reload = async () => {
    setReloading(true);
    await onReload();
    setReloading(false);
    setOwners.reset();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('accounts:owners.title')} centered>
      <Stack gap="md">
        <OwnerSelect value={ownerIds} onChange={setOwnerIds} known={account.owners} />
        {isApiError(setOwners.error, 'stale_version') ? (
          <StaleVersionAlert onReload={() => void reload()} reloading={reloading} />
        ) : (
          <ErrorAlert error={setOwners.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:action.cancel')}
          </Button>
          <Button
            loading={setOwners.isPending}
            onClick={() => setOwners.mutate({ version: account.version, ownerIds }, { onSuccess: onClose })}
          >
            {t('common:action.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
