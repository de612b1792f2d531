import { logoContentTypes } from '@contract/documents';
import type { Account } from '@contract/accounts';
import { Avatar, FileButton, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPhotoOff, IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { useLogo } from './use-logo';

const initials = (name: string) =>
  name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word.charAt(0).toUpperCase()).join('');

/** The account's logo (or initials); whoever may edit the account uploads, changes or removes it. */
export function AccountLogo({ account }: { account: Account }) {
  const { t } = useTranslation();
  const logo = useLogo(account.id);
  const resetRef = useRef<() => void>(null);
  const avatar = (
    <Avatar src={account.logoUrl} alt={t('documents:logo.alt', { name: account.name })} size={56} radius="md" color="blue">
      {account.kind === 'organization' ? initials(account.name) : <KindIcon kind={account.kind} size={24} />}
    </Avatar>
  );
  if (!account.abilities.update) return avatar;
  return (
    <Stack gap={4}>
      <FileButton
        resetRef={resetRef}
        accept={logoContentTypes.join(',')}
        onChange={(file) => file && logo.mutate(file, { onSettled: () => resetRef.current?.() })}
      >
        {(upload) => (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label={account.logoUrl ? t('documents:logo.change') : t('documents:logo.upload')}>{avatar}</UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('documents:logo.hint')}</Menu.Label>
              <Menu.Item leftSection={<IconUpload size={16} />} onClick={upload.onClick}>
                {account.logoUrl ? t('documents:logo.change') : t('documents:logo.upload')}
              </Menu.Item>
              {account.logoUrl && (
                <Menu.Item color="red" leftSection={<IconPhotoOff size={16} />} onClick={() => logo.mutate(null)}>
                  {t('documents:logo.remove')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </FileButton>
      {logo.error ? (
        <Group maw={320}>
          <ErrorAlert error={logo.error} />
        </Group>
      ) : null}
      {logo.isPending && <Text size="xs" c="dimmed">{t('documents:uploading')}</Text>}
    </Stack>
  );
}
