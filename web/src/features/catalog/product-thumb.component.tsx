import type { Product } from '@contract/products';
import { Avatar } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';

type Pictured = Pick<Product, 'name' | 'imageUrl'>;

/** A product's picture as a small square in lists and the quote's line picker (named by the product, in any page's texts), or a package icon without one. */
export function ProductThumb({ product, size = 32 }: { product: Pictured; size?: number }) {
  return (
    <Avatar src={product.imageUrl} alt={product.imageUrl ? product.name : undefined} size={size} radius="sm" color="gray">
      <IconPackage size={Math.round(size * 0.55)} aria-hidden />
    </Avatar>
  );
}
