import type { Product } from '@contract/products';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '@web/components/format';
import type { ListColumn } from '@web/components/list-kit/list-table.component';
import { useListItems } from '@web/features/lists/use-lists';
import { ProductThumb } from './product-thumb.component';
import { useTaxRateLabel, useTaxRates } from './use-tax-rates';

/** A product's name: a button that opens its form for those who keep the catalog, plain text for the others. */
function ProductName({ product, onOpen }: { product: Product; onOpen: ((product: Product) => void) | null }) {
  return onOpen ? (
    <Anchor component="button" type="button" fw={600} size="sm" ta="left" onClick={() => onOpen(product)} style={{ overflowWrap: 'anywhere' }}>{product.name}</Anchor>
  ) : (
    <Text fw={600} size="sm" truncate>{product.name}</Text>
  );
}

/** Labels of what a product row shows by key: units, categories and tax rates in the user's language. */
function useProductLabels() {
  const units = useListItems('product_unit');
  const categories = useListItems('product_category');
  const rates = useTaxRates(true);
  const rateLabel = useTaxRateLabel();
  return {
    unit: units.label,
    category: categories.label,
    taxRate: (id: string | null) => {
      const rate = rates.data?.items.find((item) => item.id === id);
      return rate ? rateLabel(rate) : '—';
    },
  };
}

export function useProductColumns(onOpen: ((product: Product) => void) | null): ListColumn<Product>[] {
  const { t } = useTranslation();
  const labels = useProductLabels();
  return [
    { key: 'code', header: t('catalog:field.code'), width: 120, sortKey: 'code', cell: (product) => <Text size="sm" ff="monospace" truncate>{product.code}</Text> },
    {
      key: 'name', header: t('catalog:field.name'), width: 300, sortKey: 'name',
      cell: (product) => <Group gap="xs" wrap="nowrap"><ProductThumb product={product} size={28} /><ProductName product={product} onOpen={onOpen} /></Group>,
    },
    { key: 'kind', header: t('catalog:field.kind'), width: 110, cell: (product) => t(`catalog:kind.${product.kind}`) },
    { key: 'category', header: t('catalog:field.category'), width: 140, cell: (product) => labels.category(product.category) || '—' },
    { key: 'unit', header: t('catalog:field.unit'), width: 110, cell: (product) => labels.unit(product.unit) },
    { key: 'price', header: t('catalog:field.price'), width: 130, align: 'right', cell: (product) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(product.price, product.currency)}</span> },
    { key: 'taxRate', header: t('catalog:field.taxRate'), width: 170, cell: (product) => <Text size="sm" truncate>{labels.taxRate(product.taxRateId)}</Text> },
    { key: 'active', header: t('catalog:field.active'), width: 100, cell: (product) => (product.active ? <Badge variant="light" color="teal">{t('catalog:active')}</Badge> : <Badge variant="light" color="gray">{t('catalog:inactive')}</Badge>) },
    { key: 'updatedAt', header: t('catalog:field.updatedAt'), width: 150, sortKey: 'updatedAt', descendingFirst: true, cell: (product) => formatDate(product.updatedAt) },
  ];
}

/** A product at phone width: its picture, name and price, code, kind and unit. */
export function ProductCard({ product, onOpen }: { product: Product; onOpen: ((product: Product) => void) | null }) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ProductThumb product={product} size={40} />
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <ProductName product={product} onOpen={onOpen} />
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{formatMoney(product.price, product.currency)}</Text>
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {[product.code, t(`catalog:kind.${product.kind}`), labels.unit(product.unit), labels.category(product.category), product.active ? '' : t('catalog:inactive')].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}
