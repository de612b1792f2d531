import type { Account } from '@contract/accounts';
import { Avatar } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImagePicker } from '@web/components/image-picker.component';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { useLogo } from './use-logo';

const initials = (name: string) =>
  name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word.charAt(0).toUpperCase()).join('');

/** The account's logo (or initials); whoever may edit the account uploads, changes or removes it. */
export function AccountLogo({ account }: { account: Account }) {
  const { t } = useTranslation();
  const logo = useLogo(account.id);
  const avatar = (
    <Avatar src={account.logoUrl} alt={t('documents:logo.alt', { name: account.name })} size={56} radius="md" color="blue">
      {account.kind === 'organization' ? initials(account.name) : <KindIcon kind={account.kind} size={24} />}
    </Avatar>
  );
  if (!account.abilities.update) return avatar;
  return (
    <ImagePicker
      picture={avatar}
      hasImage={account.logoUrl !== null}
      texts={{ upload: t('documents:logo.upload'), change: t('documents:logo.change'), remove: t('documents:logo.remove'), hint: t('documents:logo.hint'), uploading: t('documents:uploading') }}
      onChange={(file, settled) => logo.mutate(file, { onSettled: settled })}
      pending={logo.isPending}
      error={logo.error}
    />
  );
}
