import type { Readable } from 'node:stream';
import type { Product } from '@contract/products';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { deleteQuietly, storeImage, type FileDeps, type Upload } from '@server/modules/documents/documents.service';
import { getProduct } from './products.service';
import { findProduct, updateProductRow, type ProductRow } from './products.repo';

/**
 * Sets (or, with no upload, removes) a product's picture (admins and managers): an image as the
 * content says (see storeImage), stored like a document. The product's version moves on, so an
 * editor holding the old one is told; the previous picture's file goes.
 */
export async function replaceProductImage(deps: FileDeps, actor: Actor, id: string, getUpload: (() => Promise<Upload>) | null): Promise<Product> {
  authorize(actor, { domain: 'product', action: 'manage' });
  if (!(await findProduct(deps.db, id))) throw new AppError('not_found');
  const stored = getUpload ? await storeImage(deps, await getUpload()) : null;
  let oldKey: string | null;
  try {
    oldKey = await deps.db.transaction().execute(async (trx) => {
      const before = await findProduct(trx, id);
      if (!before) throw new AppError('not_found');
      const image = { image_key: stored?.key ?? null, image_type: stored?.contentType ?? null, image_size: stored?.size ?? null, image_name: stored?.name ?? null };
      if (!(await updateProductRow(trx, id, before.version, { ...image, updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
      await writeAudit(trx, {
        actorId: actor.id, entity: 'product', entityId: id, accountId: null, action: 'product_image_changed',
        changes: [{ field: 'image', before: before.image_name, after: image.image_name }],
      });
      return before.image_key;
    });
  } catch (error) {
    if (stored) await deleteQuietly(deps, [stored.key]);
    throw error;
  }
  if (oldKey) await deleteQuietly(deps, [oldKey]);
  return getProduct(deps.db, actor, id);
}

/** A product's picture: its row (type, size, name) and bytes; everyone signed in reads the catalog. */
export async function openProductImage(deps: FileDeps, actor: Actor, id: string): Promise<{ row: ProductRow & { image_key: string; image_type: string }; stream: Readable }> {
  authorize(actor, { domain: 'product', action: 'read' });
  const row = await findProduct(deps.db, id);
  if (!row?.image_key || !row.image_type) throw new AppError('not_found');
  return { row: { ...row, image_key: row.image_key, image_type: row.image_type }, stream: await deps.storage.get(row.image_key) };
}
