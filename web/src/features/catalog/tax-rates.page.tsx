import type { TaxRate } from '@contract/products';
import { ActionIcon, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconEdit, IconEye, IconEyeOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { TaxRateModal } from './tax-rate-modal.component';
import { useSaveTaxRate, useTaxRates } from './use-tax-rates';

function ActiveToggle({ rate }: { rate: TaxRate }) {
  const { t } = useTranslation();
  const save = useSaveTaxRate(rate.id);
  const label = t(rate.active ? 'catalog:taxRates.deactivate' : 'catalog:taxRates.activate');
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" aria-label={label} loading={save.isPending} onClick={() => save.mutate({ version: rate.version, active: !rate.active })}>
        {rate.active ? <IconEyeOff size={16} /> : <IconEye size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}

/** Admins keep the tax rates quote lines offer (IGV 18%, IVA 21/10/4%, exempt…): add, rename, change, deactivate. */
export function TaxRatesPage() {
  const { t, i18n } = useTranslation();
  const rates = useTaxRates(true);
  const [editing, setEditing] = useState<TaxRate | 'new' | null>(null);
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const language = i18n.language.startsWith('en') ? 'en' : 'es';
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>{t('catalog:taxRates.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('catalog:taxRates.add')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('catalog:taxRates.intro')}</Text>
      <AdminTable
        items={rates.data?.items}
        error={rates.error}
        pending={rates.isPending}
        empty={t('catalog:taxRates.empty')}
        framed
        columns={[
          { key: 'name', header: t('catalog:taxRates.name'), cell: (rate) => <Text size="sm" fw={500}>{rate.labels[language]}</Text> },
          { key: 'rate', header: t('catalog:taxRates.rate'), align: 'right', cell: (rate) => `${percent.format(rate.rate)} %` },
          {
            key: 'active',
            header: t('catalog:field.active'),
            cell: (rate) => (rate.active ? <Badge variant="light" color="teal">{t('catalog:active')}</Badge> : <Badge variant="light" color="gray">{t('catalog:inactive')}</Badge>),
          },
        ]}
        rowKey={(rate) => rate.id}
        rowStyle={(rate) => ({ opacity: rate.active ? 1 : 0.6 })}
        rowAttributes={(rate) => ({ 'data-testid': `tax-rate-${rate.key}` })}
        label={t('catalog:taxRates.title')}
        actionsLabel={t('catalog:taxRates.actions')}
        actions={(rate) => (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={t('catalog:taxRates.edit', { name: rate.labels[language] })} onClick={() => setEditing(rate)}><IconEdit size={16} /></ActionIcon>
            <ActiveToggle rate={rate} />
          </Group>
        )}
      />
      {editing && <TaxRateModal rate={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
