import type { AccountKind } from '@contract/accounts';
import { Avatar } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KindIcon } from './kind-icon.component';

/** The account's logo as a small avatar in lists, or its kind icon when it has none. */
export function AccountAvatar({ account, size = 24 }: { account: { kind: AccountKind; name: string; logoUrl: string | null }; size?: number }) {
  const { t } = useTranslation();
  if (!account.logoUrl) return <KindIcon kind={account.kind} />;
  return <Avatar src={account.logoUrl} alt={t('documents:logo.alt', { name: account.name })} size={size} radius="sm" />;
}
