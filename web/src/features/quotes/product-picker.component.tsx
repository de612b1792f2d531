import type { Product } from '@contract/products';
import { Center, Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatMoney } from '@web/components/format';
import { ProductThumb } from '@web/features/catalog/product-thumb.component';
import { useProducts } from '@web/features/catalog/use-products';

type Props = { currency: string; onPick: (product: Product) => void; onClose: () => void };

/** Searches the active catalog by code or name; a pick becomes a line (its price only in the quote's currency). */
export function ProductPicker({ currency, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const products = useProducts({ active: 'true', sort: 'name', ...(q ? { q } : {}) }, 20);
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Modal opened onClose={onClose} title={t('quotes:picker.title')} size="lg">
      <Stack gap="sm">
        <TextInput data-autofocus leftSection={<IconSearch size={16} />} aria-label={t('quotes:picker.search')} placeholder={t('quotes:picker.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
        <ErrorAlert error={products.error} />
        {products.isPending ? (
          <Center py="md"><Loader size="sm" /></Center>
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" py="md">{t('quotes:picker.empty')}</Text>
        ) : (
          <Stack gap={4} role="listbox" aria-label={t('quotes:picker.title')}>
            {items.map((product) => (
              <UnstyledButton key={product.id} role="option" aria-selected={false} onClick={() => onPick(product)} p="xs" style={{ borderRadius: 4, border: '1px solid var(--mantine-color-default-border)' }}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <ProductThumb product={product} size={36} />
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>{product.name}</Text>
                      <Text size="xs" c="dimmed" truncate>{product.code}</Text>
                    </div>
                  </Group>
                  <Stack gap={0} align="flex-end">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatMoney(product.price, product.currency)}</Text>
                    {product.currency !== currency && <Text size="xs" c="orange">{t('quotes:picker.otherCurrency')}</Text>}
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
