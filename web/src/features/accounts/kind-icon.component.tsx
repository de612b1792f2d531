import type { AccountKind } from '@contract/accounts';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function KindIcon({ kind, size = 16 }: { kind: AccountKind; size?: number }) {
  const { t } = useTranslation();
  const Icon = kind === 'organization' ? IconBuilding : IconUser;
  return <Icon size={size} aria-label={t(`accounts:kind.${kind}`)} role="img" style={{ flexShrink: 0 }} />;
}
