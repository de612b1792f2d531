import type { Product } from '@contract/products';
import { useTranslation } from 'react-i18next';
import { ImagePicker } from '@web/components/image-picker.component';
import { ProductThumb } from './product-thumb.component';
import { useProductImage } from './use-product-image';

/** The picture in a product's form: uploaded, changed or removed at once (the product answered back carries the new version). */
export function ProductImageField({ product, onChanged }: { product: Product; onChanged: (product: Product) => void }) {
  const { t } = useTranslation();
  const image = useProductImage(product.id);
  return (
    <ImagePicker
      picture={<ProductThumb product={product} size={72} />}
      hasImage={product.imageUrl !== null}
      texts={{ upload: t('catalog:image.upload'), change: t('catalog:image.change'), remove: t('catalog:image.remove'), hint: t('catalog:image.hint'), uploading: t('catalog:image.uploading') }}
      onChange={(file, settled) => image.mutate(file, { onSuccess: onChanged, onSettled: settled })}
      pending={image.isPending}
      error={image.error}
    />
  );
}
