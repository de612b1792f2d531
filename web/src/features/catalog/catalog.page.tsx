import type { Product } from '@contract/products';
import { Button, Menu } from '@mantine/core';
import { IconFilterOff, IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/empty-state.component';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ListTable } from '@web/components/list-kit/list-table.component';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { useCompact } from '@web/components/list-kit/use-compact';
import { ToolButton } from '@web/components/tool-button.component';
import { useCurrentUser } from '@web/features/auth/session';
import { ExportMenu } from '@web/features/exports/deferred-export-menu.component';
import { ProductFiltersBar } from './catalog-list-tools.component';
import { catalogListUrl } from './catalog-list-url';
import { ProductCard, useProductColumns } from './product-columns.component';
import { ProductFormModal } from './product-form-modal.component';
import { ProductImportButton } from './product-import-button.component';
import { useProducts } from './use-products';

/** Where the catalog's configuration lives: units and categories in the lists admin, tax rates on their page. */
function CatalogSettingsMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.abilities.manageLists && !me.abilities.manageTaxRates) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ToolButton icon={<IconSettings size={16} />} compact={compact}>{t('catalog:settings.menu')}</ToolButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me.abilities.manageLists && <Menu.Item component={Link} to="/lists?list=product_unit">{t('catalog:settings.units')}</Menu.Item>}
        {me.abilities.manageLists && <Menu.Item component={Link} to="/lists?list=product_category">{t('catalog:settings.categories')}</Menu.Item>}
        {me.abilities.manageTaxRates && <Menu.Item component={Link} to="/settings/tax-rates">{t('catalog:settings.taxRates')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The catalog: products and services searched by code or name, filtered, exported and imported; kept by admins and managers. */
export function CatalogPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const url = useListUrl(catalogListUrl);
  const list = useProducts(url.text);
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const open = me.abilities.manageCatalog ? (product: Product) => setEditing(product) : null;
  const columns = useProductColumns(open);
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };
  return (
    <>
      <ListFrame
        title={t('catalog:list.title')}
        total={{ first: list.data?.pages[0], testId: 'catalog-total', text: (count, total) => t('catalog:list.total', { count, total }) }}
        actions={
          <>
            <ExportMenu path="/products/export" filters={url.text} compact={compact} testId="catalog-export" help={t('catalog:list.exportHelp')} />
            {me.abilities.manageCatalog && <ProductImportButton compact={compact} />}
            <CatalogSettingsMenu compact={compact} />
            {me.abilities.manageCatalog && (
              <Button leftSection={<IconPlus size={16} />} size={compact ? 'xs' : 'sm'} onClick={() => setEditing('new')}>{t('catalog:action.new')}</Button>
            )}
          </>
        }
        filters={<ProductFiltersBar values={url.text} onChange={url.set} compact={compact} />}
        error={list.error}
        pending={list.isPending}
        empty={items.length > 0 ? null : (
          <EmptyState icon={<IconFilterOff size={24} />} title={t('catalog:list.empty')} message={t('catalog:list.emptyHint')}
            action={<Button variant="light" onClick={url.clearFilters}>{t('catalog:list.clearFilters')}</Button>} />
        )}
      >
        {compact ? (
          <ListCards items={items} rowKey={(product) => product.id} cardHeight={76} testId="catalog-cards" card={(product) => <ProductCard product={product} onOpen={open} />} {...paging} />
        ) : (
          <ListTable items={items} columns={columns} rowKey={(product) => product.id} label={t('catalog:list.title')} sort={url.query.sort} onSort={(sort) => url.set({ sort })} testId="catalog-table"
            rowStyle={(product) => (product.active ? undefined : { opacity: 0.6 })} {...paging} />
        )}
      </ListFrame>
      {editing && <ProductFormModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
