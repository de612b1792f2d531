import type { RegistryStatus } from '@contract/registry';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<RegistryStatus, string> = { active: 'teal', warning: 'yellow', risk: 'red', closed: 'gray' };

/** The register's status of a company: operating, with warnings, insolvent, or closed (with the register's own word). */
export function RegistryStatusBadge({ status, text }: { status: RegistryStatus; text: string | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant={status === 'risk' ? 'filled' : 'light'} tt="none" title={text ?? undefined} data-status={status} style={{ flexShrink: 0, alignSelf: 'flex-start' }}>
      {t(`registry:status.${status}`)}
    </Badge>
  );
}
